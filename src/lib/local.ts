/**
 * A hospital's local details (`content/local.yaml`, optional and never shipped; the documented
 * template is `content/local.example.yaml`, which is not read). `LOCAL_FILE=path` points a build at
 * another file (the tests' fixture build uses it). Without a file the site shows neutral defaults.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { localSchema, type LocalDetails } from '../content.config.ts';
import { parseYamlFile } from './content-problems.ts';

export type { LocalDetails };
export type LocalContact = LocalDetails['contacts'][number];
export type LocalNote = LocalDetails['notes'][number];

export const localFile = 'content/local.yaml';

/** The local file this build reads, or undefined when there is none. Throws if LOCAL_FILE names a missing file. */
export function localFilePath(root = process.cwd(), env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.LOCAL_FILE) {
    const path = isAbsolute(env.LOCAL_FILE) ? env.LOCAL_FILE : join(root, env.LOCAL_FILE);
    if (!existsSync(path)) throw new Error(`LOCAL_FILE=${env.LOCAL_FILE}: no such file`);
    return path;
  }
  const path = join(root, localFile);
  return existsSync(path) ? path : undefined;
}

/** Parses and validates a local file's text (schema only; the build's content checks also check every place it names). */
export function parseLocal(text: string, file = localFile): LocalDetails {
  return parseYamlFile(file, text, localSchema);
}

let cache: { root: string; local: LocalDetails | undefined } | undefined;

/** The build's local details, read once; undefined without a local file. */
export function loadLocal(root = process.cwd()): LocalDetails | undefined {
  if (cache?.root === root) return cache.local;
  const path = localFilePath(root);
  const local = path ? parseLocal(readFileSync(path, 'utf8'), relative(root, path)) : undefined;
  cache = { root, local };
  return local;
}

/** Local practice notes attached to one place (`topic` or `topic#heading`), in file order. */
export function notesAt(local: LocalDetails | undefined, target: string): LocalNote[] {
  return local?.notes.filter((note) => note.section === target) ?? [];
}

/** Contacts shown at one place (`topic` or `topic#heading`), in file order. */
export function contactsAt(local: LocalDetails | undefined, target: string): LocalContact[] {
  return local?.contacts.filter((contact) => contact.sections.includes(target)) ?? [];
}

/** The heading ids of one topic that local notes or contacts name (for the Markdown plugin). */
export function localHeadingsOf(local: LocalDetails | undefined, topicSlug: string): Set<string> {
  const headings = new Set<string>();
  const targets = [...(local?.notes.map((note) => note.section) ?? []), ...(local?.contacts.flatMap((contact) => contact.sections) ?? [])];
  for (const target of targets) {
    const [topic, heading] = target.split('#');
    if (topic === topicSlug && heading) headings.add(heading);
  }
  return headings;
}

/** "Local practice (Example Valley NHS Trust)": the label every local note carries, on screen and on paper. */
export function localPracticeLabel(local: LocalDetails): string {
  return `Local practice (${local.organisation})`;
}

/** "Local contact (Example Valley NHS Trust)". */
export function localContactLabel(local: LocalDetails): string {
  return `Local contact (${local.organisation})`;
}

/** A hast element: the local blocks are built once as data, for the Markdown plugin and the Astro pages alike. */
export interface LocalElement {
  type: 'element';
  tagName: string;
  properties: Record<string, string | string[]>;
  children: Array<LocalElement | { type: 'text'; value: string }>;
}

const el = (tagName: string, properties: LocalElement['properties'], children: LocalElement['children']): LocalElement => ({ type: 'element', tagName, properties, children });
const text = (value: string) => ({ type: 'text' as const, value });

/**
 * The local details shown at one place: the hospital's practice notes, then its contacts. Plain text
 * only (never Markdown, never a citation), labelled with the organisation, and marked as local so it
 * is never read as the cited evidence. Undefined when nothing is attached there.
 */
export function localBlock(local: LocalDetails | undefined, target: string): LocalElement | undefined {
  if (!local) return undefined;
  const notes = notesAt(local, target);
  const contacts = contactsAt(local, target);
  if (notes.length === 0 && contacts.length === 0) return undefined;
  const children: LocalElement['children'] = [];
  if (notes.length > 0) {
    children.push(
      el('div', { className: ['local-practice'], role: 'note', dataLocal: 'note' }, [
        el('p', { className: ['local-label'] }, [el('strong', {}, [text(localPracticeLabel(local))])]),
        ...notes.map((note) => el('p', {}, [text(note.text)])),
        el('p', { className: ['local-source'] }, [text(`Written by ${local.owner}, ${local.organisation}: local practice, not part of the cited evidence.`)]),
      ]),
    );
  }
  if (contacts.length > 0) {
    children.push(
      el('div', { className: ['local-contacts'], role: 'note', dataLocal: 'contact' }, [
        el('p', { className: ['local-label'] }, [el('strong', {}, [text(contacts.length === 1 ? localContactLabel(local) : `Local contacts (${local.organisation})`)])]),
        el('ul', {}, contacts.map((contact) => el('li', {}, [el('strong', {}, [text(contact.role)]), text(`: ${contact.how}`)]))),
      ]),
    );
  }
  return el('div', { className: ['local-details'], dataLocalTarget: target, dataPagefindIgnore: '' }, children);
}
