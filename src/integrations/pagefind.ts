/**
 * Astro integration: builds the Pagefind search index over the finished site, after every page is
 * written. Pagefind's Node API reports errors in arrays instead of throwing; each is checked here so
 * a broken index fails the build instead of shipping quietly.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { pageText, spaceTableCells } from '../lib/index-text.ts';
import { countWords, spellingMap } from '../lib/spelling-rules.ts';

function failOn(step: string, errors: string[] | undefined): void {
  if (errors && errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/**
 * Adds the spelling map (a word spelt the other way to the site's spelling) to the search data the
 * search box fetches, made from the words of the pages just indexed. See docs/search.md.
 */
async function addSpellings(outDir: string, vocabulary: Map<string, number>): Promise<number> {
  const path = join(outDir, 'search-data.json');
  if (!existsSync(path)) return 0;
  const data = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  const spellings = spellingMap(vocabulary);
  await writeFile(path, JSON.stringify({ ...data, spellings }));
  return Object.keys(spellings).length;
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
          // Each page is added as text rather than read from the folder, so table cells can be spaced apart.
          const files = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
          let pageCount = 0;
          const vocabulary = new Map<string, number>();
          for (const file of files) {
            const content = spaceTableCells(await readFile(join(outDir, file), 'utf8'));
            const added = await index.addHTMLFile({ sourcePath: file.split(sep).join('/'), content });
            failOn(`indexing ${file}`, added.errors);
            if (added.file?.url && content.includes('data-pagefind-body')) {
              pageCount++;
              countWords(pageText(content), vocabulary);
            }
          }
          if (pageCount === 0) throw new Error('Pagefind indexed no pages: is data-pagefind-body missing?');
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          failOn('writeFiles', written.errors);
          const spellings = await addSpellings(outDir, vocabulary);
          logger.info(`search index: ${pageCount} pages, ${spellings} words findable in their other spelling`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
