/**
 * The statements of a review pack: every key point, paragraph, list item and table row of a topic,
 * numbered in reading order, each with the citations and evidence markers it carries. They are
 * taken from the topic as the site compiles it (the same remark and rehype plugins as the pages),
 * so the numbers, links and evidence markers a reviewer reads are the page's own.
 * Figures the topic's tools render from data (content/dose-tools.yaml, content/products.yaml)
 * follow as statements of their own, with the citations the data gives them.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import remarkCitations from '../markdown/remark-citations.ts';
import remarkTopicLinks from '../markdown/remark-topic-links.ts';
import rehypeTopicSections from '../markdown/rehype-topic-sections.ts';
import type { NumberedCitation } from './citations.ts';
import type { DoseTools, Product } from '../content.config.ts';

export type StatementKind = 'key point' | 'paragraph' | 'list item' | 'table row' | 'figure from data';

export interface ReviewStatement {
  /** 1, 2, 3 … in reading order. */
  number: number;
  kind: StatementKind;
  /** The second-level heading it sits under (id and words); "" before the first heading. */
  sectionId: string;
  section: string;
  /** The callout it sits in, if any: "Evidence status", "Sources differ", "Caution", "Practice point". */
  note?: string;
  /** The statement as the page renders it (citations numbered, evidence markers kept, without their links). */
  html: string;
  /** Its plain words, for tests and for a reader of the source. */
  text: string;
  /** Reference keys it cites, in order, once each. */
  citationKeys: string[];
  /** Evidence marker words it carries: "sources differ", "unconfirmed", "adult only" … */
  evidence: string[];
}

const noteNames: Record<string, string> = {
  'callout-evidence-status': 'Evidence status',
  'callout-sources-differ': 'Sources differ',
  'callout-caution': 'Caution',
  'callout-practice-point': 'Practice point',
};

function isElement(node: RootContent | ElementContent | undefined, tagName?: string): node is Element {
  return node?.type === 'element' && (tagName === undefined || node.tagName === tagName);
}

function classes(node: Element): string[] {
  const value: unknown = node.properties?.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as ElementContent[]).map(textOf).join('');
  return '';
}

/** Keys cited in some nodes (the citation superscripts link to #ref-<key>), and the evidence words. */
function marksIn(nodes: ElementContent[]): { keys: string[]; evidence: string[] } {
  const keys: string[] = [];
  const evidence: string[] = [];
  const visit = (node: ElementContent) => {
    if (!isElement(node)) return;
    if (node.tagName === 'a' && classes(node).includes('evidence-marker')) {
      evidence.push(textOf(node).trim());
      return;
    }
    if (node.tagName === 'sup' && classes(node).includes('citation')) {
      for (const link of node.children) {
        const href = isElement(link, 'a') ? String(link.properties?.href ?? '') : '';
        if (href.startsWith('#ref-') && !keys.includes(href.slice(5))) keys.push(href.slice(5));
      }
      return;
    }
    node.children.forEach(visit);
  };
  nodes.forEach(visit);
  return { keys, evidence };
}

/**
 * A copy of the statement's nodes for the pack: evidence markers lose their link (the note they
 * point to is on the topic page) and citation links lose their id (the pack has its own back links).
 */
function forPack(nodes: ElementContent[], topicHref: string): ElementContent[] {
  return nodes.map((node) => {
    if (!isElement(node)) return node;
    if (node.tagName === 'a' && classes(node).includes('evidence-marker')) {
      return { type: 'element', tagName: 'span', properties: { className: classes(node) }, children: forPack(node.children, topicHref) };
    }
    const properties = { ...node.properties };
    const href = String(properties.href ?? '');
    if (node.tagName === 'a' && href.startsWith('#ref-')) delete properties.id;
    // A link to a heading of the topic goes to the topic page: the pack has no such heading.
    else if (node.tagName === 'a' && href.startsWith('#')) properties.href = `${topicHref}${href}`;
    return { ...node, properties, children: forPack(node.children, topicHref) };
  });
}

function isEmpty(nodes: ElementContent[]): boolean {
  return nodes.every((node) => node.type === 'text' && !node.value.trim());
}

/**
 * Collects the statements of a compiled topic's HTML tree, in reading order. `topicHref` is the
 * topic page's address, for links to its own headings.
 */
