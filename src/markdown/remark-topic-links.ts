/**
 * Remark plugin: turns `topic:slug` and `topic:slug#heading` link addresses into the topic's page
 * address under the site's base path, so links between topics work under a sub-path too.
 * Links to the site's own pages (`/about/#sources-used`) get the base path too.
 * Unknown topics and headings are caught earlier, by the content checks, with file and line.
 * Evidence markers (`evidence:`) are left for the rehype plugin, which knows where the notes are.
 */
import type { Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseSitePageHref, parseTopicHref, topicHref } from '../lib/topic-links.ts';

export default function remarkTopicLinks(options: { base?: string } = {}) {
  const base = options.base ?? '/';
  return (tree: Root) => {
    visit(tree, 'link', (node: Link) => {
      const target = parseTopicHref(node.url);
      if (target) node.url = topicHref(base, target);
      const sitePage = parseSitePageHref(node.url);
      if (sitePage) node.url = `${base.endsWith('/') ? base : `${base}/`}${sitePage.page}${sitePage.anchor ? `#${sitePage.anchor}` : ''}`;
    });
  };
}
