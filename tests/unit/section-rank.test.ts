import { describe, expect, it } from 'vitest';
import { headingHasEveryWord, queryWords, rankSections } from '../../src/lib/section-rank';

const section = (title: string, matches: number) => ({ title, locations: Array.from({ length: matches }, (_, index) => index) });

describe('the order of a result\'s sections', () => {
  it('reads the words of a query, two letters or more, in lower case', () => {
    expect(queryWords('Envarsus  dose, C0 a')).toEqual(['envarsus', 'dose', 'c0']);
  });

  it('knows a heading that holds every word searched, a word matching the start of a longer one', () => {
    expect(headingHasEveryWord('Envarsus dose conversion', 'envarsus dose')).toBe(true);
    expect(headingHasEveryWord('Missed or vomited doses', 'dose')).toBe(true);
    expect(headingHasEveryWord('Product strengths', 'envarsus dose')).toBe(false);
    expect(headingHasEveryWord('Anything', '')).toBe(false);
  });

  it('offers a section whose heading holds every word first, then the most matches, ties in page order', () => {
    const sections = [section('Key points', 12), section('Product strengths', 14), section('Envarsus dose conversion', 8), section('Switching', 12)];
    expect(rankSections(sections, 'Envarsus dose').map((entry) => entry.title)).toEqual(['Envarsus dose conversion', 'Product strengths', 'Key points', 'Switching']);
    expect(rankSections(sections, 'strengths').map((entry) => entry.title)[0]).toBe('Product strengths');
    expect(sections[0].title).toBe('Key points');
  });
});
