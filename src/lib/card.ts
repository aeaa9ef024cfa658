/**
 * The bedside card's content, assembled from what the topics already say: their key points (picked
 * by words they contain, content/card.yaml), a topic's table as one row, and the dose tools' data.
 * Nothing clinical is written here. Citations are numbered afresh for the card, in the order the card
 * shows them; a link to a heading of the topic a sentence came from points at that topic's page.
 * Pure functions over rendered topic HTML (hast), so they can be tested without a build.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import type { CardKeyPoint, DoseTools, TroughRange } from '../content.config.ts';
import type { NumberedCitation } from './citations.ts';
import { referenceAnchorId } from './citations.ts';
import { headlineRange, rangeEvidenceWords, troughRangeText } from './dose.ts';
import { markerClass } from './topic-links.ts';

/** Numbers the card's citations in the order the card shows them; uses in key points get anchors for the back links. */
export class CardCitations {
  private readonly list: NumberedCitation[] = [];

  private entry(key: string): NumberedCitation {
    let citation = this.list.find((candidate) => candidate.key === key);
    if (!citation) {
      citation = { key, citationNumber: this.list.length + 1, uses: [] };
      this.list.push(citation);
    }
    return citation;
  }

  /** Numbers keys cited by data (a table, the picture): no anchor, so no back link. */
  number(keys: string[]): void {
    for (const key of keys) this.entry(key);
  }

  /** Records a use in a sentence: its number and the anchor id of this use. */
  use(key: string): { citationNumber: number; anchorId: string } {
    const citation = this.entry(key);
    const anchorId = `cite-${citation.citationNumber}-${citation.uses.length + 1}`;
    citation.uses.push({ anchorId });
    return { citationNumber: citation.citationNumber, anchorId };
  }

  all(): NumberedCitation[] {
    return this.list.map((citation) => ({ ...citation, uses: [...citation.uses] }));
  }
}

const isElement = (node: RootContent | ElementContent | Root): node is Element => node.type === 'element';
const classes = (node: Element): string[] => {
  const value: unknown = node.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
};

/** Every element under a node, depth first, in document order. */
function* elements(node: Root | Element): Generator<Element> {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    yield child;
    yield* elements(child);
  }
}

/** The section of a rendered topic with this heading id (`<section data-section="id">`). */
function sectionOf(root: Root, sectionId: string): Element | undefined {
  for (const element of elements(root)) {
    if (element.tagName === 'section' && element.properties.dataSection === sectionId) return element;
  }
  return undefined;
}

/** A topic's key points: the items of the first list in its "Key points" section, as elements. */
export function keyPoints(topicHtml: string): Element[] {
  const section = sectionOf(fromHtml(topicHtml, { fragment: true }), 'key-points');
  const list = section && [...elements(section)].find((element) => element.tagName === 'ul' || element.tagName === 'ol');
  return list ? list.children.filter((child): child is Element => isElement(child) && child.tagName === 'li') : [];
}

/**
 * Text as a reader sees it, spaces folded, citation numbers left out; with `asWritten`, also without the
 * abbreviation expansions the build inserts, so a card entry's words match the topic as its author wrote it.
 */
export function plainText(node: Element, options: { asWritten?: boolean } = {}): string {
  const { asWritten = false } = options;
  const copy = structuredClone(node);
  const dropped = (child: ElementContent) =>
    isElement(child) && ((child.tagName === 'sup' && classes(child).includes('citation')) || (asWritten && child.tagName === 'span' && classes(child).includes('abbreviation-expansion')));
  const strip = (parent: Element) => {
    parent.children = parent.children.filter((child) => !dropped(child));
    for (const child of parent.children) if (isElement(child)) strip(child);
  };
  strip(copy);
  return toText(copy).replace(/\s+/g, ' ').replace(/\s+([.,;:])/g, '$1').trim();
}

/** The one key point of a topic containing the words a card entry names; throws saying why when there is not exactly one. */
export function pickKeyPoint(items: Element[], pick: CardKeyPoint): Element {
  const words = pick.with.toLowerCase();
  const matches = items.filter((item) => plainText(item, { asWritten: true }).toLowerCase().includes(words));
  if (matches.length === 1) return matches[0];
  const why = items.length === 0 ? 'the topic has no key points' : matches.length === 0 ? 'no key point contains these words' : `${matches.length} key points contain these words`;
  throw new Error(`content/card.yaml: key point of "${pick.topic}" with "${pick.with}": ${why}. Pick words that one key point contains.`);
}

/**
 * A topic's sentence made at home on the card: each citation renumbered for the card (with a fresh
 * anchor for the back link), each link to a heading of its own page pointed at that page.
 */
export function adopt(node: Element, topicPath: string, citations: CardCitations): Element {
  const copy = structuredClone(node);
  const visit = (parent: Element) => {
    parent.children = parent.children.map((child) => {
      if (!isElement(child)) return child;
      if (child.tagName === 'sup' && classes(child).includes('citation')) return citationSup(citationKeysIn(child), citations);
      if (child.tagName === 'a' && typeof child.properties.href === 'string' && child.properties.href.startsWith('#')) {
        child.properties.href = `${topicPath}${child.properties.href}`;
      }
      visit(child);
      return child;
    });
  };
  visit(copy);
  return copy;
}

