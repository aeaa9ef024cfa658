import { formatPrintedAt } from '../lib/document-control.ts';

/**
 * The only script every page loads: small listeners that fetch the heavier code when it is needed.
 * - Search code loads when a search box is focused, or when "/" is pressed.
 * - The term highlighter loads only when the address carries ?highlight=.
 * - The dose calculator's code loads when the calculator is first touched.
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

const doseTools = document.querySelector<HTMLElement>('[data-dose-tools]');
if (doseTools) {
  let doseToolsLoading: Promise<typeof import('./dose-tools-ui.ts')> | undefined;
  const loadDoseTools = () =>
    (doseToolsLoading ??= import('./dose-tools-ui.ts').then(async (module) => {
      await module.attachDoseTools(doseTools);
      return module;
    }));
  doseTools.addEventListener('focusin', () => loadDoseTools(), { once: true });
  // A submit before the calculator's listeners are attached (Enter pressed at once) is handled when they are.
  doseTools.addEventListener('submit', (event) => {
    if (event.defaultPrevented) return; // the calculator's own listener has handled it
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    loadDoseTools().then((module) => module.submitted(form));
  });
}

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

const addressQuery = new URLSearchParams(location.search).get('q');
const pageSearch = document.querySelector<HTMLInputElement>('[data-search-from-address]');
if (pageSearch && addressQuery) {
  pageSearch.value = addressQuery.slice(0, 200);
  pageSearch.focus();
}

if (new URLSearchParams(location.search).has('highlight')) {
  import('./highlight.ts').then((module) => module.highlightFromAddress());
}

/**
 * Print one section: mark it (and the references it cites) before calling print; the marks stay
 * until `afterprint`, so a test can replace window.print and print the marked page itself.
 */
function markSectionForPrint(sectionId: string): void {
  const root = document.documentElement;
  root.dataset.printSection = sectionId;
  const section = document.querySelector(`[data-section="${CSS.escape(sectionId)}"]`);
  section?.classList.add('print-target');
  for (const link of section?.querySelectorAll<HTMLAnchorElement>('sup.citation a[href^="#ref-"]') ?? []) {
    document.getElementById(link.hash.slice(1))?.classList.add('print-cited');
  }
}

function clearPrintMarks(): void {
  delete document.documentElement.dataset.printSection;
  document.querySelectorAll('.print-target, .print-cited').forEach((element) => element.classList.remove('print-target', 'print-cited'));
}

document.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-print-section], [data-print-topic]');
  if (!button) return;
  clearPrintMarks();
  if (button.dataset.printSection) markSectionForPrint(button.dataset.printSection);
  window.print();
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
window.addEventListener('afterprint', () => {
  openedForPrint.splice(0).forEach((details) => (details.open = false));
  clearPrintMarks();
});
