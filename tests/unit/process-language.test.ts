import { describe, expect, it } from 'vitest';
import { findProcessLanguage, sentencesThatPass } from '../../src/lib/process-language';

describe('process language', () => {
  it.each([
    ["According to the project's check of the MHRA advice, brands differ.", "project's"],
    ['According to the first reference pass, the trial was verified.', 'reference pass'],
    ['See the safety notes for more.', 'safety notes'],
    ['The range is tagged [3], [5] and [6] in the source article.', 'tagged [3'],
    ['No guideline range was found for this site.', 'for this site'],
    ['Not rechecked by a later file.', 'later file'],
    ['Recorded only in the safety-facts list.', 'safety-facts list'],
    ['Supersedes the entry nbt-severn-tacrolimus, which had no address.', 'Supersedes the entry'],
    ['Laboratory test page as recorded in safety-sources.', 'safety-sources'],
    ['The number of children was not in the notes, so no count is given.', 'not in the notes'],
    ['Title from the seed copy.', 'seed copy'],
    ['Claims taken from the seed are marked.', 'the seed'],
    ['Searched across web pages and exact-string code search.', 'code search'],
    ['Which paper lies behind each number is inferred from the wording.', 'inferred from the wording'],
    ['What was deliberately left out', 'deliberately left out'],
    ['Evidence notes folded, with short markers.', 'Evidence notes folded'],
    ['No specific step in the sources seen.', 'sources seen'],
    ['A candidate paper is an unconfirmed recollection.', 'unconfirmed recollection'],
    ['As references-2 records it.', 'references-2'],
  ])('refuses %j', (sentence, phrase) => {
    expect(findProcessLanguage(sentence).join(' ')).toContain(phrase);
  });

  it.each(sentencesThatPass)('lets %j pass', (sentence) => {
    expect(findProcessLanguage(sentence)).toEqual([]);
  });
});
