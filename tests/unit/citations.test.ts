import { describe, expect, it } from 'vitest';
import { CitationNumbering, findCitationMarkers, lineAndColumn } from '../../src/lib/citations';

describe('findCitationMarkers', () => {
  it('finds single and grouped markers with their keys', () => {
    const text = 'Dose [@chin2021-mcd]. Targets [@chen2010-mn; @droracle2025] and more.';
    expect(findCitationMarkers(text).map((marker) => marker.keys)).toEqual([['chin2021-mcd'], ['chen2010-mn', 'droracle2025']]);
  });

  it('gives offsets that cut the marker out exactly', () => {
    const text = 'A [@a] b';
    const [marker] = findCitationMarkers(text);
    expect(text.slice(marker.start, marker.end)).toBe('[@a]');
  });

  it('ignores ordinary brackets, links and e-mail addresses', () => {
    expect(findCitationMarkers('see [note] and [link](x) or a@b.org [1]')).toEqual([]);
  });

  it('tolerates spaces around keys', () => {
    expect(findCitationMarkers('[ @a ;@b ]')[0].keys).toEqual(['a', 'b']);
  });
});

describe('CitationNumbering', () => {
  it('numbers keys in order of first use and keeps a number on reuse', () => {
    const numbering = new CitationNumbering();
    expect(numbering.cite('b').citationNumber).toBe(1);
    expect(numbering.cite('a').citationNumber).toBe(2);
    expect(numbering.cite('b').citationNumber).toBe(1);
    expect(numbering.list().map((c) => [c.key, c.citationNumber, c.uses.length])).toEqual([
      ['b', 1, 2],
      ['a', 2, 1],
    ]);
  });

  it('gives every use its own anchor', () => {
    const numbering = new CitationNumbering();
    numbering.cite('a');
    numbering.cite('a');
    expect(numbering.list()[0].uses).toEqual([{ anchorId: 'cite-1-1' }, { anchorId: 'cite-1-2' }]);
  });

  it('restarts for each page', () => {
    const first = new CitationNumbering();
    first.cite('x');
    const second = new CitationNumbering();
    expect(second.cite('y').citationNumber).toBe(1);
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});
