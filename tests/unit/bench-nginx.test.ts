import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchNginxConfig } from '../../src/cli/nginx-serve.ts';
import { nginxPath } from '../browser.ts';

/** nginx, where installed (CI installs Debian's); without it the bench uses the Node server and this check is skipped. */
const nginx = (() => {
  try {
    return nginxPath();
  } catch {
    return undefined;
  }
})();

const sites = [
  { dir: '/srv/ours/dist', port: 4390, securityHeaders: true },
  { dir: '/srv/peer/dist', port: 4391, securityHeaders: false },
];

describe('the bench nginx config', () => {
  it('serves each site on its own loopback port, only this site with its security headers', () => {
    const config = benchNginxConfig(sites, '/tmp/work');
    const [, ours, peer] = config.split(/^ {2}server \{$/m);
    expect(ours).toContain('listen 127.0.0.1:4390;');
    expect(ours).toContain('root "/srv/ours/dist";');
    expect(ours).toMatch(/add_header Content-Security-Policy "default-src 'self';[^"]*" always;/);
    expect(peer).toContain('listen 127.0.0.1:4391;');
    expect(peer).not.toContain('Content-Security-Policy');
    for (const block of [ours, peer]) expect(block).toContain('add_header Cache-Control no-cache always;');
    expect(config).toContain('types { application/octet-stream pagefind pf_fragment pf_index pf_meta pf_filter; }');
  });

  it.skipIf(!nginx)('is accepted by nginx -t', () => {
    const work = mkdtempSync(join(tmpdir(), 'bench-nginx-test-'));
    try {
      const file = join(work, 'nginx.conf');
      writeFileSync(file, benchNginxConfig(sites.map((site) => ({ ...site, dir: work })), work));
      const check = spawnSync(nginx!, ['-t', '-p', work, '-c', file], { encoding: 'utf8' });
      expect(check.status, check.stderr).toBe(0);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
