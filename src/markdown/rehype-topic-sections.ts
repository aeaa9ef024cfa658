/**
 * Rehype plugin: gives a topic's HTML the structure the page needs.
 * - Each second-level heading and what follows it becomes a `<section>`, so one section can be
 *   printed on its own and search results can land on it.
 * - A blockquote that opens with a bold label ("Sources differ.", "Evidence status.", "Caution.",
 *   "Practice point.") becomes a labelled callout. Evidence notes fold (a native <details>, closed on
 *   screen, opened for print); a "Sources differ" note keeps its first paragraph visible and folds the rest.
 * - Evidence markers (`[unconfirmed](evidence:)`) become short links to the note they qualify.
 * - Tables sit in a focusable, labelled region so a wide table scrolls on a zoomed screen.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { calloutKind, type CalloutKind } from '../lib/callouts.ts';
import { aliasesBySection, loadSearchAliases } from '../lib/aliases.ts';
import { aliasClose, aliasOpen } from '../lib/alias-text.ts';
import { loadLocal, localBlock, localHeadingsOf } from '../lib/local.ts';
import { evidenceNoteId, markdownBody, markerClass, outlineTopic, parseEvidenceHref, topicHref, type TopicOutline } from '../lib/topic-links.ts';

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
/** A range with its unit ("2-6 ng/mL"), which could otherwise break at its hyphen. */
const rangeWithUnit = /\d+(?:\.\d+)?-\d+(?:\.\d+)?\u00a0(?:ng\/mL|µg\/L|mg\/kg\/day|mg\/kg|mg\/day|mg|kg|%)(?![\w/])/g;

