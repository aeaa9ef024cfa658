import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, checkLocalFile, formatProblem } from '../../src/lib/content-checks';
import { contactsAt, localBlock, localFilePath, localHeadingsOf, notesAt, parseLocal } from '../../src/lib/local';

const fixtures = join(import.meta.dirname, '../fixtures/local');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const headings = new Map([
  ['level-sampling', new Set(['sample-type', 'when-to-take-the-sample'])],
  ['dosing-and-trough-targets', new Set(['trough-targets-by-phase', 'dose-calculator'])],
]);
const problems = (name: string) =>
  checkLocalFile({ file: `tests/fixtures/local/${name}`, text: fixture(name) }, headings).problems.map(formatProblem);

/** The real topics and bibliography, for checking a local file against the sections that exist. */
function checkAgainstContent(file: string, text: string): string[] {
  const topics = readdirSync('content/topics').map((name) => ({ file: `content/topics/${name}`, text: readFileSync(`content/topics/${name}`, 'utf8') }));
  return checkContent({
    referencesFile: 'content/references.yaml',
    referencesText: readFileSync('content/references.yaml', 'utf8'),
    topics,
    local: { file, text },
  }).problems.map(formatProblem);
}

describe('the local file (content/local.yaml)', () => {
  it('accepts the sample, with its defaults filled in', () => {
    const local = parseLocal(fixture('sample.yaml'));
    expect(local.organisation).toBe('Fixture Valley Hospital');
    expect(local.updated.toISOString().slice(0, 10)).toBe('2026-11-30');
    expect(local.contacts[1].sections).toEqual([]);
    expect(parseLocal('organisation: A\nowner: B\nupdated: 2026-12-01\n')).toMatchObject({ contacts: [], notes: [] });
  });

  it('accepts the shipped example and the sample against the real topics and sections', () => {
    expect(checkAgainstContent('content/local.example.yaml', readFileSync('content/local.example.yaml', 'utf8'))).toEqual([]);
    expect(checkAgainstContent('tests/fixtures/local/sample.yaml', fixture('sample.yaml'))).toEqual([]);
  });

  it('rejects a place naming an unknown topic, naming the file, line and key', () => {
    expect(problems('unknown-topic.yaml')).toEqual([
      'tests/fixtures/local/unknown-topic.yaml:7: notes.1.section: "trough-levels#when-to-take-the-sample" names topic "trough-levels", which does not exist',
    ]);
  });

  it('rejects a place naming an unknown section of a real topic', () => {
    expect(problems('unknown-section.yaml')).toEqual([
      'tests/fixtures/local/unknown-section.yaml:7: contacts.0.sections.1: "level-sampling#sampling-time" names section "sampling-time", which is not a heading of topic "level-sampling"',
    ]);
  });

  it('rejects a missing organisation', () => {
    expect(problems('missing-organisation.yaml')).toEqual(['tests/fixtures/local/missing-organisation.yaml:1: required field "organisation" is missing']);
  });

  it('rejects an unknown field and a contact without "how"', () => {
    expect(problems('unknown-field.yaml')).toEqual([
      'tests/fixtures/local/unknown-field.yaml:5: required field "contacts.0.how" is missing',
      'tests/fixtures/local/unknown-field.yaml:5: field "contacts.0": unknown field(s): phone',
    ]);
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(problems('bad-date.yaml')).toEqual(['tests/fixtures/local/bad-date.yaml:3: field "updated": must be a date written as YYYY-MM-DD']);
  });

  it('rejects a place written as an address', () => {
    expect(problems('bad-place.yaml')).toEqual([
      'tests/fixtures/local/bad-place.yaml:5: field "notes.0.section": write a place as topic-slug or topic-slug#heading-id',
    ]);
  });

  it('the whole build check names the local file too', () => {
    expect(checkAgainstContent('content/local.yaml', fixture('unknown-topic.yaml'))).toEqual([
      'content/local.yaml:7: notes.1.section: "trough-levels#when-to-take-the-sample" names topic "trough-levels", which does not exist',
    ]);
  });
});

describe('local details at a place', () => {
  const local = parseLocal(fixture('sample.yaml'));

  it('finds the notes and contacts for a section or a whole topic', () => {
    expect(notesAt(local, 'level-sampling#when-to-take-the-sample')).toHaveLength(1);
    expect(contactsAt(local, 'level-sampling').map((contact) => contact.role)).toEqual(['Renal pharmacist']);
    expect(contactsAt(local, 'level-sampling#when-to-take-the-sample')).toEqual([]);
    expect([...localHeadingsOf(local, 'dosing-and-trough-targets')].sort()).toEqual(['dose-calculator', 'trough-targets-by-phase']);
    expect(localBlock(undefined, 'level-sampling')).toBeUndefined();
    expect(localBlock(local, 'overview')).toBeUndefined();
  });

  it('labels a note "Local practice (organisation)" and keeps its text as plain text, never a citation', () => {
    const block = JSON.stringify(localBlock(local, 'dosing-and-trough-targets#trough-targets-by-phase'));
    expect(block).toContain('Local practice (Fixture Valley Hospital)');
    expect(block).toContain('not part of the cited evidence');
    expect(block).toContain('[@prograf-smpc]');
    expect(block).not.toMatch(/"tagName":"(sup|a)"/);
  });

  it('reads LOCAL_FILE when set, content/local.yaml otherwise, and nothing without either', () => {
    expect(localFilePath('/work/nowhere', {})).toBeUndefined();
    expect(localFilePath(process.cwd(), { LOCAL_FILE: 'tests/fixtures/local/sample.yaml' })).toBe(join(process.cwd(), 'tests/fixtures/local/sample.yaml'));
    expect(() => localFilePath(process.cwd(), { LOCAL_FILE: 'no/such.yaml' })).toThrow('LOCAL_FILE=no/such.yaml: no such file');
  });
});
