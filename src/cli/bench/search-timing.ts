/**
 * Timing search on a set of sites: the engine and search as felt, the sites alternating run by run and
 * pass by pass, so each site's figures sit beside the other's on a drifting machine.
 */
import type { Browser } from '@playwright/test';
import { engineRun, type EngineRun } from './engine-timing.ts';
import { feltRun, type FeltRun } from './felt-timing.ts';
import { searchQueries } from './options.ts';
import type { Site } from './sites.ts';

export interface SearchTimings {
  engine: Map<string, EngineRun[]>;
  felt: Map<string, FeltRun[]>;
}

/**
 * The engine and search as felt on each site, `count` runs alternating the sites, each run starting
 * from a different query (so "first query" is not one query's figure), with `passes` engine passes a
 * run, alternating too, so each pass of one site sits next to a pass of the other (paired below).
 */
export async function timeSearch(browser: Browser, sites: Site[], count: number, passes: number): Promise<SearchTimings> {
  const engine = new Map<string, EngineRun[]>(sites.map((site) => [site.name, []]));
  const felt = new Map<string, FeltRun[]>(sites.map((site) => [site.name, []]));
  for (let run = 0; run < count; run++) {
    const queries = [...searchQueries.slice(run % searchQueries.length), ...searchQueries.slice(0, run % searchQueries.length)];
    const order = run % 2 === 0 ? sites : [...sites].reverse();
    for (let pass = 0; pass < passes; pass++) {
      for (const site of pass % 2 === 0 ? order : [...order].reverse()) engine.get(site.name)!.push(await engineRun(browser, site, queries));
    }
    for (const site of order) felt.get(site.name)!.push(await feltRun(browser, site, queries));
  }
  return { engine, felt };
}