/** Wraps each range-and-unit of the text nodes in a span that does not wrap (the text is unchanged). */
function keepRangesWhole(nodes: Array<RootContent | ElementContent>): void {
  for (let index = nodes.length - 1; index >= 0; index--) {
    const node = nodes[index];
    if (node.type !== 'text') continue;
    node.value = node.value.replace(figureAndUnit, '$1\u00a0$2');
    const parts: ElementContent[] = [];
    let cursor = 0;
    for (const match of node.value.matchAll(rangeWithUnit)) {
      if (match.index > cursor) parts.push(text(node.value.slice(cursor, match.index)));
      parts.push(element('span', { className: ['figure'] }, [text(match[0])]));
      cursor = match.index + match[0].length;
    }
    if (parts.length === 0) continue;
    if (cursor < node.value.length) parts.push(text(node.value.slice(cursor)));
    nodes.splice(index, 1, ...(parts as Array<RootContent & ElementContent>));
  }
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


function text(value: string): ElementContent {
  return { type: 'text', value };
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/** The blockquote's content without its bold label ("Evidence status.") and the space after it. */
function withoutLabel(blockquote: Element): ElementContent[] {
  const children = blockquote.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  const first = children[0];
  if (first && isElement(first, 'p')) {
    const rest = [...first.children];
    const labelIndex = rest.findIndex((child) => isElement(child, 'strong'));
    if (labelIndex !== -1) rest.splice(0, labelIndex + 1);
    if (rest[0]?.type === 'text') rest[0] = { ...rest[0], value: rest[0].value.replace(/^\s+/, '') };
    children[0] = { ...first, children: rest };
  }
  return children;
}

/**
 * A callout as the page shows it. Evidence notes fold into a closed <details> (one click away, opened
 * for print); "Sources differ" keeps its first paragraph in view and folds the detail; the others
 * (Caution, Practice point) stay open. Notes are not <aside>s: they belong to the text they sit in, and
 * many unnamed complementary landmarks would clutter a screen reader's landmark list.
 */
function calloutElement(kind: CalloutKind, blockquote: Element): Element {
  const className = ['callout', `callout-${kind}`];
  if (kind === 'evidence-status') {
    return element('details', { className: [...className, 'evidence-note'], dataEvidenceNote: '' }, [
      element('summary', {}, [text('Evidence note')]),
      ...withoutLabel(blockquote),
    ]);
  }
  if (kind === 'sources-differ') {
    const [first, ...rest] = withoutLabel(blockquote);
    const visible = first && isElement(first, 'p') ? first : element('p', {}, first ? [first] : []);
    visible.children = [element('strong', { className: ['callout-label'] }, [text('Sources differ:')]), text(' '), ...visible.children];
    const children: ElementContent[] = [visible];
    if (rest.length > 0) children.push(element('details', { className: ['evidence-detail'] }, [element('summary', {}, [text('What each source says')]), ...rest]));
    return element('div', { className, role: 'note', dataEvidenceNote: '' }, children);
  }
  return { ...blockquote, tagName: 'div', properties: { ...blockquote.properties, className, role: 'note' } };
}

/** Nodes in document order, depth first. */
function* walk(nodes: Array<RootContent | ElementContent>): Generator<Element> {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    yield node;
    yield* walk(node.children);
  }
}

/**
 * Gives each evidence note its stable id (from the heading it sits under) and points each evidence
 * marker at its note: `evidence:` the next note in the same section (or the previous one),
 * `evidence:#id` the first note under that heading, `evidence:slug#id` the same in another topic.
 */
/** Outlines of the topic files read so far, with the modification time each was read at. */
const outlineCache = new Map<string, { modified: number; outline: TopicOutline }>();

/** The outline of this topic file, or of another topic in the same folder, for markers that name a heading. */
function outlineOf(file: string, slug?: string): TopicOutline | undefined {
  // A topic's neighbours sit beside it; the at-a-glance page (content/) finds them in content/topics/.
  const path = slug ? [join(dirname(file), `${slug}.md`), join(dirname(file), 'topics', `${slug}.md`)].find((candidate) => existsSync(candidate)) : file;
  if (!path || !existsSync(path)) return undefined;
  const modified = statSync(path).mtimeMs;
  const cached = outlineCache.get(path);
  if (cached?.modified === modified) return cached.outline;
  const outline = outlineTopic(markdownBody(readFileSync(path, 'utf8')));
  outlineCache.set(path, { modified, outline });
  return outline;
}

function resolveEvidence(sections: Array<{ id: string; nodes: Array<RootContent | ElementContent> }>, base: string, file: string): void {
  for (const section of sections) {
    const order: Array<{ kind: 'note' | 'marker'; node: Element }> = [];
    const notesUnder = new Map<string, number>();
    let heading = section.id || 'intro';
    for (const node of walk(section.nodes)) {
      if (/^h[2-6]$/.test(node.tagName) && node.properties?.id) heading = String(node.properties.id);
      if (node.properties?.dataEvidenceNote !== undefined) {
        const count = (notesUnder.get(heading) ?? 0) + 1;
        notesUnder.set(heading, count);
        node.properties.id = evidenceNoteId(heading, count);
        delete node.properties.dataEvidenceNote;
        order.push({ kind: 'note', node });
      } else if (node.tagName === 'a' && String(node.properties?.href ?? '').startsWith('evidence:')) {
        order.push({ kind: 'marker', node });
      }
    }
    order.forEach((entry, position) => {
      if (entry.kind !== 'marker') return;
      const marker = entry.node;
      const href = String(marker.properties?.href);
      const target = parseEvidenceHref(href);
      const word = textOf(marker);
      let address: string | undefined;
      if (target?.heading) {
        const noteId = outlineOf(file, target.topic)?.firstNoteUnder.get(target.heading);
        if (noteId) address = `${target.topic ? topicHref(base, { topic: target.topic }) : ''}#${noteId}`;
      } else if (target) {
        const next = order.slice(position + 1).find((candidate) => candidate.kind === 'note');
        const previous = order.slice(0, position).reverse().find((candidate) => candidate.kind === 'note');
        const note = (next ?? previous)?.node;
        if (note) address = `#${String(note.properties?.id)}`;
      }
      if (!address) throw new Error(`${file}: evidence marker "[${word}](${href})" has no note to point to in section "${section.id}"`);
      marker.properties = { href: address, className: ['evidence-marker', `evidence-marker-${markerClass(word)}`] };
    });
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
