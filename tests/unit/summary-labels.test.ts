import { describe, expect, it } from 'vitest';
import { figuresIn, isLabelled, markedFigures, markedPhrases, summaryLabelProblems, type SummarySource } from '../../src/lib/summary-labels';
import { checkContent, formatProblem } from '../../src/lib/content-checks';

const topic = (file: string, body: string): SummarySource => ({ file, body, bodyLine: 10 });

const dosing = topic(
  'content/topics/dosing.md',
  [
    '## Key points',
    '',
    '- In responders continue for at least 12 months, then withdraw slowly [@src].',
    '- Induction trough 5-10 ng/mL [@src].',
    '',
    '## Duration of treatment',
    '',
    'In responders, continue for at least 12 months, even when remission comes earlier [unconfirmed](evidence:) [@src].',
    '',
    '> **Evidence status.** Seen only in the AI-written page [@src].',
  ].join('\n'),
);

describe('summary labels: figures', () => {
  it('reads numbers with their units, ranges and the adjective form of a duration alike', () => {
    expect(figuresIn('at least 12 months, 2-6 ng/mL, 2 to 6 ng/mL, 25%, a 12-month course, 0.1 mg/kg/day').map((figure) => figure.key)).toEqual([
      '12 month',
      '2-6 ng/mL',
      '2-6 ng/mL',
      '25 %',
      '12 month',
      '0.1 mg/kg/day',
    ]);
  });

  it('does not read a bare number, a year or a reference number as a figure', () => {
    expect(figuresIn('KDIGO 2021 lists 3 options; reference 6 names them.')).toEqual([]);
  });

  it('lets a marker cover its own phrase, not a condition earlier in the sentence', () => {
    const raw = 'If a partial remission is reached by 6 months, continue for at least 12 months [unconfirmed](evidence:) [@src].';
    expect(markedPhrases(raw).flatMap((phrase) => figuresIn(phrase).map((figure) => figure.key))).toEqual(['12 month']);
  });

  it('ends a phrase at a colon too, so a condition before it is not covered', () => {
    const raw = 'A partial remission at 6 months is not failure: continue tacrolimus for at least 12 months [unconfirmed](evidence:) [@src].';
    expect(markedPhrases(raw).flatMap((phrase) => figuresIn(phrase).map((figure) => figure.key))).toEqual(['12 month']);
  });

  it('keeps brackets whole, so a marker after "(81% complete, 13% partial)" covers both', () => {
    const raw = '94% reach remission (81% complete, 13% partial) [unconfirmed](evidence:) [@src].';
    expect(markedPhrases(raw).flatMap((phrase) => figuresIn(phrase).map((figure) => figure.key))).toEqual(['94 %', '81 %', '13 %']);
  });

  it('collects only body sentences, never key points or evidence notes', () => {
    expect(markedFigures([dosing]).map((entry) => [entry.figure, entry.line])).toEqual([['12 month', 17]]);
  });

  it('counts a marker that says how uncertain a figure is, or words that say so, as a label', () => {
    expect(isLabelled('At least 12 months [unconfirmed](evidence:dosing#duration) [@src].')).toBe(true);
    expect(isLabelled('2-6 ng/mL [sources differ](evidence:#x) [@src].')).toBe(true);
    expect(isLabelled('Stay at 5-10 ng/mL (primary study not confirmed) [@src].')).toBe(true);
    expect(isLabelled('At least 12 months [secondary](evidence:#x) [@src].')).toBe(false);
    expect(isLabelled('At least 12 months [@src].')).toBe(false);
  });
});

describe('summary labels: the check', () => {
  it('rejects a key point that repeats a marked figure without its label, naming file, line, figure and sentence', () => {
    const problems = summaryLabelProblems([dosing]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toEqual({
      file: 'content/topics/dosing.md',
      line: 12,
      message:
        'the figure "12 months" is marked unconfirmed in content/topics/dosing.md:17 ("In responders, continue for at least 12 months, even when remission comes earlier.") but this summary states it without a label: "In responders continue for at least 12 months, then withdraw slowly."; add [unconfirmed](evidence:...) beside it, or say that its primary study is not confirmed',
    });
  });

  it('rejects the same figure on the home page, read against every topic', () => {
    const glance = topic('content/at-a-glance.md', '## How long should treatment continue?\n\nAt least 12 months in patients who respond, even if remission comes earlier [@src].\n');
    const messages = summaryLabelProblems([dosing], glance).filter((problem) => problem.file === 'content/at-a-glance.md');
    expect(messages.map((problem) => `${problem.file}:${problem.line}`)).toEqual(['content/at-a-glance.md:12']);
    expect(messages[0].message).toContain('the figure "12 months" is marked unconfirmed in content/topics/dosing.md:17');
    expect(messages[0].message).toContain('"At least 12 months in patients who respond, even if remission comes earlier."');
  });

  it('accepts a summary that carries the label', () => {
    const labelled = topic('content/topics/dosing.md', dosing.body.replace('at least 12 months, then', 'at least 12 months [unconfirmed](evidence:#duration-of-treatment), then'));
    expect(summaryLabelProblems([labelled])).toEqual([]);
  });

  it('accepts the same figure about another subject (no content word shared near it)', () => {
    const other = topic(
      'content/topics/vaccines.md',
      '## Key points\n\n- Live vaccines: wait 12 months after the last rituximab infusion [@src].\n- a [@src].\n- b [@src].\n',
    );
    expect(summaryLabelProblems([dosing, other]).filter((problem) => problem.file === 'content/topics/vaccines.md')).toEqual([]);
  });

  it('accepts a figure that is marked only as secondary', () => {
    const secondary = topic('content/topics/dosing.md', dosing.body.replace('[unconfirmed](evidence:)', '[secondary](evidence:)'));
    expect(summaryLabelProblems([secondary])).toEqual([]);
  });

  it('runs in the content checks, which name the file and line', () => {
    const frontmatter = '---\ntitle: "Dosing"\nsummary: "s"\norder: 1\nkind: dosing\npopulations: [adult]\nconditions: [MCD]\ncitations: [src]\nreview:\n  status: draft\nupdated: 2026-11-22\nchanges:\n  - date: 2026-11-22\n    version: 0.1.0\n    summary: "First draft."\n---\n';
    const body = ['## Key points', '', '- In responders continue for at least 12 months [@src].', '- Two [@src].', '- Three [@src].', '', '## Duration of treatment', '', 'In responders, continue for at least 12 months [unconfirmed](evidence:) [@src].', '', '> **Evidence status.** Seen only in one page [@src].', ''].join('\n');
    const references = '- id: "src"\n  type: "web"\n  authors: []\n  etAl: false\n  title: "A page"\n  publisher: "P"\n  url: "https://example.org/"\n  verification: "secondary"\n';
    const { problems } = checkContent({ referencesFile: 'content/references.yaml', referencesText: references, topics: [{ file: 'content/topics/dosing.md', text: frontmatter + body }] });
    const lines = problems.map(formatProblem).filter((line) => line.includes('marked unconfirmed'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/topics\/dosing\.md:19: the figure "12 months" is marked unconfirmed in content\/topics\/dosing\.md:25 /);
  });
});
