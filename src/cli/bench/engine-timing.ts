/**
 * The engine alone: Pagefind set up as each site's search box sets it up, then the time from a query to
 * result data for the first 5 results, first query of a page and later ones.
 */
import type { Browser } from '@playwright/test';
import { slowCpu, type Site } from './sites.ts';

export interface EngineRun {
  /** Loading pagefind.js, init and filters, as the search box does before the first query. */
  setupMs: number;
  firstMs: number;
  laterMs: number[];
}

/** Pagefind as the site's search box sets it up; then each query, to result data for the first 5 results. */
export async function engineRun(browser: Browser, site: Site, queries: string[]): Promise<EngineRun> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await slowCpu(page);
  await page.goto(`${site.origin}/topics/monitoring/`, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  const result = await page.evaluate(
    async ({ options, queries, loadsFilters }) => {
      const started = performance.now();
      const pagefindUrl = '/pagefind/pagefind.js';
      const pagefind = await import(/* @vite-ignore */ pagefindUrl);
      await pagefind.options({ ...options, baseUrl: '/' });
      await pagefind.init();
      if (loadsFilters) await pagefind.filters();
      else await pagefind.search('');
      const setupMs = performance.now() - started;
      const times: number[] = [];
      for (const query of queries) {
        const issued = performance.now();
        const search = await pagefind.search(query);
        await Promise.all(search.results.slice(0, 5).map((entry: { data: () => Promise<unknown> }) => entry.data()));
        times.push(performance.now() - issued);
      }
      return { setupMs, times };
    },
    { options: site.pagefindOptions, queries, loadsFilters: site.loadsFilters },
  );
  await context.close();
  return { setupMs: result.setupMs, firstMs: result.times[0], laterMs: result.times.slice(1) };
}
