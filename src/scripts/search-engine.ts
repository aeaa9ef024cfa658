/**
 * Loading what the search box needs, once per page, on first focus: the Pagefind engine (set up as
 * the benchmark times it), the site's search data (corrections, spelling map, filter values) and the
 * results panel's styles.
 */
import { pagefindOptions } from '../lib/search-options.ts';
import type { SearchData } from '../pages/search-data.json.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string; element: string };
  locations: number[];
}
export interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: { title?: string };
  sub_results: PagefindSubResult[];
}
export interface PagefindSearch {
  results: Array<{ id: string; data: () => Promise<PagefindResultData> }>;
}
export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (query: string, options?: { filters?: Record<string, string> }) => Promise<PagefindSearch | null>;
  preload: (query: string, options?: { filters?: Record<string, string> }) => Promise<void>;
}

let pagefindLoading: Promise<Pagefind> | undefined;
export function loadPagefind(base: string): Promise<Pagefind> {
  pagefindLoading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ ...pagefindOptions, baseUrl: base });
    await pagefind.init();
    // An empty search loads the WASM and index metadata now, while the user is still typing,
    // so the first real query only fetches its own index chunks.
    await pagefind.search('');
    return pagefind;
  })();
  return pagefindLoading;
}

let searchDataLoading: Promise<SearchData> | undefined;
/** Corrections, the spelling map and filter values, built with the site; fetched alongside Pagefind on first focus. */
export function loadSearchData(base: string): Promise<SearchData> {
  searchDataLoading ??= fetch(`${base}search-data.json`)
    .then((response) => (response.ok ? (response.json() as Promise<SearchData>) : Promise.reject(new Error(String(response.status)))))
    .catch(() => ({ corrections: [], filters: { population: [], condition: [], kind: [] }, spellings: {}, abbreviations: {} }));
  return searchDataLoading;
}

/** The results panel's styles arrive with the search code, not with every page. */
export function loadSearchStyles(base: string): void {
  if (document.querySelector('link[data-search-styles]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = `${base}search.css`;
  link.dataset.searchStyles = '';
  document.head.append(link);
}
