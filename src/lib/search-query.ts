/** Cleaning what a user types before it reaches the search index. */

/** Longest query searched; anything longer is cut, so a pasted page cannot freeze the browser. */
export const maxQueryLength = 200;

/**
 * Trims a query, drops control characters and brackets that carry no meaning for search,
 * collapses spaces and cuts it to `maxQueryLength`.
 */
export function normaliseQuery(raw: string): string {
  return raw
    .slice(0, maxQueryLength * 4)
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[<>{}[\]()"`\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxQueryLength)
    .trim();
}

/** Splits a Pagefind excerpt ("a <mark>b</mark> c") into plain and marked runs, so none of it is parsed as HTML. */
export function excerptRuns(excerpt: string): Array<{ text: string; marked: boolean }> {
  const runs: Array<{ text: string; marked: boolean }> = [];
  const decode = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&amp;/g, '&');
  // Citation numbers are left out of the index, which leaves "two doses ." behind: close the gap.
  const parts = excerpt.replace(/\s+([.,;:])/g, '$1').split(/(<mark>[\s\S]*?<\/mark>)/);
  for (const part of parts) {
    if (!part) continue;
    const marked = part.startsWith('<mark>');
    const text = decode((marked ? part.slice(6, -7) : part).replace(/<[^>]*>/g, ''));
    if (text) runs.push({ text, marked });
  }
  return runs;
}

/**
 * Whether the words Pagefind marked in a result really answer the query. For a word it cannot
 * find, Pagefind falls back to matching its first letter or two ("amlodipine" marking every "a"),
 * which would list every topic for a drug the guidance never mentions. A marked word counts when it
 * shares at least its first three letters with a query word (or the whole word, if shorter).
 */
export function isGenuineMatch(markedWords: string[], query: string): boolean {
  const queryWords = query.toLowerCase().split(/\s+/).map((word) => word.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean);
  return markedWords.some((marked) => {
    const word = marked.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    return queryWords.some((queryWord) => {
      const needed = Math.min(3, queryWord.length);
      return word.length >= needed && word.slice(0, needed) === queryWord.slice(0, needed);
    });
  });
}

/** The words a Pagefind excerpt marks. */
export function markedWords(excerpt: string): string[] {
  return excerptRuns(excerpt).filter((run) => run.marked).map((run) => run.text);
}

/**
 * Removes `prefix` from the start of an excerpt split into runs, even where marks split it
 * ("<mark>Trough</mark> targets by phase. Phase ..."), with the full stop after it. Used so a
 * section's excerpt does not repeat the section title shown as its link.
 */
export function withoutLeadingText(runs: Array<{ text: string; marked: boolean }>, prefix: string): Array<{ text: string; marked: boolean }> {
  const joined = runs.map((run) => run.text).join('');
  const trimmedStart = joined.length - joined.trimStart().length;
  if (!joined.trimStart().toLowerCase().startsWith(prefix.toLowerCase())) return runs;
  let toRemove = trimmedStart + prefix.length;
  const trailing = /^[.:\s]+/.exec(joined.slice(toRemove));
  if (trailing) toRemove += trailing[0].length;
  const result: Array<{ text: string; marked: boolean }> = [];
  for (const run of runs) {
    if (toRemove >= run.text.length) {
      toRemove -= run.text.length;
      continue;
    }
    result.push({ ...run, text: run.text.slice(toRemove) });
    toRemove = 0;
  }
  return result;
}
