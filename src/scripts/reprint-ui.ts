/**
 * The /changes/ page's "my binder is version" form: lists the pages to reprint since that version.
 * Loaded by page.ts only on that page. Reads the page's own list by version (each item carries its
 * topic, version and sections), so the page and the answer cannot disagree; the logic is lib/versions.
 * A submit before this loads goes to ?since=X, which is read on load.
 */
import { isVersion, reprintSince, type TopicChanges } from '../lib/versions.ts';

interface PageTopic extends TopicChanges {
  href: string;
  sectionTitles: Record<string, string>;
}

/** The topics and their changes, as the page lists them under each version. */
function topicsFromPage(): { current: string; topics: PageTopic[] } {
  const topics = new Map<string, PageTopic>();
  for (const item of document.querySelectorAll<HTMLElement>('[data-changed-topic][data-version]')) {
    const slug = item.dataset.changedTopic!;
    const link = item.querySelector<HTMLAnchorElement>('[data-topic-link]');
    const topic = topics.get(slug) ?? { slug, title: link?.textContent ?? slug, href: link?.getAttribute('href') ?? '#', sectionTitles: {}, changes: [] };
    const sections = (item.dataset.sections ?? '').split(' ').filter(Boolean);
    for (const section of item.querySelectorAll<HTMLAnchorElement>('[data-section-link]')) topic.sectionTitles[section.dataset.sectionLink!] = section.textContent ?? '';
    const change = { date: new Date(0), version: item.dataset.version!, summary: '' };
    if (item.dataset.whole !== undefined) topic.changes.push({ ...change, sections: [] });
    if (sections.length > 0) topic.changes.push({ ...change, sections });
    topics.set(slug, topic);
  }
  const current = document.querySelector('[data-current-version]')?.textContent?.trim() ?? '';
  return { current, topics: [...topics.values()] };
}
function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

export function attachReprint(form: HTMLFormElement): void {
  const result = document.querySelector<HTMLElement>('[data-reprint-result]');
  const select = form.querySelector<HTMLSelectElement>('select');
  if (!result || !select) return;
  const data = topicsFromPage();
  const topics = data.topics;

  const show = (since: string, focus: boolean) => {
    result.replaceChildren();
    const reprints = reprintSince(since, topics, data.current);
    const heading = element('h2', reprints.length === 0
      ? `Nothing to reprint: no topic changed between version ${since} and version ${data.current}.`
      : `Reprint ${reprints.length === 1 ? '1 topic' : `${reprints.length} topics`} since version ${since}`);
    heading.id = 'reprint-heading';
    result.append(heading);
    if (reprints.length > 0) {
      const list = element('ol', undefined, { 'data-reprint-list': '' });
      for (const item of reprints) {
        const topic = topics.find((candidate) => candidate.slug === item.slug);
        const li = element('li');
        li.append(element('a', item.title, { href: topic?.href ?? '#' }), ': ');
        if (item.whole || item.sections.length === 0) li.append('the whole topic');
        else {
          li.append(item.sections.length === 1 ? 'section ' : 'sections ');
          item.sections.forEach((section, index) => {
            if (index > 0) li.append(', ');
            li.append(element('a', topic?.sectionTitles[section] ?? section, { href: `${topic?.href ?? ''}#${section}` }));
          });
        }
        li.append(` (changed in version ${item.versions.join(', ')})`);
        list.append(li);
      }
      result.append(list);
      result.append(element('p', `Then write version ${data.current} on the binder's cover.`));
    }
    result.hidden = false;
    if (focus) result.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const since = select.value;
    const url = new URL(location.href);
    url.searchParams.set('since', since);
    history.replaceState(null, '', url);
    show(since, true);
  });
  const fromAddress = new URLSearchParams(location.search).get('since');
  if (fromAddress && isVersion(fromAddress)) {
    const since = fromAddress.trim().replace(/^v/, '');
    if ([...select.options].some((option) => option.value === since)) select.value = since;
    show(since, false);
  }
}
