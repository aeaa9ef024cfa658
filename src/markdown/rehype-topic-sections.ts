/**
 * Rehype plugin: gives a topic's HTML the structure the page needs.
 * - Each second-level heading and what follows it becomes a `<section>`, so one section can be
 *   printed on its own and search results can land on it.
 * - A blockquote that opens with a bold label ("Sources differ.", "Evidence status.", "Caution.",
 *   "Practice point.") becomes a labelled callout. Evidence notes fold (a native <details>, closed on
 *   screen, opened for print); a "Sources differ" note keeps its first paragraph visible and folds the rest.
 * - Evidence markers (`[unconfirmed](evidence:)`) become short links to the note they qualify.
 * - Tables sit in a focusable, labelled region so a wide table scrolls on a zoomed screen.
 * - Headings carry their search aliases; a figure keeps its unit on its line (figure-units.ts); a
 *   hospital's local details go at the sections they name (local-details.ts).
 * The callouts are built in callout-elements.ts and the markers resolved in evidence-markers.ts.
 */
import { basename } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { calloutKind } from '../lib/callouts.ts';
import { aliasesBySection, loadSearchAliases } from '../lib/aliases.ts';
import { aliasClose, aliasOpen } from '../lib/alias-text.ts';
import { loadLocal, localHeadingsOf } from '../lib/local.ts';
import { calloutElement } from './callout-elements.ts';
import { resolveEvidence } from './evidence-markers.ts';
import { keepRangesWhole } from './figure-units.ts';
import { isElement, textOf } from './hast.ts';
import { insertLocalDetails } from './local-details.ts';

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

function decorate(nodes: Array<RootContent | ElementContent>, nearestHeading: { text: string }, topicSlug: string): void {
  keepRangesWhole(nodes);
  for (const [index, node] of nodes.entries()) {
    if (!isElement(node)) continue;
    if (node.tagName === 'span' && (node.properties?.className as string[] | undefined)?.includes('figure')) continue;
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
        nodes[index] = calloutElement(kind, node);
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

export default function rehypeTopicSections(options: { base?: string } = {}) {
  const base = options.base ?? '/';
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
    const sections: Array<{ id: string; nodes: Array<RootContent | ElementContent> }> = [{ id: '', nodes: [] }];
    for (const node of children) {
      if (isElement(node, 'section')) sections.push({ id: String(node.properties?.dataSection ?? ''), nodes: [node] });
      else sections[0].nodes.push(node);
    }
    resolveEvidence(sections, base, file.path ?? 'markdown');
    if (isTopic) {
      const headings = localHeadingsOf(loadLocal(), topicSlug);
      if (headings.size > 0) insertLocalDetails(tree.children, topicSlug, headings);
    }
  };
}
