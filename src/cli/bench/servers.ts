/**
 * The web server both sites are served by: nginx (what a hospital runs) where it is installed, else the
 * Node server of `npm run preview`; `--server node` or `--server nginx` chooses.
 */
import { nginxPath } from '../../../tests/browser.ts';
import { serveWithNginx } from '../nginx-serve.ts';
import { serve } from '../serve.ts';

export interface BenchServer {
  name: 'nginx' | 'node';
  binary?: string;
}

/** nginx where installed (NGINX_PATH to point at one) unless `choice` is "node"; with "nginx", a missing nginx is an error. */
export function benchServer(choice: string | undefined): BenchServer {
  if (choice === 'node') return { name: 'node' };
  try {
    return { name: 'nginx', binary: nginxPath() };
  } catch (error) {
    if (choice === 'nginx') throw error;
    return { name: 'node' };
  }
}

/** Serves each dist on its port, this site (the first) with its security headers; returns a stop function. */
export async function serveSites(server: BenchServer, list: Array<{ dist: string; port: number }>): Promise<() => Promise<void>> {
  const sites = list.map((site, index) => ({ dir: site.dist, port: site.port, securityHeaders: index === 0 }));
  if (server.binary) return (await serveWithNginx(server.binary, sites)).stop;
  const servers = await Promise.all(sites.map((site) => serve({ dir: site.dir, base: '/', port: site.port, securityHeaders: site.securityHeaders })));
  return async () => servers.forEach((running) => running.close());
}
