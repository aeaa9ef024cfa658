/**
 * The bibliography's checks: `content/references.yaml` as a list of valid entries, each id once; and
 * the citation keys a data file (dose-tools.yaml, products.yaml) cites.
 */
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { referenceSchema } from '../content.config.ts';
import { schemaProblems, yamlLineLookup, type ContentProblem } from './content-problems.ts';

export interface ParsedReferences {
  ids: Set<string>;
  /** Ids deliberately listed without being cited (`furtherReading: true`). */
  furtherReading: Set<string>;
  problems: ContentProblem[];
}

/** Validates `references.yaml`: a list of entries, each valid, each id once. */
export function checkReferences(file: string, text: string): ParsedReferences {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const problems: ContentProblem[] = [];
  const ids = new Set<string>();
  const furtherReading = new Set<string>();
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    return { ids, furtherReading, problems: [{ file, line: error.linePos?.[0].line, message: `not valid YAML: ${error.message.split('\n')[0]}` }] };
  }
  if (!isSeq(doc.contents)) return { ids, furtherReading, problems: [{ file, line: 1, message: 'must be a YAML list of references' }] };
  if (doc.contents.items.length === 0) return { ids, furtherReading, problems: [{ file, line: 1, message: 'no references: the bibliography is empty' }] };
  const lineOfKey = yamlLineLookup(doc, counter, 1);
  doc.contents.items.forEach((item, index) => {
    const entry = isMap(item) ? (item.toJSON() as Record<string, unknown>) : item;
    const id = typeof (entry as { id?: unknown })?.id === 'string' ? (entry as { id: string }).id : undefined;
    const label = id ? `reference "${id}": ` : `reference #${index + 1}: `;
    problems.push(...schemaProblems(file, referenceSchema, entry, (path) => lineOfKey([index, ...path]), lineOfKey([index]), label));
    if (id) {
      if (ids.has(id)) problems.push({ file, line: lineOfKey([index, 'id']), message: `reference id "${id}" is listed twice` });
      ids.add(id);
      if ((entry as { furtherReading?: unknown }).furtherReading === true) furtherReading.add(id);
    }
  });
  return { ids, furtherReading, problems };
}

/** Every key in a `citations` list anywhere in a parsed YAML data file. */
export function citationKeysInData(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(citationKeysInData);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'citations' && Array.isArray(child) ? child.map(String) : citationKeysInData(child),
  );
}
