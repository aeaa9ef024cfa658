/**
 * Small helpers over the HTML tree (hast) the topic plugins reshape: text of a node, element tests
 * and builders, a depth-first walk, a heading's level.
 */
import type { Element, ElementContent, RootContent } from 'hast';

export function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child as ElementContent)).join('');
  return '';
}

export function isElement(node: RootContent | ElementContent, tagName?: string): node is Element {
  return node.type === 'element' && (tagName === undefined || node.tagName === tagName);
}

export function text(value: string): ElementContent {
  return { type: 'text', value };
}

export function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/** Nodes in document order, depth first. */
export function* walk(nodes: Array<RootContent | ElementContent>): Generator<Element> {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    yield node;
    yield* walk(node.children);
  }
}

/** The level of a heading element (2 for h2), or undefined for anything else. */
export function headingLevel(node: RootContent | ElementContent): number | undefined {
  return isElement(node) && /^h[2-6]$/.test(node.tagName) ? Number(node.tagName[1]) : undefined;
}
