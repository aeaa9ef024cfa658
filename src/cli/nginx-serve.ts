/**
 * Running Debian's nginx on loopback as the current user, in a scratch folder: for the benchmark (the
 * web server hospitals run, rather than the small Node server of `npm run preview`) and for the
 * deployment test of the documented nginx block (docs/deploying.md, tests/e2e/nginx.spec.ts). `nginxConfig` wraps a
 * config's `http` content in the minimum such an nginx needs; `startNginx` checks it, starts it,
 * waits until it answers and stops it on every way out.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { securityHeaders } from '../lib/security-headers.ts';

/** A whole nginx.conf around `httpLines` (the server blocks and any types), for an nginx run from `work`. */
export function nginxConfig(work: string, httpLines: string[], comment: string): string {
  const temp = (name: string) => `    ${name}_temp_path ${join(work, name)};`;
  return [
    `# ${comment}`,
    'daemon off;',
    'worker_processes 1;',
    // As root, workers would drop to "nobody", who may not be able to read the checkout.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    `pid ${join(work, 'nginx.pid')};`,
    `error_log ${join(work, 'error.log')} warn;`,
    'events {}',
    'http {',
    '    include /etc/nginx/mime.types;',
    '    default_type application/octet-stream;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp),
    '',
    ...httpLines,
    '}',
    '',
  ].join('\n');
}

export interface RunningNginx {
  /** What nginx has written to its standard output and error so far. */
  output: () => string;
  /** Stops nginx (a graceful quit, then a kill after 5 s) and removes its scratch folder. */
  stop: () => Promise<void>;
}

/**
 * Writes the config returned by `config(work)` into a new scratch folder, checks it with `nginx -t`,
 * starts nginx and resolves once `ready()` is true. Throws, with nginx's output, if the config is
 * rejected, nginx exits or it is not ready within 10 s.
 */
export async function startNginx(binary: string, config: (work: string) => string, ready: () => Promise<boolean>, what: string): Promise<RunningNginx> {
  const work = mkdtempSync(join(tmpdir(), 'nginx-'));
  const configFile = join(work, 'nginx.conf');
  const text = config(work);
  writeFileSync(configFile, text);
  const args = ['-p', `${work}/`, '-e', join(work, 'error.log'), '-c', configFile];
  const check = spawnSync(binary, ['-t', ...args], { encoding: 'utf8' });
  if (check.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`nginx rejects the config ${what}:\n${check.stderr}\n--- nginx.conf ---\n${text}`);
  }
  const nginx = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  nginx.stdout.on('data', (chunk) => (output += chunk));
  nginx.stderr.on('data', (chunk) => (output += chunk));
  const killOnExit = () => nginx.kill('SIGTERM');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    if (nginx.exitCode === null && nginx.signalCode === null) {
      const exited = new Promise((done) => nginx.once('exit', done));
      nginx.kill('SIGQUIT');
      const timer = setTimeout(() => nginx.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(work, { recursive: true, force: true });
  };
  const started = Date.now();
  for (;;) {
    if (nginx.exitCode !== null) {
      await stop();
      throw new Error(`nginx exited with ${nginx.exitCode}:\n${output}`);
    }
    if (await ready()) return { output: () => output, stop };
    if (Date.now() - started > 10_000) {
      await stop();
      throw new Error(`nginx did not answer within 10 s:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

export interface NginxSite {
  dir: string;
  port: number;
  /** This site's security headers (the CSP and the rest), as its deployment sends them. */
  securityHeaders: boolean;
}

/** The bench's server blocks: no caching between visits, Pagefind's files as binary. */
function benchServerBlocks(sites: NginxSite[]): string[] {
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
  return ['  types { application/octet-stream pagefind pf_fragment pf_index pf_meta pf_filter; }', '  access_log off;', ...sites.flatMap(server)];
}

/** The bench's whole nginx.conf, for nginx run from `work`. */
export function benchNginxConfig(sites: NginxSite[], work: string): string {
  return nginxConfig(work, benchServerBlocks(sites), 'Written by the bench (src/cli/nginx-serve.ts); deleted after the run.');
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

/** Serves the sites with one nginx, a server block each; resolves once every port answers. */
export function serveWithNginx(binary: string, sites: NginxSite[]): Promise<RunningNginx> {
  return startNginx(
    binary,
    (work) => benchNginxConfig(sites, work),
    async () => (await Promise.all(sites.map((site) => answers(site.port)))).every(Boolean),
    'written for the bench',
  );
}
