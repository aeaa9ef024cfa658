// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkCitations from './src/markdown/remark-citations.ts';
import remarkTopicLinks from './src/markdown/remark-topic-links.ts';
import rehypeTopicSections from './src/markdown/rehype-topic-sections.ts';
import rehypeAbbreviations from './src/markdown/rehype-abbreviations.ts';
import contentChecks from './src/integrations/content-checks.ts';
import pagefindIndex from './src/integrations/pagefind.ts';
import plainDynamicImport from './src/integrations/plain-dynamic-import.ts';

/** Sub-path the site is served under, e.g. BASE_PATH=/guidelines/tacrolimus/ */
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  base,
  outDir: process.env.OUT_DIR || './dist',
  site: process.env.SITE_URL || undefined,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkCitations, [remarkTopicLinks, { base }]],
      rehypePlugins: [[rehypeTopicSections, { base }], rehypeAbbreviations],
      smartypants: false,
    }),
  },
  integrations: [contentChecks(), mdx(), pagefindIndex()],
  devToolbar: { enabled: false },
  // No module preloading: the lazy chunks import nothing to preload (see plain-dynamic-import.ts).
  // Scripts are never inlined (the CSP allows none), however small.
  vite: { plugins: [plainDynamicImport()], build: { modulePreload: false, assetsInlineLimit: 0 } },
});
