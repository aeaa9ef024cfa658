/**
 * Remark plugin: turns `topic:slug` and `topic:slug#heading` link addresses into the topic's page
 * address under the site's base path, and `page:about#anchor` into the address of one of the site's
 * other pages, so these links work under a sub-path too.
 * Unknown topics and headings are caught earlier, by the content checks, with file and line.
 * Evidence markers (`evidence:`) are left for the rehype plugin, which knows where the notes are.
 */
import type { Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { pageHref, parsePageHref, parseTopicHref, topicHref } from '../lib/topic-links.ts';

export default function remarkTopicLinks(options: { base?: string } = {}) {
  const base = options.base ?? '/';
  return (tree: Root) => {
    visit(tree, 'link', (node: Link) => {
      const target = parseTopicHref(node.url);
      if (target) {
        node.url = topicHref(base, target);
        return;
      }
      const page = parsePageHref(node.url);
      if (page) node.url = pageHref(base, page);
    });
  };
}
