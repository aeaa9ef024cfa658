/**
 * Reads a YAML data file's text against its schema for the code that uses the data (the pages and
 * tools): the data, or an error naming the file and the first field at fault. The build's content
 * checks read the same files with line numbers (checkYamlFile in content-problems.ts) before this runs.
 */
import { parse } from 'yaml';
import type { z } from 'astro/zod';

export function parseYamlData<Schema extends z.ZodType>(text: string, file: string, schema: Schema): z.output<Schema> {
  const result = schema.safeParse(parse(text));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file}: field "${issue.path.join('.')}": ${issue.message}`);
  }
  return result.data;
}
