/**
 * Astro integration: builds the Pagefind search index over the finished site, after every page is
 * written. Pagefind's Node API reports errors in arrays instead of throwing; each is checked here so
 * a broken index fails the build instead of shipping quietly.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

function failOn(step: string, errors: string[] | undefined): void {
  if (errors && errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'tacrolimus-reference:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          // Citation numbers and print buttons carry no meaning in a search excerpt.
          const created = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: ['sup.citation', '.print-button'] });
          failOn('createIndex', created.errors);
          const index = created.index!;
          const added = await index.addDirectory({ path: outDir });
          failOn('indexing', added.errors);
          if (added.page_count === 0) throw new Error('Pagefind indexed no pages: is data-pagefind-body missing?');
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          failOn('writeFiles', written.errors);
          logger.info(`search index: ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
