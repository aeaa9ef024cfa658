/**
 * Search aliases: brand names, abbreviations and lay words clinicians type that the guidance may not
 * contain. Each alias is attached to the sections it should find, as an attribute Pagefind indexes,
 * so a search for "Prograf" lands on the paragraph about brands, not just somewhere on a page.
 */
import { parse } from 'yaml';
import { searchAliasesSchema, type SearchAliases } from '../schemas.ts';

/**
 * Bracket the alias words Pagefind indexes for a section. Pagefind shows indexed attribute text in
 * excerpts; the brackets let the search box cut it out and say which alias matched instead.
 */
export const aliasOpen = '⟦';
export const aliasClose = '⟧';

/** Parses and validates `content/search-aliases.yaml`; throws with the field at fault. */
export function parseSearchAliases(text: string): SearchAliases {
  const result = searchAliasesSchema.safeParse(parse(text));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`content/search-aliases.yaml: field "${issue.path.join('.')}": ${issue.message}`);
  }
  return result.data;
}

/** Alias words per section target (`topic#heading`), each word once. */
export function aliasesBySection(aliases: SearchAliases): Map<string, string[]> {
  const bySection = new Map<string, Set<string>>();
  for (const alias of aliases.aliases) {
    for (const section of alias.sections) {
      const words = bySection.get(section) ?? new Set<string>();
      alias.terms.forEach((term) => words.add(term));
      bySection.set(section, words);
    }
  }
  return new Map([...bySection].map(([section, words]) => [section, [...words]]));
}

/** Section targets that name a topic or heading that does not exist. */
export function missingAliasTargets(aliases: SearchAliases, headingIdsByTopic: Map<string, Set<string>>): string[] {
  const targets = new Set(aliases.aliases.flatMap((alias) => alias.sections));
  return [...targets].filter((target) => {
    const [topic, heading] = target.split('#');
    return !headingIdsByTopic.get(topic)?.has(heading);
  });
}

/** The correction for a query containing a common slip ("nephritic"), if any. */
export function correctQuery(query: string, corrections: SearchAliases['corrections']): { query: string; note?: string } {
  for (const correction of corrections) {
    const pattern = new RegExp(`\\b${correction.typed}\\b`, 'gi');
    if (pattern.test(query)) return { query: query.replace(pattern, correction.searched), note: correction.note };
  }
  return { query };
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
    for (const piece of run.text.split(new RegExp(`(${aliasOpen}|${aliasClose})`))) {
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
