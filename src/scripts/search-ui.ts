/**
 * The search box's behaviour, loaded on first focus: Pagefind results that deep-link to the section
 * that answers, filters, keyboard movement, and a clear message when nothing matches.
 * Results are built with DOM text nodes only, so a query or excerpt is never parsed as HTML.
 */
import { aliasClose, stripAliasText } from '../lib/alias-text.ts';
import { excerptRuns, isGenuineMatch, markedWords, withoutLeadingText } from '../lib/search-query.ts';
import { searchedQuery, type QueryRules } from '../lib/searched-query.ts';
import { conditionNames } from '../lib/labels.ts';
import { debounceMs, pagefindOptions } from '../lib/search-options.ts';
import type { SearchData } from '../pages/search-data.json.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string; element: string };
  locations: number[];
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: { title?: string };
  sub_results: PagefindSubResult[];
}
interface PagefindSearch {
  results: Array<{ id: string; data: () => Promise<PagefindResultData> }>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (query: string, options?: { filters?: Record<string, string> }) => Promise<PagefindSearch | null>;
  preload: (query: string, options?: { filters?: Record<string, string> }) => Promise<void>;
}

const maxPages = 5;
const maxSectionsPerPage = 3;

let pagefindLoading: Promise<Pagefind> | undefined;
function loadPagefind(base: string): Promise<Pagefind> {
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
/** Corrections and filter values, built with the site; fetched alongside Pagefind on first focus. */
function loadSearchData(base: string): Promise<SearchData> {
  searchDataLoading ??= fetch(`${base}search-data.json`)
    .then((response) => (response.ok ? (response.json() as Promise<SearchData>) : Promise.reject(new Error(String(response.status)))))
    .catch(() => ({ corrections: [], filters: { population: [], condition: [], kind: [] }, spellings: {} }));
  return searchDataLoading;
}

/** The results panel's styles arrive with the search code, not with every page. */
function loadSearchStyles(base: string): void {
  if (document.querySelector('link[data-search-styles]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = `${base}search.css`;
  link.dataset.searchStyles = '';
  document.head.append(link);
}

const attached = new WeakSet<HTMLInputElement>();

/**
 * The results panel: a status live region (counts, corrections, "no results") and the result list.
 * Made on first focus rather than sent with every page; it exists before the first results arrive,
 * so screen readers announce them.
 */
function resultsPanel(root: HTMLElement, input: HTMLInputElement): { panel: HTMLElement; status: HTMLElement; list: HTMLElement } {
  const panel = document.createElement('div');
  panel.className = 'search-panel';
  panel.dataset.searchPanel = '';
  panel.hidden = true;
  const status = document.createElement('div');
  status.className = 'search-status';
  status.setAttribute('role', 'status');
  status.dataset.searchStatus = '';
  const list = document.createElement('ul');
  list.className = 'search-results';
  list.id = `${input.id}-results`;
  list.setAttribute('aria-label', 'Search results');
  list.dataset.searchList = '';
  panel.append(status, list);
  root.append(panel);
  return { panel, status, list };
}

export function attachSearch(input: HTMLInputElement): void {
  if (attached.has(input)) return;
  attached.add(input);
  const root = input.closest<HTMLElement>('[data-search-root]')!;
  const form = input.form!;
  const { panel, status, list } = resultsPanel(root, input);
  const filterSelects: HTMLSelectElement[] = [];
  const base = root.dataset.base ?? '/';
  loadSearchStyles(base);
  const searchData = loadSearchData(base);
  const pagefind = loadPagefind(base);
  let rules: QueryRules = { corrections: [] };
  pagefind.then(() => root.dispatchEvent(new CustomEvent('search:ready')));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastInput = 0;
  let latestRun = 0;
  let suppressReopen = false;

  input.setAttribute('aria-controls', list.id);

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  const open = () => {
    panel.hidden = false;
  };
  const close = () => {
    panel.hidden = true;
  };

  /**
   * Filters from the values the topics carry: population, condition and topic kind. Built from the
   * site's search data rather than Pagefind's filters(), so the engine loads a filter only when one is chosen.
   */
  function buildFilters(available: SearchData['filters']): void {
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'search-filters';
    const legend = document.createElement('legend');
    legend.textContent = 'Filter results';
    fieldset.append(legend);
    for (const [name, label] of [['population', 'Population'], ['condition', 'Condition'], ['kind', 'Topic kind']]) {
      const values = available[name as keyof SearchData['filters']] ?? [];
      if (values.length === 0) continue;
      const select = document.createElement('select');
      select.dataset.searchFilter = name;
      select.append(new Option('Any', ''));
      for (const value of values) select.append(new Option(conditionNames[value] ? `${value}: ${conditionNames[value]}` : value, value));
      select.addEventListener('change', () => run());
      const wrapper = document.createElement('label');
      wrapper.append(label, select);
      fieldset.append(wrapper);
      filterSelects.push(select);
    }
    panel.prepend(fieldset);
  }
  const dataReady = searchData.then((data) => {
    rules = { corrections: data.corrections, spellings: data.spellings };
    buildFilters(data.filters);
  });

  function filters(): Record<string, string> {
    const chosen: Record<string, string> = {};
    for (const select of filterSelects) if (select.value) chosen[select.dataset.searchFilter!] = select.value;
    return chosen;
  }

  /**
   * An excerpt without the indexed alias words. When the match was only in the aliases, the
   * section's opening words stand in, and a note says which alias matched.
   */
  function excerptFor(excerpt: string, content: string, heading?: string): DocumentFragment {
    const stripped = stripAliasText(excerptRuns(excerpt));
    const { matchedAliases } = stripped;
    // The section title is shown as the link already: do not repeat it at the start of the excerpt.
    const runs = heading ? withoutLeadingText(stripped.runs, heading) : stripped.runs;
    const words = runs.map((run) => run.text).join('').trim().split(/\s+/).filter(Boolean);
    let shown = runs;
    if (words.length < 8 && heading) {
      const start = content.indexOf(`${aliasClose} ${heading}`);
      if (start >= 0) {
        // Skip the heading itself: it is already the result's link text.
        const afterHeading = content.slice(start + aliasClose.length + 1 + heading.length).replace(/^[.\s]+/, '');
        const opening = afterHeading.split(/\s+/).slice(0, 24).join(' ');
        shown = [{ text: `${opening}…`, marked: false }];
      }
    }
    const fragment = textWithMarks(shown);
    // Say which alias matched only when the words shown do not already explain the match.
    if (matchedAliases.length > 0 && !shown.some((run) => run.marked)) {
      const note = document.createElement('span');
      note.className = 'search-alias-note';
      note.textContent = ` Matched search term: ${matchedAliases.join(', ')}.`;
      fragment.append(note);
    }
    return fragment;
  }

  function textWithMarks(runs: Array<{ text: string; marked: boolean }>): DocumentFragment {
    const fragment = document.createDocumentFragment();
    for (const run of runs) {
      if (run.marked) {
        const mark = document.createElement('mark');
        mark.textContent = run.text;
        fragment.append(mark);
      } else fragment.append(run.text);
    }
    return fragment;
  }

  function showNoResults(query: string): void {
    list.replaceChildren();
    status.replaceChildren();
    const message = document.createElement('p');
    message.append(`No results for “${query}”. Try a drug or brand name (Prograf, ciclosporin), an abbreviation (SRNS, MCD, FSGS) or a shorter word, or `);
    const link = document.createElement('a');
    link.href = `${base}#topics`;
    link.textContent = 'browse the topic list';
    message.append(link, '.');
    status.append(message);
  }

  function render(query: string, note: string | undefined, pages: PagefindResultData[]): void {
    status.replaceChildren();
    if (note) {
      const correction = document.createElement('p');
      correction.className = 'search-correction';
      correction.textContent = note;
      status.append(correction);
    }
    const count = document.createElement('p');
    count.textContent = `${pages.length === maxPages ? `Top ${maxPages}` : pages.length} ${pages.length === 1 ? 'page matches' : 'pages match'} “${query}”. Use the arrow keys to move through the results.`;
    status.append(count);
    const items = pages.map((page) => {
      const item = document.createElement('li');
      item.className = 'search-result';
      const title = document.createElement('a');
      title.className = 'search-result-topic';
      title.href = page.url;
      title.textContent = page.meta.title ?? page.url;
      item.append(title);
      const sections = page.sub_results
        .filter((section) => section.anchor)
        .sort((a, b) => b.locations.length - a.locations.length)
        .slice(0, maxSectionsPerPage);
      if (sections.length === 0) {
        const excerpt = document.createElement('p');
        excerpt.className = 'search-excerpt';
        excerpt.append(excerptFor(page.excerpt, page.content));
        item.append(excerpt);
      } else {
        const sectionList = document.createElement('ul');
        for (const section of sections) {
          const sectionItem = document.createElement('li');
          const link = document.createElement('a');
          link.href = section.url;
          link.className = 'search-result-section';
          link.textContent = section.title;
          const excerpt = document.createElement('span');
          excerpt.className = 'search-excerpt';
          excerpt.append(excerptFor(section.excerpt, page.content, section.title));
          sectionItem.append(link, excerpt);
          sectionList.append(sectionItem);
        }
        item.append(sectionList);
      }
      return item;
    });
    list.replaceChildren(...items);
  }

  async function run(): Promise<void> {
    const raw = input.value;
    const runId = ++latestRun;
    if (!searchedQuery(raw, rules).typed) {
      list.replaceChildren();
      status.replaceChildren();
      close();
      return;
    }
    const started = performance.now();
    await dataReady;
    const ready = performance.now();
    const { typed, query, note } = searchedQuery(raw, rules);
    const search = await (await pagefind).search(query, { filters: filters() });
    if (!search || runId !== latestRun) return;
    const searched = performance.now();
    const loaded = await Promise.all(search.results.slice(0, maxPages).map((result) => result.data()));
    if (runId !== latestRun) return;
    const fetched = performance.now();
    const pages = loaded.filter((page) =>
      isGenuineMatch([page.excerpt, ...page.sub_results.map((section) => section.excerpt)].flatMap(markedWords), query),
    );
    const checked = performance.now();
    open();
    if (pages.length === 0) showNoResults(typed);
    else render(query, note, pages);
    const rendered = performance.now();
    // Where the time went, for the benchmark's profile: waiting for Pagefind and the search data, the
    // engine's search, result data (fragments, excerpts, sub-results), the match check, building the DOM.
    const phases = { debounceMs: lastInput ? started - lastInput : 0, waitMs: ready - started, searchMs: searched - ready, dataMs: fetched - searched, checkMs: checked - fetched, renderMs: rendered - checked };
    root.dispatchEvent(new CustomEvent('search:results', { detail: { query, ms: fetched - started, phases, count: search.results.length, shown: pages.length } }));
  }

  function schedule(): void {
    clearTimeout(timer);
    lastInput = performance.now();
    // Start fetching the index for what is typed so far while the debounce waits.
    const raw = input.value;
    if (searchedQuery(raw, rules).typed) Promise.all([pagefind, dataReady]).then(([loaded]) => loaded.preload(searchedQuery(raw, rules).query, { filters: filters() }));
    timer = setTimeout(run, debounceMs);
  }

  input.addEventListener('input', schedule);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run().then(() => links()[0]?.click());
  });
  root.addEventListener('keydown', (event) => {
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      close();
      if (document.activeElement !== input) {
        // Returning focus to the box must not reopen what Escape just closed.
        suppressReopen = true;
        input.focus();
        suppressReopen = false;
      }
      event.preventDefault();
    } else if (event.key === 'ArrowDown' && all.length > 0 && (document.activeElement === input || index >= 0)) {
      event.preventDefault();
      all[Math.min(index + 1, all.length - 1)].focus();
    } else if (event.key === 'ArrowUp' && index >= 0) {
      event.preventDefault();
      if (index === 0) input.focus();
      else all[index - 1].focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (!root.contains(event.target as Node)) close();
  });
  input.addEventListener('focus', () => {
    if (!suppressReopen && (list.childElementCount > 0 || status.childElementCount > 0)) open();
  });
  if (input.value) run();
}
