/**
 * The order in which a result's sections are offered: a section whose heading holds every word searched
 * comes first ("Envarsus dose" finds "Envarsus dose conversion" before the sections that only mention
 * the words often), then the sections with the most matches. Ties keep the page's order. Used by the
 * search box; the relevance suite ranks the same way.
 */
export interface RankableSection {
  title: string;
  locations: readonly number[];
}

/** The words of a query that count: letters and digits, two characters or more, lower case. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2);
}

/** True when every word searched begins a word of the heading ("dose" matches "doses"). */
export function headingHasEveryWord(title: string, query: string): boolean {
  const words = queryWords(query);
  if (words.length === 0) return false;
  const headingWords = queryWords(title);
  return words.every((word) => headingWords.some((headingWord) => headingWord.startsWith(word)));
}

/** The sections in the order the search box offers them (a new array; the input is left as it was). */
export function rankSections<T extends RankableSection>(sections: readonly T[], query: string): T[] {
  return sections
    .map((section, index) => ({ section, index, heading: headingHasEveryWord(section.title, query) }))
    .sort((a, b) => Number(b.heading) - Number(a.heading) || b.section.locations.length - a.section.locations.length || a.index - b.index)
    .map(({ section }) => section);
}
