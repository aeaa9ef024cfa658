import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, checkReferences, citationKeysInData, formatProblem } from '../../src/lib/content-checks';

const fixtures = join(import.meta.dirname, '../fixtures/content');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const topic = (name: string) => ({ file: `content/topics/${name}`, text: read(name) });

function problemsFor(topics: Array<{ file: string; text: string }>, referencesName = 'references.yaml'): string[] {
  return checkContent({ referencesFile: 'content/references.yaml', referencesText: read(referencesName), topics }).problems.map(formatProblem);
}

describe('content checks', () => {
  it('accepts a well-formed topic and bibliography', () => {
    expect(problemsFor([topic('good-topic.md')])).toEqual([]);
  });

  it('rejects an inline key that is not in references.yaml, naming file, line and key', () => {
    expect(problemsFor([topic('unknown-key.md')])).toContain(
      'content/topics/unknown-key.md:27: citation key "@nosuchpaper" (column 35) is not in content/references.yaml',
    );
  });

  it('rejects an inline key missing from the frontmatter citations', () => {
    expect(problemsFor([topic('undeclared-key.md')])).toContain(
      'content/topics/undeclared-key.md:27: citation key "@chin2021" (column 35) is not listed in this file\'s frontmatter citations',
    );
  });

  it('rejects a frontmatter citation that the text never uses', () => {
    expect(problemsFor([topic('unused-citation.md')])).toContain(
      'content/topics/unused-citation.md:8: frontmatter citation "extra-reading" is never cited in the text',
    );
  });

  it('rejects a topic with a required field missing', () => {
    expect(problemsFor([topic('missing-summary.md')])).toContain(
      'content/topics/missing-summary.md:1: required field "summary" is missing',
    );
  });

  it('rejects two topics that share a slug', () => {
    const twin = { file: 'content/topics/nested/good-topic.md', text: read('good-topic.md') };
    expect(problemsFor([topic('good-topic.md'), twin])).toContain(
      'content/topics/nested/good-topic.md: slug "good-topic" is already used by content/topics/good-topic.md',
    );
  });

  it('rejects a PMID that is not digits, naming the reference and line', () => {
    const { problems } = checkReferences('content/references.yaml', read('bad-pmid.yaml'));
    expect(problems.map(formatProblem)).toEqual([
      'content/references.yaml:7: reference "chin2021": field "pmid": a PMID is digits only',
    ]);
  });

  it('rejects a DOI that does not start with 10.', () => {
    const { problems } = checkReferences('content/references.yaml', read('bad-doi.yaml'));
    expect(problems.map(formatProblem)).toEqual([
      'content/references.yaml:7: reference "chin2021": field "doi": a DOI starts with "10." (10.NNNN/...)',
    ]);
  });

  it('rejects a reference with a required field missing', () => {
    const { problems } = checkReferences('content/references.yaml', read('missing-verification.yaml'));
    expect(problems.map(formatProblem)).toEqual([
      'content/references.yaml:1: reference "chin2021": required field "verification" is missing',
    ]);
  });

  it('rejects a duplicated reference id', () => {
    const text = read('references.yaml') + read('bad-doi.yaml').replace('doi.org/', '');
    const { problems } = checkReferences('content/references.yaml', text);
    expect(problems.map(formatProblem)).toContain('content/references.yaml:31: reference id "chin2021" is listed twice');
  });

  it('rejects a reference that nothing cites unless it is marked further reading', () => {
    const text = read('references.yaml').replace('  furtherReading: true\n', '');
    const problems = checkContent({ referencesFile: 'content/references.yaml', referencesText: text, topics: [topic('good-topic.md')] }).problems;
    expect(problems.map(formatProblem)).toContain(
      'content/references.yaml: reference "extra-reading" is cited nowhere: cite it or mark it furtherReading: true',
    );
  });

  it('reports an empty bibliography', () => {
    expect(checkReferences('content/references.yaml', '[]\n').problems.map(formatProblem)).toEqual([
      'content/references.yaml:1: no references: the bibliography is empty',
    ]);
  });

  it('reports an empty topics collection', () => {
    expect(problemsFor([])).toContain('content/topics: no topics found: the collection is empty');
  });

  it('counts citations in the tools\' data files as cited, and refuses an unknown key there', () => {
    const text = read('references.yaml').replace('  furtherReading: true\n', '');
    const keys = citationKeysInData({ products: [{ citations: ['extra-reading'], notes: [{ citations: ['no-such-key'] }] }] });
    expect(keys).toEqual(['extra-reading', 'no-such-key']);
    const problems = checkContent({
      referencesFile: 'content/references.yaml',
      referencesText: text,
      topics: [topic('good-topic.md')],
      dataCitations: [{ file: 'content/products.yaml', keys }],
    }).problems.map(formatProblem);
    expect(problems).toEqual(['content/products.yaml: citation key "no-such-key" is not in content/references.yaml']);
  });
});
