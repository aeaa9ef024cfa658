/**
 * A binder of chosen topics: which topics the address asks for (`?topics=a,b`), the address that
 * shares a choice, and the words that say what a printed binder holds. Pure functions, used by the
 * binder page's script (src/scripts/binder-choice.ts) and its tests.
 */

/** The address parameter that carries the choice. */
export const topicsParam = 'topics';

/**
 * The topics an address chooses, in binder order. No parameter (or nothing known in it) means every
 * topic: a shared address with a typo still prints a binder rather than an empty one.
 */
export function chosenTopics(search: string, slugs: readonly string[]): string[] {
  const value = new URLSearchParams(search).get(topicsParam);
  if (value === null) return [...slugs];
  const asked = new Set(value.split(',').map((slug) => slug.trim()).filter(Boolean));
  const chosen = slugs.filter((slug) => asked.has(slug));
  return chosen.length > 0 ? chosen : [...slugs];
}

/** The query string for a choice: none when every topic is chosen, so the plain address stays the whole binder. */
export function searchFor(chosen: readonly string[], slugs: readonly string[], search = ''): string {
  const params = new URLSearchParams(search);
  const all = slugs.every((slug) => chosen.includes(slug));
  if (all) params.delete(topicsParam);
  else params.set(topicsParam, slugs.filter((slug) => chosen.includes(slug)).join(','));
  const text = params.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}

/** "all 17 topics" or "3 of 17 topics: Dosing, Monitoring, Taking a trough level". */
export function holdsText(chosenTitles: readonly string[], total: number): string {
  if (chosenTitles.length === total) return `all ${total} topics`;
  if (chosenTitles.length === 0) return `no topics (tick at least one)`;
  return `${chosenTitles.length} of ${total} ${total === 1 ? 'topic' : 'topics'}: ${chosenTitles.join(', ')}`;
}
