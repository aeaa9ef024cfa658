/**
 * What the search box searches for a typed query, in one place so the relevance tests search exactly
 * the same: the query cleaned, a common slip corrected ("nephritic"), then each word spelt the way
 * the site spells it ("edema" -> "oedema"). The note tells the user what changed.
 */
import type { SearchAliases } from '../content.config.ts';
import { correctQuery } from './alias-text.ts';
import { normaliseQuery } from './search-query.ts';
import { respellQuery, respeltNote } from './spelling.ts';

export interface QueryRules {
  corrections: SearchAliases['corrections'];
  spellings?: Record<string, string>;
}

export function searchedQuery(raw: string, rules: QueryRules): { typed: string; query: string; note?: string } {
  const typed = normaliseQuery(raw);
  const corrected = correctQuery(typed, rules.corrections);
  const respelled = respellQuery(corrected.query, rules.spellings ?? {});
  const notes = [corrected.note, respeltNote(respelled.respelt)].filter(Boolean);
  return { typed, query: respelled.query, ...(notes.length > 0 ? { note: notes.join(' ') } : {}) };
}
