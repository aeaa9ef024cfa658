import { formatPrintedAt } from '../lib/document-control.ts';

/**
 * The only script every page loads: small listeners that fetch the heavier code when it is needed.
 * - Search code loads when a search box is focused, or when "/" is pressed.
 * - The term highlighter loads only when the address carries ?highlight=.
 * - "Review overdue" is decided again against today's date where a page carries a next-review date.
 * - Printing: the print buttons, the printed date on `beforeprint`, and tidying up on `afterprint`.
 */
const searchInputs = () => [...document.querySelectorAll<HTMLInputElement>('[data-search-input]')];

let searchLoading: Promise<typeof import('./search-ui.ts')> | undefined;
function loadSearch(input: HTMLInputElement): void {
  searchLoading ??= import('./search-ui.ts');
  searchLoading.then((module) => module.attachSearch(input));
}

for (const input of searchInputs()) {
  input.addEventListener('focus', () => loadSearch(input), { once: true });
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement;
  if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
  const input = searchInputs().find((candidate) => candidate.offsetParent !== null);
  if (!input) return;
  event.preventDefault();
  input.focus();
});

/** On wide screens the contents list stands open beside the text (CSS does it too, where supported). */
const contents = document.querySelector<HTMLDetailsElement>('[data-toc]');
if (contents && window.matchMedia('(min-width: 75rem)').matches) contents.open = true;

/** Following an evidence marker (or arriving at a note's address) opens the folded note. */
function openNoteAt(hash: string): void {
  const target = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
  if (!target) return;
  const folds = [...(target.matches('details') ? [target] : []), ...target.querySelectorAll('details')];
  for (let parent = target.parentElement?.closest('details'); parent; parent = parent.parentElement?.closest('details')) folds.push(parent);
  for (const fold of folds) (fold as HTMLDetailsElement).open = true;
}
openNoteAt(location.hash);
window.addEventListener('hashchange', () => openNoteAt(location.hash));
document.addEventListener('click', (event) => {
  const marker = (event.target as HTMLElement).closest<HTMLAnchorElement>('a.evidence-marker');
  if (marker && marker.pathname === location.pathname) openNoteAt(marker.hash);
});
if (document.querySelector('[data-next-review]')) import('./review-due-ui.ts').then((module) => module.attachReviewDue());



if (new URLSearchParams(location.search).has('highlight')) {
  import('./highlight.ts').then((module) => module.highlightFromAddress());
}

/** Print buttons: a whole page prints as it is; one section through src/scripts/print-section.ts. */
let sectionPrinting: typeof import('./print-section.ts') | undefined;
document.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-print-section], [data-print-topic]');
  if (!button) return;
  const sectionId = button.dataset.printSection;
  if (!sectionId) {
    sectionPrinting?.clearPrintMarks();
    window.print();
    return;
  }
  import('./print-section.ts').then((module) => {
    sectionPrinting = module;
    module.markSectionForPrint(sectionId);
    window.print();
  });
});

const openedForPrint: HTMLDetailsElement[] = [];
window.addEventListener('beforeprint', () => {
  const printedAt = formatPrintedAt(new Date());
  document.querySelectorAll('[data-printed-at]').forEach((element) => (element.textContent = printedAt));
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details:not([open])')) {
    details.open = true;
    openedForPrint.push(details);
  }
});
window.addEventListener('afterprint', () => openedForPrint.splice(0).forEach((details) => (details.open = false)));