export function collectStatements(tree: Root, topicHref: string): Omit<ReviewStatement, 'number'>[] {
  const found: Omit<ReviewStatement, 'number'>[] = [];
  let sectionId = '';
  let section = '';
  const add = (kind: StatementKind, nodes: ElementContent[], note: string | undefined) => {
    if (isEmpty(nodes)) return;
    const { keys, evidence } = marksIn(nodes);
    const root: Root = { type: 'root', children: forPack(nodes, topicHref) as RootContent[] };
    found.push({ kind, sectionId, section, note, html: toHtml(root), text: nodes.map(textOf).join('').replace(/\s+/g, ' ').trim(), citationKeys: keys, evidence });
  };
  const walk = (nodes: Array<RootContent | ElementContent>, note: string | undefined) => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      const properties = node.properties ?? {};
      // A hospital's local details are its own, not the topic's; buttons and fold labels say nothing.
      if (properties.dataLocal !== undefined || properties.dataLocalTarget !== undefined) continue;
      if (node.tagName === 'button' || node.tagName === 'summary') continue;
      if (node.tagName === 'h2') {
        sectionId = String(properties.id ?? '');
        section = textOf(node).trim();
        continue;
      }
      if (/^h[3-6]$/.test(node.tagName)) continue;
      const noteHere = classes(node).map((name) => noteNames[name]).find(Boolean) ?? note;
      if (node.tagName === 'p') {
        add('paragraph', node.children, noteHere);
        continue;
      }
      if (node.tagName === 'li') {
        const own: ElementContent[] = node.children.filter((child) => !(child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')));
        const flat = own.flatMap((child, index): ElementContent[] => {
          if (child.type !== 'element' || child.tagName !== 'p') return [child];
          return [...(index > 0 ? [{ type: 'text', value: ' ' } as ElementContent] : []), ...child.children];
        });
        add(sectionId === 'key-points' ? 'key point' : 'list item', flat, noteHere);
        walk(node.children.filter((child) => isElement(child, 'ul') || isElement(child, 'ol')), noteHere);
        continue;
      }
      if (node.tagName === 'table') {
        const rows = [...tableRows(node)];
        const header = rows.find((row) => row.children.some((cell) => isElement(cell, 'th')) && !row.children.some((cell) => isElement(cell, 'td')));
        const labels = header ? header.children.filter((cell): cell is Element => isElement(cell)).map((cell) => textOf(cell).trim()) : [];
        for (const row of rows) {
          if (row === header) continue;
          const cells = row.children.filter((cell): cell is Element => isElement(cell));
          const content: ElementContent[] = [];
          cells.forEach((cell, index) => {
            if (isEmpty(cell.children)) return;
            if (content.length > 0) content.push({ type: 'text', value: '; ' });
            if (labels[index]) content.push({ type: 'element', tagName: 'span', properties: { className: ['pack-cell-label'] }, children: [{ type: 'text', value: `${labels[index]}: ` }] });
            content.push(...cell.children);
          });
          add('table row', content, noteHere);
        }
        continue;
      }
      walk(node.children, noteHere);
    }
  };
  walk(tree.children, undefined);
  return found;
}

function* tableRows(table: Element): Generator<Element> {
  for (const child of table.children) {
    if (isElement(child, 'tr')) yield child;
    else if (isElement(child)) yield* tableRows(child);
  }
}

/** Keeps the statements the rehype pass found, for the caller of the processor. */
function rehypeCollect(sink: { statements: Omit<ReviewStatement, 'number'>[] }, topicHref: string) {
  return () => (tree: Root) => {
    sink.statements = collectStatements(tree, topicHref);
  };
}

/**
 * A topic's statements and its citation list (numbered as on its page), from its Markdown body.
 * `file` is the topic's path (content/topics/<slug>.md): the plugins read it for the slug and the
 * evidence notes; `base` is the site's base path, for the links.
 */
