/**
 * How a content problem is told, and YAML content files read with their line numbers: a problem names
 * the file, the line where known, and the key or field at fault (`file:line: message`); a YAML file is
 * validated against its zod schema with each issue placed on the line of its key.
 */
import { LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'astro/zod';

export interface ContentProblem {
  file: string;
  line?: number;
  message: string;
}

/** `file:line: message`, the form editors and CI logs make clickable. */
export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`;
}

export function yamlLineLookup(doc: ReturnType<typeof parseDocument>, counter: LineCounter, firstLine: number) {
  return (path: Array<string | number>): number | undefined => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as YamlNode | undefined;
      const offset = node?.range?.[0];
      if (offset !== undefined) return counter.linePos(offset).line + firstLine - 1;
    }
    return undefined;
  };
}

function valueAt(value: unknown, path: Array<string | number>): unknown {
  return path.reduce<unknown>((current, key) => (current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined), value);
}

export function schemaProblems(
  file: string,
  schema: z.ZodType,
  value: unknown,
  lineOfKey: (path: Array<string | number>) => number | undefined,
  fallbackLine: number | undefined,
  prefix = '',
): ContentProblem[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
    const field = path.join('.');
    const missing = valueAt(value, path) === undefined;
    return {
      file,
      line: lineOfKey(path) ?? fallbackLine,
      message: missing
        ? `${prefix}required field "${field}" is missing`
        : `${prefix}field "${field || '(root)'}": ${issue.message}`,
    };
  });
}

/**
 * Parses a YAML content file and validates it against its schema: the data when valid, otherwise
 * every problem with the file, the line and the field at fault.
 */
export function checkYamlFile<T extends z.ZodType>(
  file: string,
  text: string,
  schema: T,
): { data?: z.output<T>; problems: ContentProblem[]; lineOfKey: (path: Array<string | number>) => number | undefined } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const lineOfKey = yamlLineLookup(doc, counter, 1);
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    return { problems: [{ file, line: error.linePos?.[0].line, message: `not valid YAML: ${error.message.split('\n')[0]}` }], lineOfKey };
  }
  const value = doc.toJS();
  const problems = schemaProblems(file, schema, value, lineOfKey, 1);
  if (problems.length > 0) return { problems, lineOfKey };
  return { data: schema.parse(value), problems, lineOfKey };
}

/** A YAML content file's data, or one error listing every problem with its line (for loaders that run during the build). */
export function parseYamlFile<T extends z.ZodType>(file: string, text: string, schema: T): z.output<T> {
  const { data, problems } = checkYamlFile(file, text, schema);
  if (!data) throwProblems(problems);
  return data;
}

/** Throws one error listing every problem, for loaders that run during the build. */
export function throwProblems(problems: ContentProblem[]): never {
  throw new Error(`Content check failed with ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
}
