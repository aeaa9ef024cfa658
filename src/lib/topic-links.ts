/**
 * Links between topics, and the short evidence markers that point at a folded evidence note, as
 * authors write them in Markdown:
 * - `[Taking a trough level](topic:level-sampling)`, `[when](topic:level-sampling#when-to-take-the-sample)`;
 * - `[the trough table](#trough-targets-by-phase)` on the same page;
 * - `[unconfirmed](evidence:)`: the next evidence note in the same section (the previous one if none
 *   follows), `[sources differ](evidence:#heading-id)` the first note in that heading's part of this page
 *   (its subsections included), `(evidence:slug#heading-id)` the same in another topic.
 * Pure functions: the content checks use them to fail the build, the Markdown plugins to rewrite links.
 */
import GithubSlugger from 'github-slugger';
import { lineAndColumn } from './citations.ts';

/** The words an evidence marker may say, each short enough to sit beside a figure. */
export const evidenceMarkerWords = [
  'unconfirmed',
  'secondary',
  'sources differ',
  'low reliability',
  'transplant data',
  'adult only',
  'US label',
  'EU label',
] as const;

export type EvidenceMarkerWord = (typeof evidenceMarkerWords)[number];

/** A class-name-safe form of a marker word: "sources differ" -> "sources-differ". */
export function markerClass(word: string): string {
  return word.toLowerCase().replace(/[^a-z]+/g, '-');
}

export function isEvidenceMarkerWord(text: string): text is EvidenceMarkerWord {
  return (evidenceMarkerWords as readonly string[]).includes(text);
}

/** Where a link points: another topic (and maybe a heading in it), or a heading on this page. */
export interface LinkTarget {
  /** Topic slug; undefined for a heading on the same page. */
  topic?: string;
  heading?: string;
}

/** `topic:slug` or `topic:slug#heading`; undefined for any other address. */
export function parseTopicHref(href: string): LinkTarget | undefined {
  const match = /^topic:([a-z0-9-]+)(?:#([a-z0-9-]+))?$/.exec(href);
  return match ? { topic: match[1], heading: match[2] } : undefined;
}

/**
 * The site's own pages, other than topics, that topic text may link to: `[sources used](page:about#sources-used)`.
 * Written this way (not as a site path) so the link works under a sub-path too.
 */
export const sitePages = ['about', 'references', 'changes', 'binder', 'dose-calculator', 'weight-band-tables'] as const;

/** The sections a site page is known to have, for pages whose anchors topic text links to (the build checks them). */
export const sitePageSections: Readonly<Partial<Record<(typeof sitePages)[number], readonly string[]>>> = {
  about: ['sources-used', 'not-found', 'left-out', 'editorial-policy', 'review-process', 'disclaimer'],
};

/** `page:name` or `page:name#anchor`; undefined for any other address. */
export function parsePageHref(href: string): { page: string; anchor?: string } | undefined {
  const match = /^page:([a-z0-9-]+)(?:#([a-z0-9-]+))?$/.exec(href);
  return match ? { page: match[1], anchor: match[2] } : undefined;
}

/** The address a site-page link gets on the built site, under the site's base path. */
export function pageHref(base: string, target: { page: string; anchor?: string }): string {
  const cleanBase = base.endsWith('/') ? base : `${base}/`;
  return `${cleanBase}${target.page}/${target.anchor ? `#${target.anchor}` : ''}`;
}

/** `evidence:`, `evidence:#heading` or `evidence:slug#heading`; undefined for any other address. */
export function parseEvidenceHref(href: string): LinkTarget | undefined {
  const match = /^evidence:(?:([a-z0-9-]+)?#([a-z0-9-]+))?$/.exec(href);
  return match ? { topic: match[1], heading: match[2] } : undefined;
}

/** The address a topic link gets on the built site, under the site's base path. */
export function topicHref(base: string, target: LinkTarget): string {
  const cleanBase = base.endsWith('/') ? base : `${base}/`;
  const path = target.topic ? `${cleanBase}topics/${target.topic}/` : '';
  return `${path}${target.heading ? `#${target.heading}` : ''}`;
}

/**
 * The id of the n-th (1-based) evidence note directly under a heading (before its next heading of any
 * level): stable, so other topics can point at it.
 */
export function evidenceNoteId(sectionId: string, index: number): string {
  return `note-${sectionId}-${index}`;
}

/** A Markdown inline link found in a body, with its position (offset into the body). */
export interface MarkdownLink {
  text: string;
  href: string;
  offset: number;
}

/** An inline link `[text](href)`, not an image. */
const inlineLink = /(?<!!)\[([^\]\n]+)\]\(([^)\s]+)\)/g;

/** Inline links `[text](href)` of a body (images excluded). */
export function findMarkdownLinks(body: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const match of body.matchAll(inlineLink)) {
    if (match[1].startsWith('@')) continue; // a citation such as [@key], never a link
    links.push({ text: match[1], href: match[2], offset: match.index });
  }
  return links;
}