export async function topicStatements(body: string, file: string, base = '/'): Promise<{ statements: ReviewStatement[]; citations: NumberedCitation[] }> {
  const slug = file.split('/').pop()!.replace(/\.mdx?$/, '');
  const topicHref = `${base.endsWith('/') ? base : `${base}/`}topics/${slug}/`;
  const sink: { statements: Omit<ReviewStatement, 'number'>[] } = { statements: [] };
  const processor = await createMarkdownProcessor({
    syntaxHighlight: false,
    smartypants: false,
    remarkPlugins: [remarkCitations, [remarkTopicLinks, { base }]],
    rehypePlugins: [[rehypeTopicSections, { base }], rehypeCollect(sink, topicHref)],
  });
  const result = await processor.render(body, { fileURL: new URL(`file://${file.startsWith('/') ? '' : '/'}${file}`) });
  const citations = (result.metadata.frontmatter.citationList ?? []) as NumberedCitation[];
  return { statements: sink.statements.map((statement, index) => ({ ...statement, number: index + 1 })), citations };
}

/**
 * The page title of a topic's pack, short enough for a browser tab and a bookmark (the layout adds
 * the site's name): "Review pack: <title>", or a shorter form for a long title.
 */
export function reviewPackTitle(title: string, maxLength = 47): string {
  const candidates = [`Review pack: ${title}`, `Review: ${title}`, `Review pack: ${title.split(':')[0]}`];
  return candidates.find((candidate) => candidate.length <= maxLength) ?? `${candidates[1].slice(0, maxLength - 1).trimEnd()}…`;
}

const range = (min: number, max: number, unit: string) => (min === max ? `${min} ${unit}` : `${min}-${max} ${unit}`);
const perDose = (value: number, doses: number) => Number((value / doses).toFixed(4));

/** The figures the dose tools render from content/dose-tools.yaml, as statements (unnumbered). */
export function doseToolStatements(tools: DoseTools): Array<{ section: string; text: string; citationKeys: string[]; evidence: string[] }> {
  const phases = new Map(tools.troughPhases.map((phase) => [phase.id, phase.name]));
  const conditions = new Map(tools.conditions.map((condition) => [condition.id, condition.name]));
  return [
    ...tools.regimens.map((regimen) => ({
      section: 'Starting regimens (dose calculator and weight-band tables)',
      text: `${regimen.name}. Per day: ${range(regimen.doseMgPerKgPerDay.min, regimen.doseMgPerKgPerDay.max, 'mg/kg/day')}; per dose: ${range(perDose(regimen.doseMgPerKgPerDay.min, regimen.dosesPerDay), perDose(regimen.doseMgPerKgPerDay.max, regimen.dosesPerDay), 'mg/kg')}, ${regimen.dosesPerDay} doses a day. Who: ${regimen.population.replace(/\.?$/, ".")} Body weights accepted: ${range(regimen.weightLimitsKg.min, regimen.weightLimitsKg.max, 'kg')} (${regimen.weightLimitsNote})`,
      citationKeys: regimen.citations,
      evidence: regimen.populationGroup === 'adult' ? ['adult only'] : [],
    })),
    ...tools.troughRanges.map((trough) => ({
      section: 'Trough ranges (dose calculator)',
      text: `${range(trough.min, trough.max, 'ng/mL')}${trough.headline ? ' (the range a level is judged against)' : ''}: ${trough.phases.map((id) => phases.get(id) ?? id).join(', ')}; condition: ${conditions.get(trough.condition) ?? trough.condition}; ${trough.population}; used ${trough.studyWindow.text}; source: ${trough.source}`,
      citationKeys: trough.citations,
      evidence: [trough.evidence],
    })),
    ...tools.coTherapy.map((item) => ({ section: 'Co-therapy (dose calculator)', text: item.text, citationKeys: item.citations, evidence: item.populationGroup === 'adult' ? ['adult only'] : [] })),
    ...tools.advice.map((item) => ({ section: 'Advice with a result (dose calculator)', text: item.text, citationKeys: item.citations, evidence: [] })),
  ];
}

/** The product strengths and notes (content/products.yaml), as statements (unnumbered). */
export function productStatements(products: Product[]): Array<{ section: string; text: string; citationKeys: string[]; evidence: string[] }> {
  return products.flatMap((product) => [
    {
      section: 'Products and strengths',
      text: `${product.label} (${product.releaseType}): ${product.strengths.values.join(', ')} ${product.strengths.unit} per ${product.unitName}; ${product.dosing}`,
      citationKeys: product.citations,
      evidence: [product.evidence],
    },
    ...product.notes.map((note) => ({ section: 'Products and strengths', text: `${product.label}: ${note.text}`, citationKeys: note.citations, evidence: [] })),
  ]);
}
