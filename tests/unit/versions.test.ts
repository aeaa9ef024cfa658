import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content-checks';
import { parseSiteContent } from '../../src/lib/site-content';
import {
  changesByVersion,
  compareVersions,
  isVersion,
  previousRelease,
  reprintSince,
  type TopicChanges,
} from '../../src/lib/versions';

const fixtures = join(import.meta.dirname, '../fixtures');
const read = (path: string) => readFileSync(join(fixtures, path), 'utf8');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const topics: TopicChanges[] = [
  {
    slug: 'dosing',
    title: 'Dosing',
    changes: [
      { date: day('2026-11-22'), version: '0.1.0', summary: 'First draft.', sections: [] },
      { date: day('2026-12-01'), version: '0.2.0', summary: 'Trough table.', sections: ['trough-targets-by-phase'] },
      { date: day('2027-01-10'), version: '0.10.0', summary: 'Starting dose.', sections: ['starting-dose', 'trough-targets-by-phase'] },
    ],
  },
  { slug: 'sampling', title: 'Sampling', changes: [{ date: day('2026-11-22'), version: '0.1.0', summary: 'First draft.', sections: [] }] },
  {
    slug: 'safety',
    title: 'Safety',
    changes: [
      { date: day('2026-11-22'), version: '0.1.0', summary: 'First draft.', sections: [] },
      { date: day('2026-12-01'), version: '0.2.0', summary: 'Rewritten.', sections: [] },
    ],
  },
];
const releases = [
  { version: '0.1.0', date: day('2026-11-22') },
  { version: '0.10.0', date: day('2027-01-10') },
  { version: '0.2.0', date: day('2026-12-01') },
];

describe('version comparison', () => {
  it('compares numerically, part by part, not as text', () => {
    expect(compareVersions('0.10.0', '0.2.0')).toBeGreaterThan(0);
    expect(compareVersions('0.2.0', '0.2.0')).toBe(0);
    expect(compareVersions('1.0.0', '0.99.99')).toBeGreaterThan(0);
    expect(compareVersions('0.1.9', '0.2.0')).toBeLessThan(0);
    expect(compareVersions('v0.2.0', '0.2.0')).toBe(0);
  });

  it('rejects what is not a version, naming it', () => {
    expect(() => compareVersions('0.2', '0.2.0')).toThrow('"0.2" is not a version (three numbers, e.g. 0.2.0)');
    expect(isVersion('0.2')).toBe(false);
    expect(isVersion(' v0.2.0 ')).toBe(true);
  });
});

describe('what changed in each version', () => {
  it('lists every release newest first with the topics and sections changed in it', () => {
    const byVersion = changesByVersion(releases, topics);
    expect(byVersion.map((entry) => entry.version)).toEqual(['0.10.0', '0.2.0', '0.1.0']);
    expect(byVersion[0].topics).toEqual([
      { slug: 'dosing', title: 'Dosing', sections: ['starting-dose', 'trough-targets-by-phase'], whole: false, summaries: ['Starting dose.'] },
    ]);
    expect(byVersion[1].topics.map((topic) => [topic.slug, topic.whole, topic.sections])).toEqual([
      ['dosing', false, ['trough-targets-by-phase']],
      ['safety', true, []],
    ]);
    expect(byVersion[2].topics).toHaveLength(3);
  });

  it('shows a release in which no topic changed, with no topics', () => {
    expect(changesByVersion([{ version: '0.3.0', date: day('2027-02-01') }], topics)[0].topics).toEqual([]);
  });
});

