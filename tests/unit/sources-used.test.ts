import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkSourcesUsed, loadSourcesUsed, sourcesUsedAnchor } from '../../src/lib/sources-used';
import { checkReferences, formatProblem } from '../../src/lib/content-checks';
import { sitePageSections } from '../../src/lib/topic-links';

describe('the main sources (content/sources-used.yaml)', () => {
  it('names the source article as AI-written and the blog as a blog post, each with its reference entry', () => {
    const sources = loadSourcesUsed();
    const article = sources.find((source) => source.name === 'The source article');
    const blog = sources.find((source) => source.name === 'The blog');
    expect(article?.what).toMatch(/AI-written question-and-answer page/);
    expect(article?.references).toEqual(['droracle2025']);
    expect(blog?.what).toMatch(/blog post/);
    expect(blog?.references).toEqual(['ytrove-blog']);
  });

  it('names only references that are in the bibliography', () => {
    const { ids } = checkReferences('content/references.yaml', readFileSync('content/references.yaml', 'utf8'));
    expect(checkSourcesUsed(readFileSync('content/sources-used.yaml', 'utf8'), ids).problems).toEqual([]);
  });

  it('rejects a reference id that is not in the bibliography, naming file, line and id', () => {
    const text = '- name: "The blog"\n  what: "A blog post."\n  checked: "Its wording was seen."\n  references: ["ytrove-blog", "no-such-entry"]\n';
    expect(checkSourcesUsed(text, new Set(['ytrove-blog'])).problems.map(formatProblem)).toEqual([
      'content/sources-used.yaml:4: reference "no-such-entry" is not in content/references.yaml',
    ]);
  });

  it('rejects a source that does not say how far it was checked', () => {
    const text = '- name: "The blog"\n  what: "A blog post."\n';
    expect(checkSourcesUsed(text, new Set()).problems.map(formatProblem)).toEqual(['content/sources-used.yaml:1: required field "0.checked" is missing']);
  });

  it('is the about page section that topic text may link to', () => {
    expect(sitePageSections.about).toContain(sourcesUsedAnchor);
  });
});
