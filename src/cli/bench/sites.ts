/**
 * The two sites the bench compares, and what it needs to know about each one's search box: this site
 * and the Starlight peer built from the same topics.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { pagefindOptions } from '../../lib/search-options.ts';
import { cpuSlowdown, root } from './options.ts';

/** What the benchmark needs to know about each site's search box. */
export interface Site {
  name: string;
  dist: string;
  origin: string;
  /** Opens the search (a click, as a person would). */
  openSelector: string;
  inputSelector: string;
  /** The text that says which query the results are for. */
  statusSelector: string;
  resultSelector: string;
  /** Pagefind set up as the site's own search box sets it up (before `baseUrl`). */
  pagefindOptions: Record<string, unknown>;
  /** Whether the search box asks Pagefind for its filters when it starts (which loads them all into the engine). */
  loadsFilters: boolean;
}

/** This site on `port`, and the peer (when built) on the next port. */
export function benchSites(port: number, peerDist: string | undefined): Site[] {
  const sites: Site[] = [
    {
      name: 'ours',
      dist: join(root, 'dist'),
      origin: `http://127.0.0.1:${port}`,
      openSelector: '#header-search',
      inputSelector: '#header-search',
      statusSelector: '[data-search-root]:has(#header-search) [data-search-status]',
      resultSelector: '[data-search-root]:has(#header-search) .search-result a',
      pagefindOptions: { ...pagefindOptions },
      loadsFilters: false,
    },
  ];
  if (peerDist) {
    sites.push({
      name: 'Starlight',
      dist: peerDist,
      origin: `http://127.0.0.1:${port + 1}`,
      openSelector: 'button[data-open-modal]',
      inputSelector: '.pagefind-ui__search-input',
      statusSelector: '.pagefind-ui__message',
      resultSelector: '.pagefind-ui__result-link',
      // As Starlight's Search component sets up Pagefind UI: its ranking, Pagefind's default excerpt.
      pagefindOptions: { ranking: { pageLength: 0.1, termFrequency: 0.1, termSaturation: 2, termSimilarity: 9, diacriticSimilarity: 0.8 } },
      loadsFilters: true,
    });
  }
  return sites;
}

/** Slows the page's CPU as every timed page is slowed. */
export async function slowCpu(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
}
