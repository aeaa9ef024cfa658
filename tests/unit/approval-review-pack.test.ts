/** The statements of a review pack, taken from the topic as the site compiles it. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { doseToolStatements, productStatements, reviewPackTitle, topicStatements } from '../../src/lib/approval-review-pack';
import { loadDoseTools, loadProducts } from '../../src/lib/dose-tools-data';
import { markdownBody } from '../../src/lib/topic-links';

const root = resolve(import.meta.dirname, '../..');
const file = join(root, 'content/topics/dosing-and-trough-targets.md');
const body = markdownBody(readFileSync(file, 'utf8'));

describe('review pack statements', async () => {
  const { statements, citations } = await topicStatements(body, file);

  it('numbers every statement in reading order, the key points first', () => {
    expect(statements.map((statement) => statement.number)).toEqual(statements.map((_, index) => index + 1));
    const keyPoints = body.split('\n## ')[1].split('\n').filter((line) => line.startsWith('- '));
    expect(statements.filter((statement) => statement.kind === 'key point')).toHaveLength(keyPoints.length);
    expect(statements.slice(0, keyPoints.length).every((statement) => statement.kind === 'key point' && statement.sectionId === 'key-points')).toBe(true);
  });

  // What the first key point says is read from the topic itself, so the test follows the text as it is edited.
  const firstKeyPoint = body.split('\n## ')[1].split('\n').find((line) => line.startsWith('- '))!;
  const keysIn = (text: string) => [...new Set([...text.matchAll(/@([\w-]+)/g)].map((match) => match[1]))];
  const markersIn = (text: string) => [...text.matchAll(/\[([^\]]+)\]\(evidence:/g)].map((match) => match[1]);

  it('gives each statement its citation keys, numbered as on the page, and its evidence markers', () => {
    const first = statements[0];
    expect(first.text).toMatch(/^Immediate-release tacrolimus \(such as Prograf\), twice daily: start at 0\.05-0\.1\s?mg\/kg\/day/);
    const keys = keysIn(firstKeyPoint);
    expect(keys.length).toBeGreaterThan(1);
    expect(first.citationKeys).toEqual(keys);
    expect(first.evidence).toEqual([...new Set(markersIn(firstKeyPoint))]);
    // The first statement's sources are the first in the reference list, numbered 1, 2, 3 ... in the order cited.
    expect(citations.slice(0, keys.length).map((citation) => [citation.key, citation.citationNumber])).toEqual(keys.map((key, index) => [key, index + 1]));
    // A marker stays as words, without a link to a note that is not in the pack.
    const marker = markersIn(firstKeyPoint)[0];
    expect(first.html).toContain(`<span class="evidence-marker evidence-marker-${marker.replace(/\s+/g, '-')}">${marker}</span>`);
    expect(first.html).toContain(`<a href="#ref-${keys[0]}">1</a>`);
    expect(first.html).not.toContain('id="cite-');
  });

  it('makes each table row one statement, its cells labelled by the header', () => {
    const rows = statements.filter((statement) => statement.kind === 'table row' && statement.sectionId === 'starting-dose');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[0].text).toMatch(/^Who: [^;]+; Per dose: 0\.025-0\.05\s?mg\/kg; How often: Twice daily; Per day: 0\.05-0\.1\s?mg\/kg\/day/);
    expect(rows.find((row) => row.citationKeys.includes('chin2021-mcd'))!.evidence).toContain('adult only');
  });

  it('names the note a statement sits in, and leaves out headings and buttons', () => {
    expect(statements.some((statement) => statement.note === 'Evidence status')).toBe(true);
    expect(statements.some((statement) => /Print this section|^Key points$/.test(statement.text))).toBe(false);
    // Every citation of the text is in some statement.
    const cited = new Set(statements.flatMap((statement) => statement.citationKeys));
    for (const citation of citations) expect(cited).toContain(citation.key);
  });

  it('sends a link to one of the topic\'s headings to the topic page, where the heading is', async () => {
    const sampling = join(root, 'content/topics/level-sampling.md');
    const { statements: sampled } = await topicStatements(markdownBody(readFileSync(sampling, 'utf8')), sampling);
    const hrefs = sampled.flatMap((statement) => [...statement.html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]));
    expect(hrefs.some((href) => href.startsWith('/topics/level-sampling/#'))).toBe(true);
    expect(hrefs.filter((href) => href.startsWith('#') && !href.startsWith('#ref-'))).toEqual([]);
  });

  it('keeps the page title short: the layout adds the site name', () => {
    expect(reviewPackTitle('Dosing and trough targets')).toBe('Review pack: Dosing and trough targets');
    expect(reviewPackTitle('Vaccines, pregnancy and breastfeeding')).toBe('Review: Vaccines, pregnancy and breastfeeding');
    expect(reviewPackTitle('Overview: tacrolimus in nephrotic syndrome')).toBe('Review pack: Overview');
  });

  it('turns the tools\' data into statements with their citations and evidence', () => {
    const tools = loadDoseTools(root);
    const data = doseToolStatements(tools);
    expect(data.filter((item) => item.section.startsWith('Starting regimens'))).toHaveLength(tools.regimens.length);
    expect(data.filter((item) => item.section.startsWith('Trough ranges'))).toHaveLength(tools.troughRanges.length);
    const regimen = tools.regimens[0];
    expect(data[0].text).toContain(`Per day: ${regimen.doseMgPerKgPerDay.min}-${regimen.doseMgPerKgPerDay.max} mg/kg/day; per dose: `);
    expect(data[0].citationKeys).toEqual(regimen.citations);
    const prograf = productStatements(loadProducts(root).products)[0];
    expect(prograf.text).toBe('Prograf capsules (immediate-release): 0.5, 1, 5 mg per capsule; Twice daily');
  });
});
