/**
 * The search box's behaviour, loaded on first focus: what is searched for what is typed (corrected
 * and respelt), filters, debounce and preloading, keyboard movement. Loading the engine is in
 * search-engine.ts, showing the results in search-results.ts.
 */
import { isGenuineMatch, markedWords } from '../lib/search-query.ts';
import { searchedQuery, type QueryRules } from '../lib/searched-query.ts';
import { conditionNames } from '../lib/labels.ts';
import { debounceMs } from '../lib/search-options.ts';
import type { SearchData } from '../pages/search-data.json.ts';
import { loadPagefind, loadSearchData, loadSearchStyles } from './search-engine.ts';
import { maxPages, resultsPanel, resultsView } from './search-results.ts';

const attached = new WeakSet<HTMLInputElement>();

export function attachSearch(input: HTMLInputElement): void {
  if (attached.has(input)) return;
  attached.add(input);
  const root = input.closest<HTMLElement>('[data-search-root]')!;
  const form = input.form!;
  const { panel, status, list } = resultsPanel(root, input);
  const filterSelects: HTMLSelectElement[] = [];
  const base = root.dataset.base ?? '/';
  let expansions: Record<string, string> = {};
  const { showNoResults, render } = resultsView(status, list, base, () => expansions);
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
    expansions = data.abbreviations ?? {};
    buildFilters(data.filters);
  });

  function filters(): Record<string, string> {
    const chosen: Record<string, string> = {};
    for (const select of filterSelects) if (select.value) chosen[select.dataset.searchFilter!] = select.value;
    return chosen;
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
