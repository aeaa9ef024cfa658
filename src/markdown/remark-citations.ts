/**
 * Remark plugin: gives headings stable ids and turns `[@key]` markers into numbered superscript
 * links to the page's reference list. The numbered list (with every use) goes to
 * `remarkPluginFrontmatter.citationList` for the page to render.
 * Unknown or unused keys are caught earlier, by the content checks, with file and line.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Parent, PhrasingContent, Root, Text } from 'mdast';
// Brings in the `data.hProperties` typing that remark-rehype reads.
import type {} from 'mdast-util-to-hast';
import { visit, SKIP } from 'unist-util-visit';
import { CitationNumbering, findCitationMarkers, referenceAnchorId } from '../lib/citations.ts';

interface AstroVFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

function plainText(node: { type: string; value?: string; children?: unknown[] }): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map((child) => plainText(child as never)).join('');
}

/** The superscript for one marker: `[1, 3]`, each number a link, each use with its own anchor. */
function citationNode(links: Array<{ citationNumber: number; anchorId: string; key: string }>): PhrasingContent {
  const children: unknown[] = [{ type: 'text', value: '[' }];
  links.forEach((link, index) => {
    if (index > 0) children.push({ type: 'text', value: ',' });
    children.push({
      type: 'element',
      tagName: 'a',
      properties: { href: `#${referenceAnchorId(link.key)}`, id: link.anchorId },
      children: [{ type: 'text', value: String(link.citationNumber) }],
    });
  });
  children.push({ type: 'text', value: ']' });
  return {
    type: 'citation',
    // Pagefind skips these (integrations/pagefind.ts): numbers mean nothing in a search excerpt.
    data: { hName: 'sup', hProperties: { className: ['citation'] }, hChildren: children },
  } as unknown as PhrasingContent;
}

export default function remarkCitations() {
  return (tree: Root, file: { data: AstroVFileData }) => {
    const slugger = new GithubSlugger();
    const numbering = new CitationNumbering();

    visit(tree, (node, index, parent: Parent | undefined) => {
      if (node.type === 'heading') {
        const heading = node as Heading;
        const id = slugger.slug(plainText(heading));
        heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
        return SKIP;
      }
      if (node.type !== 'text' || !parent || index === undefined) return;
      const text = (node as Text).value;
      const markers = findCitationMarkers(text);
      if (markers.length === 0) return;

      const replacement: PhrasingContent[] = [];
      let cursor = 0;
      for (const marker of markers) {
        if (marker.start > cursor) replacement.push({ type: 'text', value: text.slice(cursor, marker.start) });
        const links = marker.keys.map((key) => ({ key, ...numbering.cite(key) }));
        replacement.push(citationNode(links));
        cursor = marker.end;
      }
      if (cursor < text.length) replacement.push({ type: 'text', value: text.slice(cursor) });
      parent.children.splice(index, 1, ...(replacement as never[]));
      return [SKIP, index + replacement.length];
    });

    const frontmatter = (file.data.astro ??= {}).frontmatter ?? {};
    frontmatter.citationList = numbering.list();
    file.data.astro.frontmatter = frontmatter;
  };
}