/** The labels that open an evidence note: a blockquote whose first words are these, in bold. */
const noteOpening = /^>\s*\*\*(Evidence status|Sources differ)[.:]?\*\*/i;

/** What the checks need to know of one topic's body. */
export interface TopicOutline {
  /** Every heading id (github-slugger, in the order the page assigns them). */
  headingIds: Set<string>;
  /** Second-level heading ids, in order. */
  sectionIds: string[];
  /** How many evidence notes (Evidence status, Sources differ) each second-level section holds. */
  notesBySection: Map<string, number>;
  /** The id of the first evidence note within each heading's part of the page (its subsections included). */
  firstNoteUnder: Map<string, string>;
  /** For each line (0-based), the second-level section it lies in ('' before the first). */
  sectionOfLine: string[];
}

/** A Markdown file's opening `---` frontmatter block (its YAML is group 1). */
export const frontmatterBlock = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** The body of a Markdown file: everything after its frontmatter. */
export function markdownBody(text: string): string {
  return text.replace(frontmatterBlock, '');
}

export function outlineTopic(body: string): TopicOutline {
  const slugger = new GithubSlugger();
  const headingIds = new Set<string>();
  const sectionIds: string[] = [];
  const notesBySection = new Map<string, number>();
  const notesUnder = new Map<string, number>();
  const firstNoteUnder = new Map<string, string>();
  const sectionOfLine: string[] = [];
  const open: Array<{ level: number; id: string }> = [];
  let current = '';
  let inFence = false;
  let inNote = false;
  for (const line of body.split('\n')) {
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})[ \t]+(.+?)[ \t#]*$/.exec(line);
    if (heading) {
      const id = slugger.slug(heading[2].replace(/[*_`]/g, ''));
      headingIds.add(id);
      while (open.length > 0 && open.at(-1)!.level >= heading[1].length) open.pop();
      open.push({ level: heading[1].length, id });
      if (heading[1].length === 2) {
        current = id;
        sectionIds.push(id);
      }
    }
    if (!line.startsWith('>')) inNote = false;
    else if (!inNote && noteOpening.test(line)) {
      inNote = true;
      notesBySection.set(current, (notesBySection.get(current) ?? 0) + 1);
      const nearest = open.at(-1)?.id ?? 'intro';
      const count = (notesUnder.get(nearest) ?? 0) + 1;
      notesUnder.set(nearest, count);
      for (const { id } of open) if (!firstNoteUnder.has(id)) firstNoteUnder.set(id, evidenceNoteId(nearest, count));
    }
    sectionOfLine.push(current);
  }
  return { headingIds, sectionIds, notesBySection, firstNoteUnder, sectionOfLine };
}

export interface LinkProblem {
  /** 1-based line within the body. */
  line: number;
  message: string;
}

/**
 * Every topic link, same-page link and evidence marker in a body, checked against the topics'
 * outlines: an unknown topic or heading, a marker word not in the list, a marker with no note.
 */
export function checkTopicLinks(body: string, slug: string, outlines: Map<string, TopicOutline>): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const own = outlines.get(slug) ?? outlineTopic(body);
  for (const link of findMarkdownLinks(body)) {
    const { line, column } = lineAndColumn(body, link.offset);
    const at = (message: string) => problems.push({ line, message: `${message} (column ${column})` });
    const topicTarget = parseTopicHref(link.href);
    if (link.href.startsWith('topic:') && !topicTarget) {
      at(`link "${link.href}" is not written as topic:slug or topic:slug#heading-id`);
      continue;
    }
    if (topicTarget) {
      const outline = outlines.get(topicTarget.topic!);
      if (!outline) at(`link to unknown topic "${topicTarget.topic}"`);
      else if (topicTarget.heading && !outline.headingIds.has(topicTarget.heading)) {
        at(`link to unknown heading "#${topicTarget.heading}" in topic "${topicTarget.topic}"`);
      }
      continue;
    }
    if (link.href.startsWith('page:')) {
      const page = parsePageHref(link.href);
      if (!page) at(`link "${link.href}" is not written as page:name or page:name#anchor`);
      else if (!(sitePages as readonly string[]).includes(page.page)) {
        at(`link to unknown site page "${page.page}": write one of ${sitePages.join(', ')}`);
      } else {
        const sections = sitePageSections[page.page as (typeof sitePages)[number]];
        if (page.anchor && sections && !sections.includes(page.anchor)) {
          at(`link "${link.href}" names section "#${page.anchor}", which the ${page.page} page does not have (it has: ${sections.map((id) => `#${id}`).join(', ')})`);
        }
      }
      continue;
    }
    if (/^#[^#]+$/.test(link.href)) {
      if (!own.headingIds.has(link.href.slice(1))) at(`link to unknown heading "${link.href}" on this page`);
      continue;
    }
    if (link.href.startsWith('evidence:')) {
      const target = parseEvidenceHref(link.href);
      if (!target) {
        at(`evidence marker "${link.href}" is not written as evidence:, evidence:#heading-id or evidence:slug#heading-id`);
        continue;
      }
      if (!isEvidenceMarkerWord(link.text)) {
        at(`evidence marker "[${link.text}]" must say one of: ${evidenceMarkerWords.join(', ')}`);
      }
      const topic = target.topic ?? slug;
      const outline = target.topic ? outlines.get(target.topic) : own;
      if (!outline) {
        at(`evidence marker points to unknown topic "${target.topic}"`);
        continue;
      }
      const section = own.sectionOfLine[line - 1] ?? '';
      if (target.heading) {
        if (!outline.headingIds.has(target.heading)) at(`evidence marker points to unknown heading "#${target.heading}" in topic "${topic}"`);
        else if (!outline.firstNoteUnder.has(target.heading)) {
          at(`evidence marker points to "#${target.heading}" of topic "${topic}", which has no Evidence status or Sources differ note under its heading`);
        }
      } else if (!outline.notesBySection.get(section)) {
        at(`evidence marker "[${link.text}]" has no Evidence status or Sources differ note to point to in section "${section || '(before the first heading)'}" of topic "${topic}"`);
      }
      continue;
    }
    if (/^\/(?!\/)/.test(link.href)) {
      at(`link "${link.href}" is a site path: write topic:slug, or page:name#section for a site page such as page:about#sources-used (the site may live under a sub-path)`);
    }

  }
  return problems;
}

/**
 * A topic title written in emphasis or after "the topic" instead of as a link, e.g. "see the topic
 * *Monitoring*": each is a mention a reader cannot follow.
 */
export function unlinkedTopicMentions(body: string, titles: string[]): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const withoutLinks = body.replace(inlineLink, (whole) => ' '.repeat(whole.length));
  for (const title of titles) {
    const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(String.raw`(?:\*{1,2}|_)${escaped}(?:\*{1,2}|_)|\bthe topics? ${escaped}\b`, 'g');
    for (const match of withoutLinks.matchAll(pattern)) {
      const { line } = lineAndColumn(withoutLinks, match.index);
      problems.push({ line, message: `"${match[0]}" names the topic "${title}" without linking it: write [${title}](topic:...)` });
    }
  }
  return problems;
}

export interface KeyPointsProblem {
  line: number;
  message: string;
}

/**
 * A topic must open with `## Key points`: nothing before it, 3 to 7 bullets, each with a citation.
 * Lines are 1-based within the body.
 */
export function checkKeyPoints(body: string): KeyPointsProblem[] {
  const lines = body.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1 || !/^##[ \t]+Key points[ \t]*$/.test(lines[first])) {
    return [{ line: first + 1 || 1, message: 'the topic must open with a "## Key points" section (3 to 7 cited bullets) before anything else' }];
  }
  const bullets: Array<{ line: number; text: string }> = [];
  for (let index = first + 1; index < lines.length && !/^#{1,2}[ \t]/.test(lines[index]); index++) {
    const line = lines[index];
    if (/^[-*+][ \t]+/.test(line)) bullets.push({ line: index + 1, text: line });
    else if (/^[ \t]+\S/.test(line) && bullets.length > 0) bullets.at(-1)!.text += ` ${line.trim()}`;
  }
  const problems: KeyPointsProblem[] = [];
  if (bullets.length < 3 || bullets.length > 7) {
    problems.push({ line: first + 1, message: `"Key points" has ${bullets.length} bullets: give 3 to 7` });
  }
  for (const bullet of bullets) {
    if (!/\[@[^\]]+\]/.test(bullet.text)) problems.push({ line: bullet.line, message: 'a key point without a citation: end it with [@key]' });
  }
  return problems;
}
