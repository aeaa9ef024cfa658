import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content-checks';
import {
  checkKeyPoints,
  checkTopicLinks,
  evidenceNoteId,
  outlineTopic,
  pageHref,
  parseEvidenceHref,
  parsePageHref,
  parseTopicHref,
  topicHref,
  unlinkedTopicMentions,
} from '../../src/lib/topic-links';
import { linksWithinBinder } from '../../src/lib/binder';

const fixtures = join(import.meta.dirname, '../fixtures/content');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const topic = (name: string) => ({ file: `content/topics/${name}`, text: read(name) });
const problemsFor = (names: string[]) =>
  checkContent({ referencesFile: 'content/references.yaml', referencesText: read('references.yaml'), topics: names.map(topic) }).problems.map(formatProblem);

describe('topic links', () => {
  it('reads topic and evidence addresses', () => {
    expect(parseTopicHref('topic:level-sampling')).toEqual({ topic: 'level-sampling', heading: undefined });
    expect(parseTopicHref('topic:level-sampling#when-to-take-the-sample')).toEqual({ topic: 'level-sampling', heading: 'when-to-take-the-sample' });
    expect(parseTopicHref('https://example.org/')).toBeUndefined();
    expect(parseEvidenceHref('evidence:')).toEqual({ topic: undefined, heading: undefined });
    expect(parseEvidenceHref('evidence:#starting-dose')).toEqual({ topic: undefined, heading: 'starting-dose' });
    expect(parseEvidenceHref('evidence:special-populations#children')).toEqual({ topic: 'special-populations', heading: 'children' });
    expect(parseEvidenceHref('evidence:special populations')).toBeUndefined();
  });

  it('builds base-aware addresses, so links work under a sub-path', () => {
    expect(topicHref('/', { topic: 'monitoring' })).toBe('/topics/monitoring/');
    expect(topicHref('/guidelines/tacrolimus/', { topic: 'monitoring', heading: 'kidney-function' })).toBe('/guidelines/tacrolimus/topics/monitoring/#kidney-function');
    expect(topicHref('/guidelines/tacrolimus', { topic: 'monitoring' })).toBe('/guidelines/tacrolimus/topics/monitoring/');
    expect(evidenceNoteId('starting-dose', 2)).toBe('note-starting-dose-2');
  });

  it('reads and builds links to the site pages that are not topics, under any base path', () => {
    expect(parsePageHref('page:about#sources-used')).toEqual({ page: 'about', anchor: 'sources-used' });
    expect(parsePageHref('page:references')).toEqual({ page: 'references', anchor: undefined });
    expect(parsePageHref('/about/')).toBeUndefined();
    expect(pageHref('/', { page: 'about', anchor: 'sources-used' })).toBe('/about/#sources-used');
    expect(pageHref('/guidelines/tacrolimus', { page: 'about' })).toBe('/guidelines/tacrolimus/about/');
  });

  it('rejects a link to a site page that does not exist, or a site path, with line and column', () => {
    const body = ['## Key points', '', 'See [the sources](page:about#sources-used).', 'See [nothing](page:nowhere).', 'See [a path](/about/).'].join('\n');
    const messages = checkTopicLinks(body, 'x', new Map()).map((problem) => `${problem.line}: ${problem.message}`);
    expect(messages).toEqual([
      '4: link to unknown site page "nowhere": write one of about, references, changes, binder, dose-calculator, weight-band-tables (column 5)',
      '5: link "/about/" is a site path: write topic:slug, or page:name#section for a site page such as page:about#sources-used (the site may live under a sub-path) (column 5)',
    ]);
  });

  it('outlines a topic: headings, sections and the notes in each', () => {
    const outline = outlineTopic(read('linking-topic.md').split('---\n').slice(2).join('---\n'));
    expect(outline.sectionIds).toEqual(['key-points', 'links-that-fail']);
    expect(outline.notesBySection.get('key-points')).toBe(1);
    expect(outline.notesBySection.get('links-that-fail')).toBeUndefined();
  });

  it('accepts links to existing topics, headings and notes', () => {
    expect(problemsFor(['good-topic.md'])).toEqual([]);
  });

  it('rejects a topic without key points, naming the file', () => {
    expect(problemsFor(['good-topic.md', 'no-key-points.md'])).toContain(
      'content/topics/no-key-points.md:16: the topic must open with a "## Key points" section (3 to 7 cited bullets) before anything else',
    );
  });

  it('rejects links to an unknown topic or heading, and markers with a wrong word or no note, with file and line', () => {
    const problems = problemsFor(['good-topic.md', 'linking-topic.md']);
    expect(problems).toContain('content/topics/linking-topic.md:26: link to unknown heading "#maintenance-dose" in topic "good-topic" (column 5)');
    expect(problems).toContain('content/topics/linking-topic.md:26: link to unknown topic "no-such-topic" (column 67)');
    expect(problems).toContain('content/topics/linking-topic.md:27: link to unknown heading "#no-such-heading" on this page (column 15)');
    expect(problems).toContain(
      'content/topics/linking-topic.md:27: evidence marker "[doubtful]" must say one of: unconfirmed, secondary, sources differ, low reliability, transplant data, adult only, US label, EU label (column 46)',
    );
    expect(problems).toContain(
      'content/topics/linking-topic.md:27: evidence marker "[doubtful]" has no Evidence status or Sources differ note to point to in section "links-that-fail" of topic "linking-topic" (column 46)',
    );
    expect(problems).toContain('content/topics/linking-topic.md:28: "*Dosing*" names the topic "Dosing" without linking it: write [Dosing](topic:...)');
    expect(problems).toContain(
      'content/topics/linking-topic.md:29: "[3]" reads like one of the site\'s citation numbers: write a source\'s own reference number in words ("the source article\'s reference 3")',
    );
    // The links that do resolve raise nothing.
    expect(problems.filter((line) => /:1[6-9]: /.test(line))).toEqual([]);
  });

  it('counts key points and wants each cited', () => {
    expect(checkKeyPoints('## Key points\n\n- one [@a]\n- two [@a]\n')).toEqual([{ line: 1, message: '"Key points" has 2 bullets: give 3 to 7' }]);
    expect(checkKeyPoints('## Key points\n\n- one [@a]\n- two\n  continued [@a]\n- three\n')).toEqual([{ line: 6, message: 'a key point without a citation: end it with [@key]' }]);
    expect(checkKeyPoints('\n## Key points\n- a [@x]\n- b [@x]\n- c [@x]\n\n## Next\n- d\n')).toEqual([]);
  });

  it('finds topic titles named without a link, and leaves linked ones alone', () => {
    const body = 'See the topic Monitoring. Also *Drug interactions* and [Monitoring](topic:monitoring), *[Monitoring](topic:monitoring)*.';
    expect(unlinkedTopicMentions(body, ['Monitoring', 'Drug interactions']).map((problem) => problem.message)).toEqual([
      '"the topic Monitoring" names the topic "Monitoring" without linking it: write [Monitoring](topic:...)',
      '"*Drug interactions*" names the topic "Drug interactions" without linking it: write [Drug interactions](topic:...)',
    ]);
  });

  it('points links between topics inside the binder once every topic is on one page', () => {
    const html = '<a href="/g/topics/monitoring/#kidney-function">x</a> <a href="/g/topics/monitoring/">y</a> <a href="/g/topics/gone/">z</a>';
    expect(linksWithinBinder(html, '/g/', new Set(['monitoring']))).toBe(
      '<a href="#monitoring--kidney-function">x</a> <a href="#monitoring--topic">y</a> <a href="/g/topics/gone/">z</a>',
    );
  });
});
