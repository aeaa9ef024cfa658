import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cspString, securityHeaders } from '../../src/lib/security-headers';

describe('deployment documentation (docs/deploying.md)', () => {
  const guide = readFileSync('docs/deploying.md', 'utf8');

  it('gives the same Content-Security-Policy as the site sends', () => {
    expect(guide).toContain(`Content-Security-Policy: ${cspString()}`);
    expect(guide).toContain(`add_header Content-Security-Policy "${cspString()}" always;`);
  });

  it('keeps script policy strict: no inline scripts, only what Pagefind needs', () => {
    const policy = cspString();
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("worker-src 'self' blob:");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(cspString(true)).not.toContain('frame-ancestors');
    expect(securityHeaders()['X-Content-Type-Options']).toBe('nosniff');
  });

  it("the pages' meta policy leaves out only what falls back to default-src, so it enforces the same", () => {
    const full = Object.fromEntries(cspString().split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1).join(' ')]));
    const meta = Object.fromEntries(cspString(true).split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1).join(' ')]));
    expect(meta).toEqual({
      'default-src': "'self'",
      'script-src': "'self' 'wasm-unsafe-eval'",
      'img-src': "'self' data:",
      'worker-src': "'self' blob:",
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
    });
    for (const [name, value] of Object.entries(full)) {
      if (name === 'frame-ancestors') continue;
      expect(meta[name] ?? meta['default-src'], name).toBe(value);
    }
    expect(securityHeaders()['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('the local file in the deployment steps', () => {
  it("the deployment guide's first step is content/local.yaml, documented by the example file", async () => {
    const { existsSync } = await import('node:fs');
    const deploying = readFileSync('docs/deploying.md', 'utf8');
    expect(deploying).toMatch(/^# Deploying\n/);
    // The first numbered step of the guide.
    expect(/^1\. .*$/m.exec(deploying)?.[0]).toMatch(/^1\. \*\*Your local details: `content\/local\.yaml`\.\*\*/);
    expect(existsSync('content/local.example.yaml')).toBe(true);
  });
});
