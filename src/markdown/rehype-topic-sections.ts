/**
 * Rehype plugin: gives a topic's HTML the structure the page needs.
 * - Each second-level heading and what follows it becomes a `<section>`, so one section can be
 *   printed on its own and search results can land on it.
 * - A blockquote that opens with a bold label ("Sources differ.", "Evidence status.", "Caution.",
 *   "Practice point.") becomes a labelled callout.
 * - Tables sit in a focusable, labelled region so a wide table scrolls on a zoomed screen.
 */
import { basename } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { calloutKind } from '../lib/callouts.ts';
import { aliasesBySection, loadSearchAliases } from '../lib/aliases.ts';
import { aliasClose, aliasOpen } from '../lib/alias-text.ts';
import { loadLocal, localBlock, localHeadingsOf } from '../lib/local.ts';

/** Alias words per `topic#heading`, worked out once per build. */
let aliasCache: Map<string, string[]> | undefined;
function sectionAliases(): Map<string, string[]> {
  aliasCache ??= aliasesBySection(loadSearchAliases());
  return aliasCache;
}

/**
 * Gives a heading its search aliases as an attribute Pagefind indexes, so the words find this
 * section without appearing in the text a reader sees.
 */
function attachAliases(heading: Element, topicSlug: string): void {
  const words = sectionAliases().get(`${topicSlug}#${String(heading.properties?.id ?? '')}`);
  if (!words) return;
  heading.properties = {
    ...heading.properties,
    dataSearchAliases: `${aliasOpen} ${words.join(', ')} ${aliasClose}`,
    dataPagefindIndexAttrs: 'data-search-aliases',
  };
}

function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child as ElementContent)).join('');
  return '';
}

function isElement(node: RootContent | ElementContent, tagName?: string): node is Element {
  return node.type === 'element' && (tagName === undefined || node.tagName === tagName);
}

/** A figure and its unit never part at a line break: "5-10 ng/mL" stays on one line. */
const figureAndUnit = /(\d)[ ](ng\/mL|µg\/L|mg\/kg\/day|mg\/kg|mg\/day|mg|kg|%)(?![\w/])/g;

function decorate(nodes: Array<RootContent | ElementContent>, nearestHeading: { text: string }, topicSlug: string): void {
  for (const [index, node] of nodes.entries()) {
    if (node.type === 'text') node.value = node.value.replace(figureAndUnit, '$1\u00a0$2');
    if (!isElement(node)) continue;
    if (/^h[2-6]$/.test(node.tagName)) {
      nearestHeading.text = textOf(node);
      attachAliases(node, topicSlug);
    }
    if (node.tagName === 'blockquote') {
      const firstParagraph = node.children.find((child) => isElement(child, 'p')) as Element | undefined;
      const firstChild = firstParagraph?.children.find((child) => !(child.type === 'text' && !child.value.trim()));
      const kind = firstChild && isElement(firstChild, 'strong') ? calloutKind(textOf(firstChild)) : undefined;
      if (kind) {
        decorate(node.children, nearestHeading, topicSlug);
        // A note, not an <aside>: callouts belong to the text they sit in, and many unnamed
        // complementary landmarks would clutter a screen reader's landmark list.
        node.tagName = 'div';
        node.properties = { ...node.properties, className: ['callout', `callout-${kind}`], role: 'note' };
        continue;
      }
    }
    if (node.tagName === 'table') {
      decorate(node.children, nearestHeading, topicSlug);
      nodes[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-region'], role: 'region', tabIndex: 0, ariaLabel: `Table: ${nearestHeading.text}` },
        children: [node],
      };
      continue;
    }
    decorate(node.children, nearestHeading, topicSlug);
  }
}

/** "Print this section": shown only when scripting is on (CSS), kept out of the search index. */
function printSectionButton(sectionId: string, headingText: string): Element {
  return {
    type: 'element',
    tagName: 'button',
    properties: {
      type: 'button',
      className: ['print-button', 'print-section-button'],
      dataPrintSection: sectionId,
      ariaLabel: `Print this section: ${headingText}`,
    },
    children: [{ type: 'text', value: 'Print this section' }],
  };
}

/** The level of a heading element (2 for h2), or undefined for anything else. */
function headingLevel(node: RootContent | ElementContent): number | undefined {
  return isElement(node) && /^h[2-6]$/.test(node.tagName) ? Number(node.tagName[1]) : undefined;
}

/**
 * Puts a hospital's local details (content/local.yaml) at the end of the sections they name: after
 * the heading's text, before the next heading of the same or a higher level.
 */
function insertLocalDetails(nodes: Array<RootContent | ElementContent>, topicSlug: string, headings: Set<string>): void {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index];
    if (!isElement(node)) continue;
    const level = headingLevel(node);
    const id = String(node.properties?.id ?? '');
    if (level && headings.has(id)) {
      let end = index + 1;
      while (end < nodes.length && !((headingLevel(nodes[end]) ?? 99) <= level)) end++;
      const block = localBlock(loadLocal(), `${topicSlug}#${id}`);
      if (block) nodes.splice(end, 0, block as Element);
      headings.delete(id);
      continue;
    }
    if (node.tagName === 'section') insertLocalDetails(node.children, topicSlug, headings);
  }
}

export default function rehypeTopicSections() {
  return (tree: Root, file: { path?: string }) => {
    const topicSlug = basename(file.path ?? '').replace(/\.mdx?$/, '');
    // Only topic pages print by section; the home page's short answers do not.
    const isTopic = /[\\/]topics[\\/]/.test(file.path ?? '');
    decorate(tree.children, { text: 'topic' }, topicSlug);
    const children: RootContent[] = [];
    let section: Element | undefined;
    for (const node of tree.children) {
      if (isElement(node, 'h2')) {
        const id = String(node.properties?.id ?? '');
        section = {
          type: 'element',
          tagName: 'section',
          // No accessible name: a named <section> is a landmark, and a topic's many sections would
          // flood a screen reader's landmark list. The heading inside already names it.
          properties: { className: ['topic-section'], dataSection: id },
          children: [],
        };
        children.push(section);
      }
      if (section) section.children.push(node as ElementContent);
      else children.push(node);
      if (isTopic && section && isElement(node, 'h2')) section.children.push(printSectionButton(String(node.properties?.id ?? ''), textOf(node)));
    }
    tree.children = children;
    if (isTopic) {
      const headings = localHeadingsOf(loadLocal(), topicSlug);
      if (headings.size > 0) insertLocalDetails(tree.children, topicSlug, headings);
    }
  };
}
