/** Every page of a built site, as URL paths, read from the output folder. */
import { readdirSync } from 'node:fs';

export function builtPages(dir = 'dist'): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind'))
    .map((file) => `/${file.replace(/index\.html$/, '')}`)
    .sort();
}

/**
 * Pages that are not topics but carry clinical content of their own, and must meet a topic's checks
 * (forced colours, reading with JavaScript off): the weight-band tables and the dose calculator.
 */
export const clinicalPages = ['/weight-band-tables/', '/dose-calculator/', '/card/'];
