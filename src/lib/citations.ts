/**
 * Inline citations in Pandoc syntax: `[@chin2021]` or `[@chin2021; @chen2010]`.
 * Parsing finds the markers; numbering gives each key a number per page, in order of first use,
 * and an anchor for every use so the reference list can link back to it.
 */

/** One `[@a; @b]` marker found in text. `start`/`end` are offsets into the text searched. */
export interface CitationMarker {
  keys: string[];
  start: number;
  end: number;
}

const markerPattern = /\[(\s*@[A-Za-z0-9][\w.:-]*(?:\s*;\s*@[A-Za-z0-9][\w.:-]*)*\s*)\]/g;

/** Finds every citation marker in a piece of text, in order. */
export function findCitationMarkers(text: string): CitationMarker[] {
  const markers: CitationMarker[] = [];
  for (const match of text.matchAll(markerPattern)) {
    const keys = match[1]
      .split(';')
      .map((part) => part.trim().replace(/^@/, ''))
      // A key never ends in punctuation: `[@a.]` is a typo for `[@a]`.
      .map((key) => key.replace(/[.:]+$/, ''));
    markers.push({ keys, start: match.index, end: match.index + match[0].length });
  }
  return markers;
}

/** Line and column (both 1-based) of an offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

/** One citation of one reference at one place on the page. */
export interface CitationUse {
  /** Anchor id of the superscript link, for the reference list's back links. */
  anchorId: string;
}

/** A reference as cited on one page: its number there and every place it is cited. */
export interface NumberedCitation {
  key: string;
  citationNumber: number;
  uses: CitationUse[];
}

/** Anchor id of a reference in a page's reference list. */
export const referenceAnchorId = (key: string): string => `ref-${key}`;

/**
 * Numbers citations on one page: the first key cited is 1, and a key keeps its number
 * however often it is cited again.
 */
export class CitationNumbering {
  private readonly byKey = new Map<string, NumberedCitation>();

  /** Records one use of `key` and returns its number and the anchor id of this use. */
  cite(key: string): { citationNumber: number; anchorId: string } {
    let citation = this.byKey.get(key);
    if (!citation) {
      citation = { key, citationNumber: this.byKey.size + 1, uses: [] };
      this.byKey.set(key, citation);
    }
    // Numbers, not keys: ids stay short in pages with a hundred citations.
    const anchorId = `cite-${citation.citationNumber}-${citation.uses.length + 1}`;
    citation.uses.push({ anchorId });
    return { citationNumber: citation.citationNumber, anchorId };
  }

  /** Every reference cited, in number order. */
  list(): NumberedCitation[] {
    return [...this.byKey.values()];
  }
}

/**
 * A page's citation list with the keys its tools cite (tables rendered from data files) appended,
 * numbered after the text's own, so every number a tool shows is in the page's reference list.
 */
export function withToolCitations(citations: NumberedCitation[], keys: string[]): NumberedCitation[] {
  const list = [...citations];
  for (const key of keys) {
    if (!list.some((citation) => citation.key === key)) list.push({ key, citationNumber: list.length + 1, uses: [] });
  }
  return list;
}
