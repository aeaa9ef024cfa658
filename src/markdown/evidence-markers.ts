/**
 * Evidence notes and their markers: each note gets a stable id from the heading it sits under, and each
 * marker (`[unconfirmed](evidence:)`) becomes a short link to the note it qualifies, in this topic or
 * another one.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Element, ElementContent, RootContent } from 'hast';
import { evidenceNoteId, markdownBody, markerClass, outlineTopic, parseEvidenceHref, topicHref, type TopicOutline } from '../lib/topic-links.ts';
import { textOf, walk } from './hast.ts';

/** Outlines of the topic files read so far, with the modification time each was read at. */
const outlineCache = new Map<string, { modified: number; outline: TopicOutline }>();

/** The outline of this topic file, or of another topic in the same folder, for markers that name a heading. */
function outlineOf(file: string, slug?: string): TopicOutline | undefined {
  // A topic's neighbours sit beside it; the at-a-glance page (content/) finds them in content/topics/.
  const path = slug ? [join(dirname(file), `${slug}.md`), join(dirname(file), 'topics', `${slug}.md`)].find((candidate) => existsSync(candidate)) : file;
  if (!path || !existsSync(path)) return undefined;
  const modified = statSync(path).mtimeMs;
  const cached = outlineCache.get(path);
  if (cached?.modified === modified) return cached.outline;
  const outline = outlineTopic(markdownBody(readFileSync(path, 'utf8')));
  outlineCache.set(path, { modified, outline });
  return outline;
}

/**
 * Gives each evidence note its stable id (from the heading it sits under) and points each evidence
 * marker at its note: `evidence:` the next note in the same section (or the previous one),
 * `evidence:#id` the first note under that heading, `evidence:slug#id` the same in another topic.
 */
export function resolveEvidence(sections: Array<{ id: string; nodes: Array<RootContent | ElementContent> }>, base: string, file: string): void {
  for (const section of sections) {
    const order: Array<{ kind: 'note' | 'marker'; node: Element }> = [];
    const notesUnder = new Map<string, number>();
    let heading = section.id || 'intro';
    for (const node of walk(section.nodes)) {
      if (/^h[2-6]$/.test(node.tagName) && node.properties?.id) heading = String(node.properties.id);
      if (node.properties?.dataEvidenceNote !== undefined) {
        const count = (notesUnder.get(heading) ?? 0) + 1;
        notesUnder.set(heading, count);
        node.properties.id = evidenceNoteId(heading, count);
        delete node.properties.dataEvidenceNote;
        order.push({ kind: 'note', node });
      } else if (node.tagName === 'a' && String(node.properties?.href ?? '').startsWith('evidence:')) {
        order.push({ kind: 'marker', node });
      }
    }
    order.forEach((entry, position) => {
      if (entry.kind !== 'marker') return;
      const marker = entry.node;
      const href = String(marker.properties?.href);
      const target = parseEvidenceHref(href);
      const word = textOf(marker);
      let address: string | undefined;
      if (target?.heading) {
        const noteId = outlineOf(file, target.topic)?.firstNoteUnder.get(target.heading);
        if (noteId) address = `${target.topic ? topicHref(base, { topic: target.topic }) : ''}#${noteId}`;
      } else if (target) {
        const next = order.slice(position + 1).find((candidate) => candidate.kind === 'note');
        const previous = order.slice(0, position).reverse().find((candidate) => candidate.kind === 'note');
        const note = (next ?? previous)?.node;
        if (note) address = `#${String(note.properties?.id)}`;
      }
      if (!address) throw new Error(`${file}: evidence marker "[${word}](${href})" has no note to point to in section "${section.id}"`);
      marker.properties = { href: address, className: ['evidence-marker', `evidence-marker-${markerClass(word)}`] };
    });
  }
}
