/**
 * Keeps a figure with its unit on one line: "5 ng/mL" gets a no-break space, and a range with its unit
 * ("2-6 ng/mL") sits in a span that does not wrap at its hyphen. The text itself is unchanged.
 */
import type { ElementContent, RootContent } from 'hast';
import { element, text } from './hast.ts';

/** A figure and its unit never part at a line break: "5-10 ng/mL" stays on one line. */
const figureAndUnit = /(\d)[ ](ng\/mL|µg\/L|mg\/kg\/day|mg\/kg|mg\/day|mg|kg|%)(?![\w/])/g;
/** A range with its unit ("2-6 ng/mL"), which could otherwise break at its hyphen. */
const rangeWithUnit = /\d+(?:\.\d+)?-\d+(?:\.\d+)?\u00a0(?:ng\/mL|µg\/L|mg\/kg\/day|mg\/kg|mg\/day|mg|kg|%)(?![\w/])/g;

/** Wraps each range-and-unit of the text nodes in a span that does not wrap (the text is unchanged). */
export function keepRangesWhole(nodes: Array<RootContent | ElementContent>): void {
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
