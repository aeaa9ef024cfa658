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
  const parts = excerpt.split(/(<mark>[\s\S]*?<\/mark>)/);
  for (const part of parts) {
    if (!part) continue;
    const marked = part.startsWith('<mark>');
    const text = decode((marked ? part.slice(6, -7) : part).replace(/<[^>]*>/g, ''));
    if (text) runs.push({ text, marked });
  }
  return runs;
}