describe('what to reprint since a binder version', () => {
  it('gives every topic changed after the binder version, each once, with its sections and versions', () => {
    expect(reprintSince('0.1.0', topics)).toEqual([
      {
        slug: 'dosing',
        title: 'Dosing',
        sections: ['trough-targets-by-phase', 'starting-dose'],
        whole: false,
        summaries: ['Trough table.', 'Starting dose.'],
        versions: ['0.2.0', '0.10.0'],
      },
      { slug: 'safety', title: 'Safety', sections: [], whole: true, summaries: ['Rewritten.'], versions: ['0.2.0'] },
    ]);
  });

  it('gives only the newer versions for a more recent binder, and nothing for a current one', () => {
    expect(reprintSince('0.2.0', topics).map((item) => [item.slug, item.versions])).toEqual([['dosing', ['0.10.0']]]);
    expect(reprintSince('0.10.0', topics)).toEqual([]);
  });

  it('does not count changes beyond the current version', () => {
    expect(reprintSince('0.1.0', topics, '0.2.0').map((item) => [item.slug, item.versions])).toEqual([
      ['dosing', ['0.2.0']],
      ['safety', ['0.2.0']],
    ]);
  });

  it('finds the release before a version, for the binder cover', () => {
    expect(previousRelease(releases, '0.10.0')?.version).toBe('0.2.0');
    expect(previousRelease(releases, '0.1.0')).toBeUndefined();
  });
});

describe('content/site.yaml', () => {
  it('reads the version, owner and releases', () => {
    const site = parseSiteContent(read('versions/site.yaml'));
    expect(site.version).toBe('0.2.0');
    expect(site.owner).toBe('Editorial team');
    expect(site.releases.map((release) => release.version)).toEqual(['0.2.0', '0.1.0']);
  });

  it('rejects a current version that is not the newest release', () => {
    expect(() => parseSiteContent(read('versions/site-version-not-newest.yaml'))).toThrow(
      'content/site.yaml:1: version is 0.1.0 but the newest release listed is 0.2.0: they must match',
    );
  });

  it('rejects a version that is not three numbers', () => {
    expect(() => parseSiteContent('version: 1.0\nowner: x\nreleases:\n  - version: 1.0\n    date: 2026-12-01\n')).toThrow(
      'content/site.yaml:1: field "version": a version is three numbers, e.g. 0.2.0',
    );
  });
});

describe('content checks on change entries', () => {
  const check = (name: string) =>
    checkContent({
      referencesFile: 'content/references.yaml',
      referencesText: read('content/references.yaml'),
      topics: [{ file: `content/topics/${name}`, text: read(`versions/${name}`) }],
      site: { file: 'content/site.yaml', text: read('versions/site.yaml') },
    })
      .problems.map(formatProblem)
      .filter((line) => line.startsWith('content/topics/'));

  it('fails a topic whose updated date is newer than its latest change entry, naming the file', () => {
    expect(check('updated-without-change.md')).toEqual([
      'content/topics/updated-without-change.md:10: "updated" (2026-12-01) is newer than the latest change entry (2026-11-22): add a changes entry saying what changed',
    ]);
  });

  it('fails a change entry naming a version the site has not reached, naming the file', () => {
    expect(check('version-not-reached.md')).toEqual([
      'content/topics/version-not-reached.md:16: change entry 2 (2026-12-01) names version 0.3.0, which the site has not reached (content/site.yaml is at 0.2.0)',
    ]);
  });

  it('requires a version on every change entry, and checks its date and sections', () => {
    expect(check('change-problems.md')).toEqual([
      'content/topics/change-problems.md:12: required field "changes.0.version" is missing',
    ]);
    const fixed = read('versions/change-problems.md').replace('summary: "First draft, no version."', 'version: 0.1.0\n    summary: "First draft."');
    const problems = checkContent({
      referencesFile: 'content/references.yaml',
      referencesText: read('content/references.yaml'),
      topics: [{ file: 'content/topics/change-problems.md', text: fixed }],
      site: { file: 'content/site.yaml', text: read('versions/site.yaml') },
    })
      .problems.map(formatProblem)
      .filter((line) => line.startsWith('content/topics/'));
    expect(problems).toEqual([
      'content/topics/change-problems.md:18: change entry 2 names section "no-such-heading", which is not a heading of this topic',
      'content/topics/change-problems.md:15: change entry 2 (2026-12-01) is dated after version 0.1.0 went out (2026-11-22): give it the version it will go out in',
    ]);
  });

  it('accepts the shipped content', () => {
    expect(parseSiteContent(readFileSync('content/site.yaml', 'utf8')).version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
