/** Marks the searched words on the page a search result led to (`?highlight=trough&highlight=level`). */
export function highlightFromAddress(): void {
  const terms = new URLSearchParams(location.search)
    .getAll('highlight')
    .flatMap((value) => value.split(/\s+/))
    .map((term) => term.trim())
    .filter((term) => term.length >= 2)
    .slice(0, 10);
  const body = document.querySelector('[data-pagefind-body]');
  if (!body || terms.length === 0) return;
  const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`\\b(${escaped.join('|')})\\w*`, 'gi');
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
  for (const node of textNodes) {
    const text = node.data;
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    const fragment = document.createDocumentFragment();
    let cursor = 0;
    for (const match of text.matchAll(pattern)) {
      fragment.append(text.slice(cursor, match.index));
      const mark = document.createElement('mark');
      mark.className = 'search-highlight';
      mark.textContent = match[0];
      fragment.append(mark);
      cursor = match.index + match[0].length;
    }
    fragment.append(text.slice(cursor));
    node.replaceWith(fragment);
  }
}
