import { describe, expect, it } from 'vitest';
import { checkTopicLinks, outlineTopic, parsePageHref } from '../../src/lib/topic-links';
import remarkTopicLinks from '../../src/markdown/remark-topic-links';
import type { Root } from 'mdast';

const body = (text: string) => `## Key points\n\n${text}\n`;
const problems = (text: string) => checkTopicLinks(body(text), 'x', new Map([['x', outlineTopic(body(text))]])).map((problem) => problem.message);

describe('links to the site pages from topic text', () => {
  it('reads page:about#sources-used as a site page and its section', () => {
    expect(parsePageHref('page:about#sources-used')).toEqual({ page: 'about', anchor: 'sources-used' });
    expect(parsePageHref('page:references')).toEqual({ page: 'references', anchor: undefined });
    expect(parsePageHref('/about/#sources-used')).toBeUndefined();
  });

  it('accepts a link to a known section of the about page', () => {
    expect(problems('An [AI-written page](page:about#sources-used) says so [@src].')).toEqual([]);
  });

  it('rejects a section the about page does not have, naming the sections it has', () => {
    expect(problems('See [sources](page:about#sources) [@src].')).toEqual([
      'link "page:about#sources" names section "#sources", which the about page does not have (it has: #sources-used, #not-found, #left-out, #editorial-policy, #review-process, #disclaimer) (column 5)',
    ]);
  });

  it('still rejects any other site path', () => {
    expect(problems('See [dosing](/topics/dosing-and-trough-targets/) [@src].')[0]).toMatch(/^link "\/topics\/dosing-and-trough-targets\/" is a site path: write topic:slug/);
  });

  it('puts the base path in front when the page is built', () => {
    const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'link', url: 'page:about#sources-used', children: [{ type: 'text', value: 'the source article' }] }] }] };
    remarkTopicLinks({ base: '/guidelines/tacrolimus/' })(tree);
    expect((tree.children[0] as { children: Array<{ url: string }> }).children[0].url).toBe('/guidelines/tacrolimus/about/#sources-used');
  });
});
