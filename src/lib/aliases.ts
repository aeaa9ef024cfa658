/**
 * Search aliases: brand names, abbreviations and lay words clinicians type that the guidance may not
 * contain. Each alias is attached to the sections it should find, as an attribute Pagefind indexes,
 * so a search for "Prograf" lands on the paragraph about brands, not just somewhere on a page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlData } from './yaml-data.ts';
import { searchAliasesSchema, type SearchAliases } from '../content.config.ts';


/** Parses and validates `content/search-aliases.yaml`; throws with the field at fault. */
export function parseSearchAliases(text: string): SearchAliases {
  return parseYamlData(text, 'content/search-aliases.yaml', searchAliasesSchema);
}

let loaded: SearchAliases | undefined;

/** `content/search-aliases.yaml`, read and validated once per build. */
export function loadSearchAliases(): SearchAliases {
  loaded ??= parseSearchAliases(readFileSync(join(process.cwd(), 'content/search-aliases.yaml'), 'utf8'));
  return loaded;
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
