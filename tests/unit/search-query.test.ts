import { describe, expect, it } from 'vitest';
import { aliasClose, aliasOpen, correctQuery, stripAliasText } from '../../src/lib/alias-text';
import { excerptRuns, isGenuineMatch, maxQueryLength, normaliseQuery, withoutLeadingText } from '../../src/lib/search-query';

describe('normaliseQuery: what a typed query becomes before it is searched', () => {
  it('keeps an ordinary clinical query as typed, trimmed and with single spaces', () => {
    expect(normaliseQuery('  trough   target\tmaintenance ')).toBe('trough target maintenance');
    expect(normaliseQuery('starting dose mg/kg')).toBe('starting dose mg/kg');
    expect(normaliseQuery('creatinine rise 25%')).toBe('creatinine rise 25%');
    expect(normaliseQuery('FK-506')).toBe('FK-506');
  });

  it('drops control characters, brackets, quotes and backslashes', () => {
    expect(normaliseQuery('\u0000\u0007creatinine\u001b\u007f\u009f')).toBe('creatinine');
    expect(normaliseQuery('(( [[ "')).toBe('');
    expect(normaliseQuery('{"Prograf"} ) ] } \\')).toBe('Prograf');
    expect(normaliseQuery('`C0`')).toBe('C0');
  });

  it('turns markup into plain words', () => {
    expect(normaliseQuery('<img src=x onerror="window.__pwned=1">')).toBe('img src=x onerror= window.__pwned=1');
    expect(normaliseQuery('<script>alert(1)</script>')).toBe('script alert 1 /script');
  });

  it(`cuts a pasted page to ${maxQueryLength} characters, with no trailing space`, () => {
    expect(normaliseQuery('x'.repeat(5000))).toHaveLength(maxQueryLength);
    const cut = normaliseQuery(`${'a'.repeat(maxQueryLength - 1)} ${'b'.repeat(50)}`);
    expect(cut).toBe('a'.repeat(maxQueryLength - 1));
    // Leading junk does not eat the budget before the real words.
    expect(normaliseQuery(`${' '.repeat(300)}trough`)).toBe('trough');
  });
});

describe('excerptRuns: a Pagefind excerpt as plain and marked text', () => {
  it('closes the gap a removed citation number leaves before a full stop or comma', () => {
    expect(excerptRuns('split into two doses . In the <mark>trial</mark> , tacrolimus')).toEqual([
      { text: 'split into two doses. In the ', marked: false },
      { text: 'trial', marked: true },
      { text: ', tacrolimus', marked: false },
    ]);
  });

  it('splits marked and plain runs and decodes entities once', () => {
    expect(excerptRuns('take the <mark>trough</mark> at 12 h &amp; check &lt;img&gt;')).toEqual([
      { text: 'take the ', marked: false },
      { text: 'trough', marked: true },
      { text: ' at 12 h & check <img>', marked: false },
    ]);
    expect(excerptRuns('&amp;lt;b&amp;gt;')).toEqual([{ text: '&lt;b&gt;', marked: false }]);
    expect(excerptRuns('it&#39;s &quot;low&quot;')).toEqual([{ text: 'it\'s "low"', marked: false }]);
  });

  it('drops any tag other than the marks', () => {
    expect(excerptRuns('a <b>bold</b> <mark>word</mark><img src=x onerror=alert(1)>')).toEqual([
      { text: 'a bold ', marked: false },
      { text: 'word', marked: true },
    ]);
  });

  it('returns nothing for an empty excerpt', () => {
    expect(excerptRuns('')).toEqual([]);
  });
});

describe('correctQuery: common slips', () => {
  const corrections = [
    { typed: 'nephritic', searched: 'nephrotic', note: 'Nephritic syndrome is a different condition; showing results for nephrotic syndrome.' },
    { typed: 'tacrolimis', searched: 'tacrolimus', note: 'Showing results for tacrolimus.' },
  ];

  it('replaces the slip as a whole word, in any case, and gives the note', () => {
    expect(correctQuery('nephritic syndrome', corrections)).toEqual({ query: 'nephrotic syndrome', note: corrections[0].note });
    expect(correctQuery('Nephritic Syndrome', corrections).query).toBe('nephrotic Syndrome');
    expect(correctQuery('tacrolimis level', corrections)).toEqual({ query: 'tacrolimus level', note: corrections[1].note });
  });

  it('leaves other queries alone, including words that only contain the slip', () => {
    expect(correctQuery('nephrotic syndrome', corrections)).toEqual({ query: 'nephrotic syndrome' });
    expect(correctQuery('antinephritic', corrections)).toEqual({ query: 'antinephritic' });
  });

  it('gives the same answer when called again (no regex state carried over)', () => {
    for (let i = 0; i < 3; i++) expect(correctQuery('nephritic', corrections).query).toBe('nephrotic');
  });
});

describe('stripAliasText: indexed alias words never show in an excerpt', () => {
  it('cuts the alias block and reports which alias matched', () => {
    const runs = [
      { text: `${aliasOpen} FK506, `, marked: false },
      { text: 'FK506', marked: true },
      { text: `, tac ${aliasClose} What tacrolimus is. A calcineurin inhibitor`, marked: false },
    ];
    expect(stripAliasText(runs)).toEqual({
      runs: [{ text: 'What tacrolimus is. A calcineurin inhibitor', marked: false }],
      matchedAliases: ['FK506'],
    });
  });

  it('handles an excerpt that starts inside an alias block', () => {
    const runs = [
      { text: 'Prograf', marked: true },
      { text: `, Advagraf ${aliasClose} Brand names to search for.`, marked: false },
    ];
    expect(stripAliasText(runs)).toEqual({ runs: [{ text: 'Brand names to search for.', marked: false }], matchedAliases: ['Prograf'] });
  });

  it('keeps marks in the page text and reports no alias when none matched', () => {
    const runs = [
      { text: 'the ', marked: false },
      { text: 'trough', marked: true },
      { text: ' level', marked: false },
    ];
    expect(stripAliasText(runs)).toEqual({ runs: [{ text: 'the ', marked: false }, { text: 'trough', marked: true }, { text: ' level', marked: false }], matchedAliases: [] });
  });
});

describe('withoutLeadingText', () => {
  it('removes a title split by marks, and the full stop after it', () => {
    const runs = [
      { text: 'Trough', marked: true },
      { text: ' targets by phase. Phase ', marked: false },
      { text: 'target', marked: true },
    ];
    expect(withoutLeadingText(runs, 'Trough targets by phase')).toEqual([
      { text: 'Phase ', marked: false },
      { text: 'target', marked: true },
    ]);
  });

  it('leaves an excerpt that does not start with the title alone', () => {
    const runs = [{ text: 'median trough of about', marked: false }];
    expect(withoutLeadingText(runs, 'Trough targets')).toEqual(runs);
  });
});

describe('isGenuineMatch', () => {
  it('rejects Pagefind’s one- or two-letter fallback for a word the guidance lacks', () => {
    expect(isGenuineMatch(['a', 'A'], 'amlodipine')).toBe(false);
    expect(isGenuineMatch(['T'], 'trimethoprim')).toBe(false);
    expect(isGenuineMatch(['an'], 'anemia')).toBe(false);
  });

  it('accepts real matches, prefixes and short query words', () => {
    expect(isGenuineMatch(['tacrolimus,'], 'tac')).toBe(true);
    expect(isGenuineMatch(['troughs'], 'trough target')).toBe(true);
    expect(isGenuineMatch(['MN'], 'MN')).toBe(true);
    expect(isGenuineMatch(['C0,'], 'C0')).toBe(true);
  });
});
