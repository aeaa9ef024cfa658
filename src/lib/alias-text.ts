/**
 * The parts of search aliases the browser needs: the marks around indexed alias words, cutting them
 * out of excerpts, and correcting common slips. No YAML or schema code, so the search bundle stays small.
 */
import type { SearchAliases } from '../content.config.ts';

/**
 * Bracket the alias words Pagefind indexes for a section. Pagefind shows indexed attribute text in
 * excerpts; the brackets let the search box cut it out and say which alias matched instead.
 */
export const aliasOpen = '⟦';
export const aliasClose = '⟧';

const aliasMarks = new RegExp(`(${aliasOpen}|${aliasClose})`);

/** The correction for a query containing a common slip ("nephritic"), if any. */
export function correctQuery(query: string, corrections: SearchAliases['corrections']): { query: string; note?: string } {
  let corrected = query;
  const notes: string[] = [];
  for (const correction of corrections) {
    const escaped = correction.typed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`\\b${escaped}\\b`, 'gi');
    if (!pattern.test(corrected)) continue;
    corrected = corrected.replace(pattern, correction.searched);
    notes.push(correction.note);
  }
  return notes.length > 0 ? { query: corrected, note: notes.join(' ') } : { query };
}

/**
 * Removes alias words from a Pagefind excerpt (they were indexed, not written on the page) and
 * returns the alias words that matched, so the result can say why it was found. The excerpt window
 * may start or end inside an alias block; the distinct opening and closing marks tell which.
 */
export function stripAliasText(runs: Array<{ text: string; marked: boolean }>): {
  runs: Array<{ text: string; marked: boolean }>;
  matchedAliases: string[];
} {
  const joined = runs.map((run) => run.text).join('');
  const firstOpen = joined.indexOf(aliasOpen);
  const firstClose = joined.indexOf(aliasClose);
  let inside = firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen);
  const kept: Array<{ text: string; marked: boolean }> = [];
  const matchedAliases: string[] = [];
  for (const run of runs) {
    for (const piece of run.text.split(aliasMarks)) {
      if (piece === aliasOpen) inside = true;
      else if (piece === aliasClose) inside = false;
      else if (inside) {
        if (run.marked) matchedAliases.push(piece.replace(/[,.;]/g, '').trim());
      } else if (piece) kept.push({ text: piece, marked: run.marked });
    }
  }
  if (kept.length > 0) kept[0] = { ...kept[0], text: kept[0].text.replace(/^\s+/, '') };
  return { runs: kept, matchedAliases: [...new Set(matchedAliases.filter(Boolean))] };
}
