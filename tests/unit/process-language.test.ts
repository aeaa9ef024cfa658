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
  ])('refuses %j', (sentence, phrase) => {
    expect(findProcessLanguage(sentence).join(' ')).toContain(phrase);
  });

  it.each(sentencesThatPass)('lets %j pass', (sentence) => {
    expect(findProcessLanguage(sentence)).toEqual([]);
  });
});