/** The reference keys a rendered citation superscript links to (`href="#ref-key"`). */
export function citationKeysIn(sup: Element): string[] {
  return [...elements(sup)]
    .map((element) => (element.tagName === 'a' && typeof element.properties.href === 'string' ? /^#ref-(.+)$/.exec(element.properties.href)?.[1] : undefined))
    .filter((key): key is string => Boolean(key));
}

/** A superscript `[1,2]` for keys, each number linking to the card's reference list, each use anchored. */
export function citationSup(keys: string[], citations: CardCitations): Element {
  const children: ElementContent[] = [{ type: 'text', value: '[' }];
  keys.forEach((key, index) => {
    const { citationNumber, anchorId } = citations.use(key);
    if (index > 0) children.push({ type: 'text', value: ',' });
    children.push({ type: 'element', tagName: 'a', properties: { href: `#${referenceAnchorId(key)}`, id: anchorId }, children: [{ type: 'text', value: String(citationNumber) }] });
  });
  children.push({ type: 'text', value: ']' });
  return { type: 'element', tagName: 'sup', properties: { className: ['citation'] }, children };
}

/** The inner HTML of an element. */
export function innerHtml(node: Element): string {
  return toHtml(node.children);
}

/** One item of a table shown as one row: what (the first column) and its value, with its source's markers. */
export interface CardRowItem {
  name: string;
  /** HTML: the value cell's content. */
  value: string;
  /** HTML: the evidence markers and citations of the source cell. */
  source: string;
}

/**
 * A topic's table as one row: for each of its rows, the first cell names the item and `valueColumn`
 * gives its value; from `sourceColumn` only the evidence markers and the citations are kept.
 */
export function tableAsRow(topicHtml: string, sectionId: string, valueColumn: number, sourceColumn: number | undefined, topicPath: string, citations: CardCitations): CardRowItem[] {
  const section = sectionOf(fromHtml(topicHtml, { fragment: true }), sectionId);
  const table = section && [...elements(section)].find((element) => element.tagName === 'table');
  if (!table) throw new Error(`content/card.yaml: the section "${sectionId}" has no table.`);
  const body = [...elements(table)].find((element) => element.tagName === 'tbody');
  const rows = [...elements(body ?? table)].filter((element) => element.tagName === 'tr');
  return rows.map((row) => {
    const cells = row.children.filter((child): child is Element => isElement(child) && (child.tagName === 'td' || child.tagName === 'th'));
    if (cells.length < Math.max(valueColumn, sourceColumn ?? 0)) throw new Error(`content/card.yaml: a row of the table in "${sectionId}" has ${cells.length} cells.`);
    const value = adopt(cells[valueColumn - 1], topicPath, citations);
    const sourceCell = sourceColumn ? adopt(cells[sourceColumn - 1], topicPath, citations) : undefined;
    const kept = sourceCell
      ? sourceCell.children.filter((child) => isElement(child) && ((child.tagName === 'a' && classes(child).includes('evidence-marker')) || (child.tagName === 'sup' && classes(child).includes('citation'))))
      : [];
    return { name: plainText(cells[0]), value: innerHtml(value), source: kept.map((child) => toHtml(child)).join(' ') };
  });
}

/** One phase's trough target on the card: its headline range, the range's status and its sources. */
export interface CardTroughRow {
  phase: string;
  months: string;
  range: string;
  status: string;
  evidence: TroughRange['evidence'];
  citations: string[];
}

/** The headline trough target of every phase, with the months it covers and how sure it is. */
export function troughRows(tools: Pick<DoseTools, 'troughPhases' | 'troughRanges'>): CardTroughRow[] {
  return tools.troughPhases.map((phase) => {
    const range = headlineRange(tools, phase.id);
    return {
      phase: phase.name,
      // A phase whose name already says its months ("Induction (first 6 months)") is not told them twice.
      months: /\bmonths?\b/i.test(phase.name) ? '' : phase.toMonth === undefined ? `from month ${phase.fromMonth}` : `months ${phase.fromMonth}-${phase.toMonth}`,
      range: troughRangeText(range),
      status: rangeEvidenceWords[range.evidence],
      evidence: range.evidence,
      citations: range.citations,
    };
  });
}

/** The ranges that differ from the headline ones (other conditions, other studies): named, so "sources differ" stays in view. */
export function otherTroughRanges(tools: Pick<DoseTools, 'troughRanges' | 'conditions'>): Array<{ condition: string; range: string; when: string; status: string; citations: string[] }> {
  return tools.troughRanges
    .filter((range) => !range.headline)
    .map((range) => ({
      condition: tools.conditions.find((condition) => condition.id === range.condition)?.name ?? range.condition,
      range: troughRangeText(range),
      when: range.studyWindow.text,
      status: rangeEvidenceWords[range.evidence],
      citations: range.citations,
    }));
}

/** The evidence-marker class a range's status is drawn with, as the topics' markers are. */
export function evidenceMarkerClass(evidence: TroughRange['evidence']): string {
  const word = { verified: 'secondary', secondary: 'secondary', unconfirmed: 'unconfirmed', 'low-reliability': 'low reliability' }[evidence];
  return `evidence-marker-${markerClass(word)}`;
}

/**
 * Each abbreviation spelled out once on the card: the build expands an abbreviation at its first use
 * in each topic, so key points taken from several topics could spell the same one out again and again
 * on one small sheet. Walking the card's sentences in reading order, an inserted expansion already
 * given earlier on the card is removed; the first stays, so a reader without the topic still has it.
 * Changes the elements in place.
 */
export function expandEachAbbreviationOnce(nodes: Element[]): void {
  const given = new Set<string>();
  const visit = (parent: Element) => {
    parent.children = parent.children.filter((child) => {
      if (!isElement(child)) return true;
      if (child.tagName === 'span' && classes(child).includes('abbreviation-expansion')) {
        const expansion = toText(child).replace(/[\s()[\]]+/g, ' ').trim().toLowerCase();
        if (given.has(expansion)) return false;
        given.add(expansion);
        return true;
      }
      visit(child);
      return true;
    });
  };
  for (const node of nodes) visit(node);
}
