/**
 * A hospital's local details (content/local.yaml) placed in the topic at the sections they name.
 */
import type { Element, ElementContent, RootContent } from 'hast';
import { loadLocal, localBlock } from '../lib/local.ts';
import { headingLevel, isElement } from './hast.ts';

/**
 * Puts a hospital's local details (content/local.yaml) at the end of the sections they name: after
 * the heading's text, before the next heading of the same or a higher level.
 */
export function insertLocalDetails(nodes: Array<RootContent | ElementContent>, topicSlug: string, headings: Set<string>): void {
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
