/**
 * Rehype plugin, run after rehype-topic-sections: abbreviations from `content/abbreviations.yaml`.
 * - Expands each abbreviation at its first use in a page's running text when the text has not written
 *   the expansion at or before it ("FSGS" -> "FSGS (focal segmental glomerulosclerosis)"), so the rule
 *   holds however the text is edited. Headings are never changed (their ids are links).
 * - Fails the build, naming the file, the abbreviation and the sentence, when a use is still
 *   unexpanded afterwards (an abbreviation used only in headings).
 * - Gives each heading section whose text writes an expansion out but never uses the letters the
 *   abbreviation as a search alias, so a query for "TMA" lands on the section about thrombotic
 *   microangiopathy. The alias sits in the same indexed attribute as content/search-aliases.yaml's;
 *   an abbreviation that file attaches by hand is left to it.
 * See docs/search.md.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { Abbreviation } from '../content.config.ts';
import {
  describeUnexpanded,
  expansionAfter,
  firstUse,
  insideBrackets,
  loadAbbreviations,
  tokenEnd,
  tokenStart,
  unexpandedAbbreviations,
  usePattern,
  writesExpansion,
  type TextBlock,
} from '../lib/abbreviations.ts';
import { aliasClose, aliasOpen } from '../lib/alias-text.ts';
import { loadSearchAliases } from '../lib/aliases.ts';

type Parent = Root | Element;
interface PlacedText {
  node: Text;
  parent: Parent;
}
interface Block extends TextBlock {
  texts: PlacedText[];
}

/** Elements whose text reads as one run: a paragraph, a cell, a list item, a heading. */
const blockTags = new Set(['p', 'li', 'td', 'th', 'dt', 'dd', 'caption', 'figcaption', 'summary', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const isHeading = (element: Element) => /^h[1-6]$/.test(element.tagName);

/** Text that is not prose: code, and citation numbers. */
function skipped(element: Element): boolean {
  if (['code', 'pre', 'script', 'style'].includes(element.tagName)) return true;
  const className = element.properties?.className;
  return element.tagName === 'sup' && Array.isArray(className) && className.includes('citation');
}

/** The page's text blocks in reading order, each with the text nodes it is made of. */
function textBlocks(tree: Root): Block[] {
  const blocks: Block[] = [];
  const visit = (parent: Parent, block: Block | undefined) => {
    for (const child of parent.children) {
      if (child.type === 'text') {
        const current = block ?? { text: '', heading: false, texts: [] };
        if (!block) blocks.push(current);
        current.texts.push({ node: child, parent });
        current.text += child.value;
      } else if (child.type === 'element' && !skipped(child)) {
        if (blockTags.has(child.tagName) && !(block?.heading ?? false)) {
          const own: Block = { text: '', heading: isHeading(child), texts: [] };
          blocks.push(own);
          visit(child, own);
          // Text after a nested block (a list item's paragraph) belongs to the outer block again.
        } else visit(child, block);
      }
    }
  };
  visit(tree, undefined);
  return blocks.filter((block) => block.text.trim());
}

/** Inserts the expansion after the first use of the abbreviation in the block. */
function expandFirstUse(block: Block, entry: Abbreviation): boolean {
  let offset = 0;
  for (const { node, parent } of block.texts) {
    const match = usePattern(entry).exec(node.value);
    if (!match) {
      offset += node.value.length;
      continue;
    }
    const value = node.value;
    const start = tokenStart(value, match.index);
    const end = tokenEnd(value, match.index + match[0].length);
    const inOwnBrackets = value[start - 1] === '(' && value[end] === ')';
    const where = { inOwnBrackets, insideBrackets: !inOwnBrackets && insideBrackets(block.text, offset + start) };
    const insertion = expansionAfter(entry, match[0], value.slice(start, end), where);
    // The expansion helps the reader; it is not indexed, so search ranks the text as written.
    const expansion: Element = { type: 'element', tagName: 'span', properties: { className: ['abbreviation-expansion'], dataPagefindIgnore: '' }, children: [{ type: 'text', value: insertion }] };
    const replacement = [{ type: 'text', value: value.slice(0, end) } as Text, expansion, { type: 'text', value: value.slice(end) } as Text].filter(
      (part) => part.type !== 'text' || part.value,
    );
    const index = (parent.children as Array<RootContent | ElementContent>).indexOf(node);
    parent.children.splice(index, 1, ...(replacement as Array<RootContent & ElementContent>));
    return true;
  }
  return false;
}

/** Adds words to a heading's indexed alias attribute, keeping the marks search strips from excerpts. */
function addAliases(heading: Element, words: string[]): void {
  const existing = String(heading.properties?.dataSearchAliases ?? '');
  const inside = existing ? existing.slice(aliasOpen.length, -aliasClose.length).trim() : '';
  heading.properties = {
    ...heading.properties,
    dataSearchAliases: `${aliasOpen} ${[inside, words.join(', ')].filter(Boolean).join(', ')} ${aliasClose}`,
    dataPagefindIndexAttrs: 'data-search-aliases',
  };
}

/** Each heading with an id, and the text from it to the next heading. */
function headingSections(tree: Root): Array<{ heading: Element; text: string }> {
  const sections: Array<{ heading: Element; text: string }> = [];
  let current: { heading: Element; text: string } | undefined;
  const visit = (nodes: Array<RootContent | ElementContent>) => {
    for (const node of nodes) {
      if (node.type === 'text' && current) current.text += node.value;
      if (node.type !== 'element' || skipped(node)) continue;
      if (isHeading(node) && node.properties?.id) {
        current = { heading: node, text: '' };
        sections.push(current);
      }
      // Blocks are words apart: "Later" then "Thrombotic ..." is not "LaterThrombotic".
      if (current && blockTags.has(node.tagName)) current.text += ' ';
      visit(node.children);
    }
  };
  visit(tree.children);
  return sections;
}

/**
 * The abbreviations a section should be found by: it writes their expansion out but not their
 * letters. Abbreviations in `handAttached` (content/search-aliases.yaml attaches them to chosen
 * sections) are left to that file.
 */
export function searchAbbreviationsFor(heading: string, text: string, entries: Abbreviation[], handAttached: Set<string> = new Set()): string[] {
  const words: string[] = [];
  for (const entry of entries) {
    if (handAttached.has(entry.abbreviation.toLowerCase())) continue;
    const all = `${heading} ${text}`;
    if (usePattern(entry).test(all)) continue;
    if (writesExpansion(all, entry)) words.push(entry.abbreviation, ...entry.also_typed);
  }
  return words;
}

/** Alias words content/search-aliases.yaml attaches by hand, lower case. */
function handAttachedWords(): Set<string> {
  return new Set(loadSearchAliases().aliases.flatMap((alias) => alias.terms.map((term) => term.toLowerCase())));
}

export default function rehypeAbbreviations(options: { entries?: Abbreviation[]; handAttached?: Set<string> } = {}) {
  return (tree: Root, file: { path?: string }) => {
    const entries = options.entries ?? loadAbbreviations();
    const handAttached = options.handAttached ?? handAttachedWords();
    const name = (file.path ?? 'markdown').replace(/^.*?(?=content[\\/])/, '');
    for (const entry of entries) {
      const blocks = textBlocks(tree);
      const use = firstUse(blocks, entry);
      if (!use) continue;
      const upToUse = blocks.slice(0, use.block + 1).map((block) => block.text).join(' ');
      if (!writesExpansion(upToUse, entry)) expandFirstUse(blocks[use.block], entry);
    }
    const problems = unexpandedAbbreviations(textBlocks(tree), entries);
    if (problems.length > 0) throw new Error(problems.map((problem) => describeUnexpanded(name, problem)).join('\n'));
    for (const { heading, text } of headingSections(tree)) {
      const words = searchAbbreviationsFor(textOfHeading(heading), text, entries, handAttached);
      if (words.length > 0) addAliases(heading, words);
    }
  };
}

function textOfHeading(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOfHeading).join('');
  return '';
}
