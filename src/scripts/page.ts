/**
 * The only script every page loads: small listeners that fetch the heavier code when it is needed.
 * - Search code loads when a search box is focused, or when "/" is pressed.
 * - The term highlighter loads only when the address carries ?highlight=.
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

const addressQuery = new URLSearchParams(location.search).get('q');
const pageSearch = document.querySelector<HTMLInputElement>('[data-search-from-address]');
if (pageSearch && addressQuery) {
  pageSearch.value = addressQuery.slice(0, 200);
  pageSearch.focus();
}

if (new URLSearchParams(location.search).has('highlight')) {
  import('./highlight.ts').then((module) => module.highlightFromAddress());
}
