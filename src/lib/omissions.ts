/** Loads `content/omissions.yaml`: what the site deliberately does not publish, with the reason. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { omissionsSchema, type Omission } from '../content.config.ts';
import { checkYamlFile, parseYamlFile, type ContentProblem } from './content-problems.ts';

export const omissionsFile = 'content/omissions.yaml';

/** Parses and validates the omissions file's text; throws naming the file, line and field. */
export function parseOmissions(text: string, file = omissionsFile): Omission[] {
  return parseYamlFile(file, text, omissionsSchema);
}

export function loadOmissions(root = process.cwd()): Omission[] {
  return parseOmissions(readFileSync(join(root, omissionsFile), 'utf8'));
}

/**
 * Checks the omissions file's text: its schema, then that every topic it names is one of the topics
 * (by slug). Problems name the file, the line and the field.
 */
export function checkOmissions(text: string, topicSlugs: Set<string>, file = omissionsFile): { data?: Omission[]; problems: ContentProblem[] } {
  const { data, problems, lineOfKey } = checkYamlFile(file, text, omissionsSchema);
  if (!data) return { problems };
  data.forEach((item, index) => {
    if (item.topic && !topicSlugs.has(item.topic)) problems.push({ file, line: lineOfKey([index, 'topic']), message: `field "${index}.topic": topic "${item.topic}" does not exist` });
  });
  return { data: problems.length === 0 ? data : undefined, problems };
}
