/**
 * The search box's half of the spelling rule: a query word spelt the other way ("edema") is searched
 * as the site spells it ("oedema"), so results, section links, highlighting and excerpts are exactly
 * those of the site's own word. The map is made at build time from the words of the finished pages
 * (src/lib/spelling-rules.ts) and arrives with the search data; no rules ship to the browser.
 */

/** The query with each word respelt as the site spells it, and the words that changed. */
export function respellQuery(query: string, spellings: Record<string, string>): { query: string; respelt: Array<{ typed: string; searched: string }> } {
  const respelt: Array<{ typed: string; searched: string }> = [];
  const respelled = query.replace(/\p{L}+/gu, (word) => {
    const searched = Object.hasOwn(spellings, word.toLowerCase()) ? spellings[word.toLowerCase()] : undefined;
    if (!searched) return word;
    if (!respelt.some((entry) => entry.searched === searched)) respelt.push({ typed: word, searched });
    return searched;
  });
  return { query: respelled, respelt };
}

/** What the search box says when it respelt a word: "Spelt “oedema” here; showing those results." */
export function respeltNote(respelt: Array<{ typed: string; searched: string }>): string | undefined {
  if (respelt.length === 0) return undefined;
  const words = respelt.map((entry) => `“${entry.searched}”`).join(', ');
  return `Spelt ${words} in this guidance; showing those results.`;
}
