/**
 * Serves built sites with nginx on loopback, for the benchmark: the web server hospitals run, rather
 * than the small Node server of `npm run preview`. One nginx, one `server` block a site, started as the
 * current user in a scratch folder and stopped with `stop()`. The README's own nginx block is tested by
 * tests/e2e/nginx.spec.ts; this one only needs the same MIME types and headers for both sites.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { securityHeaders } from '../lib/security-headers.ts';

export interface NginxSite {
  dir: string;
  port: number;
  /** This site's security headers (the CSP and the rest), as its deployment sends them. */
  securityHeaders: boolean;
}

/** The nginx.conf for the sites: no caching between visits, Pagefind's files as binary, WASM typed. */
export function benchNginxConfig(sites: NginxSite[], work: string): string {
  const quoted = (value: string) => `"${value.replace(/(["\\])/g, '\\$1')}"`;
  const server = (site: NginxSite) => [
    '  server {',
    `    listen 127.0.0.1:${site.port};`,
    `    root ${quoted(site.dir)};`,
    '    index index.html;',
    '    error_page 404 /404.html;',
    '    add_header Cache-Control no-cache always;',
    ...(site.securityHeaders ? Object.entries(securityHeaders()).map(([name, value]) => `    add_header ${name} ${quoted(value)} always;`) : []),
    '  }',
  ];
  return [
    'worker_processes 1;',
    'daemon off;',
    `error_log ${join(work, 'error.log')} warn;`,
    `pid ${join(work, 'nginx.pid')};`,
    'events { worker_connections 256; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  types { application/octet-stream pagefind pf_fragment pf_index pf_meta pf_filter; }',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(work, kind)};`),
    ...sites.flatMap(server),
    '}',
    '',
  ].join('\n');
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const probe = request({ host: '127.0.0.1', port, path: '/', method: 'HEAD' }, (response) => {
      response.resume();
      resolvePromise(true);
    });
    probe.on('error', () => resolvePromise(false));
    probe.end();
  });
}

/** Starts nginx for the sites; resolves once every port answers. */
export async function serveWithNginx(binary: string, sites: NginxSite[]): Promise<{ stop: () => void }> {
  const work = mkdtempSync(join(tmpdir(), 'bench-nginx-'));
  const configFile = join(work, 'nginx.conf');
  writeFileSync(configFile, benchNginxConfig(sites, work));
  const nginx = spawn(binary, ['-p', work, '-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  nginx.stderr.on('data', (chunk) => (errors += chunk));
  const stop = () => {
    nginx.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 50; attempt++) {
    if (nginx.exitCode !== null) break;
    if ((await Promise.all(sites.map((site) => answers(site.port)))).every(Boolean)) return { stop };
    await new Promise((wait) => setTimeout(wait, 100));
  }
  stop();
  throw new Error(`nginx did not start for the bench: ${errors}`);
}
