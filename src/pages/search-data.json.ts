/**
 * What the search box needs besides the index, fetched with the search code on first focus: the
 * common slips it corrects, and the filter values the topics carry (the same labels the topic badges
 * give Pagefind). Built here so the search box does not ask Pagefind for its filters, which would
 * load every filter into the engine and make every later search count results per filter value.
 */
import type { APIRoute } from 'astro';
import { loadSearchAliases } from '../lib/aliases';
import { loadAbbreviations, lettersOf } from '../lib/abbreviations';
import { topicsInOrder } from '../lib/references';
import { kindLabel, populationLabel } from '../lib/labels';

export interface SearchData {
  corrections: Array<{ typed: string; searched: string; note: string }>;
  /** Filter name to its values, sorted, only values some topic has. */
  filters: Record<'population' | 'condition' | 'kind', string[]>;
  /**
   * A word spelt the other way ("edema") to the spelling the pages use ("oedema"). Added by the
   * Pagefind integration once the pages are built, from their words (src/lib/spelling-rules.ts).
   */
  spellings?: Record<string, string>;
  /** Each abbreviation's letters (content/abbreviations.yaml) to its expansion, to say what a matched abbreviation means. */
  abbreviations?: Record<string, string>;
}

export const GET: APIRoute = async () => {
  const topics = await topicsInOrder();
  const values = (pick: (data: (typeof topics)[number]['data']) => string[]) => [...new Set(topics.flatMap((topic) => pick(topic.data)))].sort();
  const data: SearchData = {
    corrections: loadSearchAliases().corrections,
    abbreviations: Object.fromEntries(loadAbbreviations().flatMap((entry) => lettersOf(entry).map((letters) => [letters, entry.expansion]))),
    filters: {
      population: values((topic) => topic.populations.map(populationLabel)),
      condition: values((topic) => topic.conditions),
      kind: values((topic) => [kindLabel(topic.kind)]),
    },
  };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
