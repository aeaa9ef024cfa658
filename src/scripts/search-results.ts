/**
 * The search results as the box shows them: a status live region (counts, corrections, "no
 * results") and, per page, the up-to-3 sections that answer, each with its excerpt. Built with DOM
 * text nodes only, so a query or excerpt is never parsed as HTML.
 */
import { aliasClose, stripAliasText } from '../lib/alias-text.ts';
import { excerptRuns, withoutLeadingText } from '../lib/search-query.ts';
import { rankSections } from '../lib/section-rank.ts';
import type { PagefindResultData } from './search-engine.ts';

/** Topics shown, and sections under each. */
export const maxPages = 5;
const maxSectionsPerPage = 3;

/**
 * The results panel: a status live region (counts, corrections, "no results") and the result list.
 * Made on first focus rather than sent with every page; it exists before the first results arrive,
 * so screen readers announce them.
 */
export function resultsPanel(root: HTMLElement, input: HTMLInputElement): { panel: HTMLElement; status: HTMLElement; list: HTMLElement } {
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

/**
 * An excerpt without the indexed alias words. When the match was only in the aliases, the
 * section's opening words stand in, and a note says which alias matched, with its expansion when it
 * is an abbreviation ("Matched search term: TMA (thrombotic microangiopathy).").
 */
function excerptFor(excerpt: string, content: string, heading: string | undefined, expansions: Record<string, string>): DocumentFragment {
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
    const named = matchedAliases.map((alias) => (Object.hasOwn(expansions, alias) ? `${alias} (${expansions[alias]})` : alias));
    note.textContent = ` Matched search term: ${named.join(', ')}.`;
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


/** Shows what matched, or says nothing did, in the panel's status and list. */
export function resultsView(status: HTMLElement, list: HTMLElement, base: string, expansions: () => Record<string, string>) {
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
      const sections = rankSections(
        page.sub_results.filter((section) => section.anchor),
        query,
      ).slice(0, maxSectionsPerPage);
      if (sections.length === 0) {
        const excerpt = document.createElement('p');
        excerpt.className = 'search-excerpt';
        excerpt.append(excerptFor(page.excerpt, page.content, undefined, expansions()));
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
          excerpt.append(excerptFor(section.excerpt, page.content, section.title, expansions()));
          sectionItem.append(link, excerpt);
          sectionList.append(sectionItem);
        }
        item.append(sectionList);
      }
      return item;
    });
    list.replaceChildren(...items);
  }

  return { showNoResults, render };
}
