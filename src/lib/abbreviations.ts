/**
 * Abbreviations and their expansions (`content/abbreviations.yaml`): what counts as a use, what
 * counts as the expansion being written, and the check that every abbreviation a page uses is
 * expanded at its first use. Pure functions over text; the rehype step
 * (src/markdown/rehype-abbreviations.ts) applies them to a page. See docs/search.md.
 *
 * "Expanded" means: the expansion (or its plural, or one of its other wordings) is written on the
 * page, headings included, before the first use in running text or in the same paragraph, table
 * cell or list item ("focal segmental glomerulosclerosis (FSGS)", "FSGS (focal segmental
 * glomerulosclerosis)"). Uses in headings do not count as the first use: a heading is a label, the
 * text under it explains.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlData } from './yaml-data.ts';
import { abbreviationsSchema, type Abbreviation, type Abbreviations } from '../content.config.ts';

/** Parses and validates `content/abbreviations.yaml`; throws with the field at fault. */
export function parseAbbreviations(text: string): Abbreviations {
  return parseYamlData(text, 'content/abbreviations.yaml', abbreviationsSchema);
}

let loaded: Abbreviation[] | undefined;

/** The abbreviations, read and validated once per build. */
export function loadAbbreviations(): Abbreviation[] {
  loaded ??= parseAbbreviations(readFileSync(join(process.cwd(), 'content/abbreviations.yaml'), 'utf8')).abbreviations;
  return loaded;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The letters as written: the abbreviation, its plural ("NSAIDs") and its other letters ("uPCR"), case as given. */
export function lettersOf(entry: Abbreviation): string[] {
  return [entry.abbreviation, ...(entry.plural ? [`${entry.abbreviation}s`] : []), ...entry.also_typed];
}

/** Matches a use of the abbreviation: its letters, not inside a longer word ("MN" not in "MNS"). */
export function usePattern(entry: Abbreviation): RegExp {
  const letters = lettersOf(entry).sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${letters.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

/** Text compared word by word: lower case, punctuation and hyphens as spaces. */
export function comparable(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/** Whether the text writes the expansion out (any of its wordings, from the start of a word). */
export function writesExpansion(text: string, entry: Abbreviation): boolean {
  const haystack = comparable(text);
  return [entry.expansion, entry.plural, ...entry.also_written]
    .filter((form): form is string => Boolean(form))
    .some((form) => haystack.includes(comparable(form).trimEnd()));
}

/** A run of text as the page reads it: a paragraph, a table cell, a list item or a heading. */
export interface TextBlock {
  text: string;
  heading: boolean;
}

export interface UnexpandedAbbreviation {
  abbreviation: string;
  expansion: string;
  /** The sentence of its first use (or the heading, when only headings use it). */
  sentence: string;
  onlyInHeadings: boolean;
}

/** The sentence of `text` around `index`. */
export function sentenceAt(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('. ', index) + 1, 0);
  const endDot = text.indexOf('. ', index);
  return text.slice(start, endDot < 0 ? text.length : endDot + 1).trim();
}

/** The block of the first use in running text, and where in it; undefined when no running text uses it. */
export function firstUse(blocks: TextBlock[], entry: Abbreviation): { block: number; index: number } | undefined {
  for (const [block, { text, heading }] of blocks.entries()) {
    if (heading) continue;
    const match = usePattern(entry).exec(text);
    if (match) return { block, index: match.index };
  }
  return undefined;
}

/**
 * Abbreviations the blocks of one page use without expanding them first (see the file comment).
 * A page that uses an abbreviation only in headings is reported too: nothing under them expands it.
 */
export function unexpandedAbbreviations(blocks: TextBlock[], entries: Abbreviation[]): UnexpandedAbbreviation[] {
  const problems: UnexpandedAbbreviation[] = [];
  for (const entry of entries) {
    const use = firstUse(blocks, entry);
    if (!use) {
      const heading = blocks.find((block) => block.heading && usePattern(entry).test(block.text));
      if (heading && !writesExpansion(blocks.map((block) => block.text).join(' '), entry)) {
        problems.push({ abbreviation: entry.abbreviation, expansion: entry.expansion, sentence: heading.text, onlyInHeadings: true });
      }
      continue;
    }
    const upToUse = blocks.slice(0, use.block + 1).map((block) => block.text).join(' ');
    if (!writesExpansion(upToUse, entry)) {
      problems.push({ abbreviation: entry.abbreviation, expansion: entry.expansion, sentence: sentenceAt(blocks[use.block].text, use.index), onlyInHeadings: false });
    }
  }
  return problems;
}

/** The build's message for an unexpanded abbreviation, naming the file, the abbreviation and the sentence. */
export function describeUnexpanded(file: string, problem: UnexpandedAbbreviation): string {
  const where = problem.onlyInHeadings ? `is used only in the heading "${problem.sentence}"` : `is used before it is expanded, in "${problem.sentence}"`;
  return `${file}: abbreviation "${problem.abbreviation}" ${where}: write "${problem.expansion} (${problem.abbreviation})" at its first use in the text (content/abbreviations.yaml gives its expansion)`;
}

/**
 * The text that expands a use in place: " (focal segmental glomerulosclerosis)" after the
 * abbreviation itself (or its possessive, "FDA's"), " (PLA2R: phospholipase A2 receptor)" after a
 * longer word containing it ("anti-PLA2R"), ": area under ..." inside brackets that hold only the
 * abbreviation ("(AUC)"), and square brackets inside other round ones ("(IPNA [International ...] 2022)").
 */
export function expansionAfter(entry: Abbreviation, matched: string, token: string, where: { inOwnBrackets: boolean; insideBrackets: boolean }): string {
  const expansion = entry.plural && matched === `${entry.abbreviation}s` ? entry.plural : entry.expansion;
  const exact = token === matched || token === `${matched}'s` || token === `${matched}’s`;
  if (where.inOwnBrackets && token === matched) return `: ${expansion}`;
  const [open, close] = where.insideBrackets ? ['[', ']'] : ['(', ')'];
  return exact ? ` ${open}${expansion}${close}` : ` ${open}${entry.abbreviation}: ${entry.expansion}${close}`;
}

/** Whether `index` of `text` is inside round brackets opened before it. */
export function insideBrackets(text: string, index: number): boolean {
  const before = text.slice(0, index);
  return (before.match(/\(/g)?.length ?? 0) > (before.match(/\)/g)?.length ?? 0);
}

/** Where the word around a use ends: at a space or closing punctuation ("anti-PLA2R,", "RU/mL)"). */
export function tokenEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && !/[\s),.;:!?\]]/.test(text[end])) end++;
  return end;
}

/** Where the word around a use starts. */
export function tokenStart(text: string, from: number): number {
  let start = from;
  while (start > 0 && !/[\s(\[]/.test(text[start - 1])) start--;
  return start;
}
