/**
 * A real build under APPROVALS=strict, in a scratch copy of the project: a topic changed since its
 * approval stops it, naming the file. (The approval checks run before any page is built, so the
 * failing build takes seconds.)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { approve } from '../../src/cli/approve';

const project = resolve(import.meta.dirname, '../..');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tacrolimus-strict-'));
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public']) cpSync(join(project, entry), join(work, entry), { recursive: true });
  rmSync(join(work, 'content/local.yaml'), { force: true });
  rmSync(join(work, 'content/approvals.yaml'), { force: true });
  symlinkSync(join(project, 'node_modules'), join(work, 'node_modules'), 'dir');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('APPROVALS=strict npm run build fails on a topic changed since its approval, naming the file', () => {
  expect(approve(['monitoring', '--by', 'Dr A Example, consultant nephrologist', '--on', '2026-11-30'], work, '2026-12-04').code).toBe(0);
  const file = join(work, 'content/topics/monitoring.md');
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(/(\n- [^\n]*?)( \[@)/, '$1, as a rule$2');
  expect(changed).not.toBe(text);
  writeFileSync(file, changed);
  const build = spawnSync(join(work, 'node_modules/.bin/astro'), ['build', '--force'], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, APPROVALS: 'strict', OUT_DIR: join(work, 'dist'), LOCAL_FILE: '', BASE_PATH: '', SITE_URL: '' },
  });
  expect(build.status).not.toBe(0);
  expect(`${build.stdout}${build.stderr}`).toContain('content/topics/monitoring.md: changed since its approval on 2026-11-30 by Dr A Example, consultant nephrologist: APPROVALS=strict publishes only approved text');
}, 120_000);
