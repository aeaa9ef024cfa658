/**
 * The fingerprint an approval records: a sha256 over what a reader of the topic is told, so any
 * edit that could change the clinical meaning changes it, and edits that cannot do not.
 *
 * Counted: the topic's body text; its title, summary, kind, populations, conditions, citations and
 * tools; every data file its tools render figures from (content/dose-tools.yaml,
 * content/products.yaml), as data, not as formatting; and every reference entry it cites.
 * Not counted: the change log (`changes`), `updated`, the `review` block, `order` and `slug` (where
 * the page sits, not what it says), YAML comments and layout, and whitespace (line wrapping, blank
 * lines, spaces inside table rows).
 */
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { frontmatterBlock } from './topic-links.ts';

/** Frontmatter fields that carry meaning for a reader; the rest (changes, updated, review, order, slug) do not. */
export const fingerprintedFields = ['title', 'summary', 'kind', 'populations', 'conditions', 'citations', 'tools'] as const;
/** Lists whose order does not change what they say. */
const unorderedFields = new Set(['populations', 'conditions', 'citations', 'tools']);

export interface FingerprintInput {
  /** The topic file as written (frontmatter and body). */
  topicText: string;
  /** Data files the topic renders figures from, by path, as their text. */
  dataFiles: Record<string, string>;
  /** The reference entries the topic cites (in its text or through its data), as parsed from references.yaml. */
  references: Array<Record<string, unknown>>;
}

/** JSON with object keys sorted at every depth, so the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Every run of whitespace as one space: rewrapping a paragraph or padding a table says nothing new. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The parts of a topic file the fingerprint covers: the meaningful frontmatter fields and the body. */
export function fingerprintedTopic(topicText: string): { frontmatter: Record<string, unknown>; body: string } {
  const match = frontmatterBlock.exec(topicText);
  const all = (match ? parse(match[1]) : {}) as Record<string, unknown>;
  const frontmatter: Record<string, unknown> = {};
  for (const field of fingerprintedFields) {
    let value = all?.[field];
    if (value === undefined) continue;
    if (typeof value === 'string') value = normaliseWhitespace(value);
    if (unorderedFields.has(field) && Array.isArray(value)) value = [...value].map(String).sort();
    frontmatter[field] = value;
  }
  const body = match ? topicText.slice(match[0].length) : topicText;
  return { frontmatter, body: normaliseWhitespace(body) };
}

/** What the hash is taken over, as one canonical text (exposed for tests and for a reviewer's curiosity). */
export function fingerprintPayload(input: FingerprintInput): string {
  const data = Object.fromEntries(Object.entries(input.dataFiles).map(([file, text]) => [file, parse(text)]));
  const references = Object.fromEntries(
    input.references.map((entry) => [String(entry.id), entry]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return canonicalJson({ version: 1, topic: fingerprintedTopic(input.topicText), data, references });
}

/** "sha256:" and the hex digest of the payload. */
export function fingerprint(input: FingerprintInput): string {
  return `sha256:${createHash('sha256').update(fingerprintPayload(input)).digest('hex')}`;
}

/** The first 12 hex digits, for a page head or a printout where the whole digest would not be read. */
export function shortFingerprint(value: string): string {
  return value.replace(/^sha256:/, '').slice(0, 12);
}
