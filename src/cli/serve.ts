/**
 * A small static server for the built site:
 * `node src/cli/serve.ts [--dir dist] [--base /] [--port 4321] [--host 127.0.0.1]`.
 * It serves `dist/` under the base path with the MIME types Pagefind needs and the same security
 * headers docs/deploying.md documents for nginx and IIS, so tests and the benchmark see what a hospital
 * server would send. Loopback only unless --host says otherwise.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { securityHeaders } from '../lib/security-headers.ts';
import { mimeTypes } from '../lib/mime-types.ts';


export interface ServeOptions {
  dir: string;
  base?: string;
  port?: number;
  host?: string;
  /** Send the security headers (default). The benchmark's Starlight peer needs inline scripts, so it is served without them. */
  securityHeaders?: boolean;
}

function existingFile(path: string): string | undefined {
  try {
    const stats = statSync(path);
    if (stats.isFile()) return path;
    if (stats.isDirectory()) return existingFile(join(path, 'index.html'));
  } catch {
    return undefined;
  }
  return undefined;
}

/** Starts the server; resolves once it is listening. */
export function serve({ dir, base = '/', port = 4321, host = '127.0.0.1', securityHeaders: withSecurityHeaders = true }: ServeOptions): Promise<Server> {
  const root = resolve(dir);
  const basePath = base.endsWith('/') ? base : `${base}/`;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    if (pathname === basePath.slice(0, -1)) {
      response.writeHead(301, { Location: basePath });
      response.end();
      return;
    }
    const headers: Record<string, string> = { ...(withSecurityHeaders ? securityHeaders() : {}), 'Cache-Control': 'no-cache' };
    let file: string | undefined;
    if (pathname.startsWith(basePath)) {
      pathname = pathname.slice(basePath.length - 1);
      const candidate = normalize(join(root, pathname));
      if (candidate.startsWith(root)) file = existingFile(candidate);
      if (file && !pathname.endsWith('/') && statSync(candidate).isDirectory()) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` });
        response.end();
        return;
      }
    }
    const status = file ? 200 : 404;
    file ??= existingFile(join(root, '404.html'));
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
      return;
    }
    response.writeHead(status, { ...headers, 'Content-Type': mimeTypes[extname(file)] ?? 'application/octet-stream' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise) => server.listen(port, host, () => resolvePromise(server)));
}

/** The value of `--name`; the last one wins, so `npm run serve -- --port 8080` overrides the script's own port. */
function argument(name: string, fallback: string): string {
  const index = process.argv.lastIndexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

if (import.meta.main) {
  const dir = argument('dir', 'dist');
  const base = argument('base', process.env.BASE_PATH || '/');
  const port = Number(argument('port', process.env.PORT || '4321'));
  const host = argument('host', '127.0.0.1');
  await serve({ dir, base, port, host });
  console.log(`Serving ${dir} at http://localhost:${port}${base}  (Ctrl+C to stop)`);
}
