/**
 * `npm run build:fixture`: builds the site as a hospital would deploy it, into `dist-fixture/`, for
 * the browser tests in tests/e2e/local-and-review.spec.ts. The project is copied to a temporary
 * folder so the real content is never touched; in the copy:
 * - `content/local.yaml` is the sample local file (tests/fixtures/local/sample.yaml);
 * - two topics get a next-review date: Taking a trough level (1 June 2026, overdue at the build's
 *   fixed date) and Monitoring (15 January 2027, not yet overdue at build time);
 * - a patch release after the current version, in which Taking a trough level changed in one section;
 * - approvals recorded with `npm run approve` (src/cli/approve.ts), as a hospital would: Dosing and
 *   trough targets approved, then only its change log edited (the approval holds); Formulations and
 *   brands approved, then one clinical sentence reworded (changed since approval);
 * - the build judges overdue against REVIEW_TODAY=2026-12-01.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, process.env.OUT_DIR || 'dist-fixture');
export const fixtureToday = '2026-12-01';
export const nextReviews: Record<string, string> = { 'level-sampling': '2026-06-01', monitoring: '2027-01-15' };
/** The approvals the fixture records: who, on which day; the first holds, the second is changed after. */
export const fixtureApprovals = {
  approved: { topic: 'dosing-and-trough-targets', by: 'Dr Fixture Approver, consultant paediatric nephrologist', on: '2026-11-30' },
  changed: { topic: 'formulations-and-brands', by: 'Fixture Medicines Committee, drugs and therapeutics committee', on: '2026-11-28' },
} as const;
/** Words put at the start of the approved topic's first change entry: an edit the approval ignores. */
export const changeLogOnly = 'Fixture, change log only: ';
/** The sentence reworded after approval (no figure changes: the fixture says nothing new). */
export const changedSentence = {
  from: 'keep the patient on the same product',
  to: 'keep each patient on the same product',
};

const work = mkdtempSync(join(tmpdir(), 'tacrolimus-fixture-'));
try {
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public']) {
    cpSync(join(root, entry), join(work, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
  cpSync(join(root, 'tests/fixtures/local/sample.yaml'), join(work, 'content/local.yaml'));
  for (const [slug, date] of Object.entries(nextReviews)) {
    const path = join(work, 'content/topics', `${slug}.md`);
    const text = readFileSync(path, 'utf8');
    const changed = text.replace(/^review:\n  status: draft\n/m, `review:\n  status: draft\n  nextReview: ${date}\n`);
    if (changed === text) throw new Error(`${slug}.md: no "review: status: draft" block to add a next review to`);
    writeFileSync(path, changed);
  }
  // A patch release after the current version, in which one topic changed in one section only, for
  // the reprint list and the binder cover ("changed since the previous version").
  const sitePath = join(work, 'content/site.yaml');
  const site = readFileSync(sitePath, 'utf8');
  const current = /^version: (\d+)\.(\d+)\.(\d+)$/m.exec(site);
  const releaseDate = /^releases:\n\s+- version: \S+\n\s+date: (\S+)$/m.exec(site)?.[1];
  if (!current || !releaseDate) throw new Error('content/site.yaml: no current version and release date');
  const patch = `${current[1]}.${current[2]}.${Number(current[3]) + 1}`;
  writeFileSync(sitePath, site.replace(/^version: .*$/m, `version: ${patch}`).replace(/^releases:\n/m, `releases:\n  - version: ${patch}\n    date: ${releaseDate}\n`));
  const sampling = join(work, 'content/topics/level-sampling.md');
  writeFileSync(
    sampling,
    readFileSync(sampling, 'utf8')
      .replace(/^updated: .*$/m, `updated: ${releaseDate}`)
      .replace(/^changes:\n/m, `changes:\n  - date: ${releaseDate}\n    version: ${patch}\n    summary: "Fixture: the sampling time reworded."\n    sections: [when-to-take-the-sample]\n`),
  );
  const env = { ...process.env, OUT_DIR: outDir, REVIEW_TODAY: fixtureToday, BASE_PATH: '', SITE_URL: '', LOCAL_FILE: '', APPROVALS: '' };
  // Approvals, recorded by the command a hospital runs; then the edits made after them.
  for (const { topic, by, on } of Object.values(fixtureApprovals)) {
    execFileSync(process.execPath, ['src/cli/approve.ts', topic, '--by', by, '--on', on], { cwd: work, env, stdio: 'inherit' });
  }
  const dosing = join(work, 'content/topics/dosing-and-trough-targets.md');
  // Only the change log: its first entry's words (no new version, so the reprint lists stay as they are).
  const dosingText = readFileSync(dosing, 'utf8');
  const logOnly = dosingText.replace(/^(changes:\n  - date: .*\n    version: .*\n    summary: ")/m, `$1${changeLogOnly}`);
  if (logOnly === dosingText) throw new Error('dosing-and-trough-targets.md: no change entry to reword');
  writeFileSync(dosing, logOnly);
  const formulations = join(work, 'content/topics/formulations-and-brands.md');
  const before = readFileSync(formulations, 'utf8');
  if (!before.includes(changedSentence.from)) throw new Error(`formulations-and-brands.md: no "${changedSentence.from}" to reword after its approval`);
  writeFileSync(formulations, before.replace(changedSentence.from, changedSentence.to));
  execFileSync(join(work, 'node_modules/.bin/astro'), ['build', '--force'], { cwd: work, env, stdio: 'inherit' });
} finally {
  rmSync(work, { recursive: true, force: true });
}
