/**
 * Callouts: a blockquote that opens with a bold label ("Evidence status.", "Sources differ.",
 * "Caution.", "Practice point.") as the page shows it.
 */
import type { Element, ElementContent } from 'hast';
import type { CalloutKind } from '../lib/callouts.ts';
import { element, isElement, text } from './hast.ts';

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
export function calloutElement(kind: CalloutKind, blockquote: Element): Element {
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
