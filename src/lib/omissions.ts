/** Loads `content/omissions.yaml`: what the site deliberately does not publish, with the reason. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { omissionsSchema, type Omission } from '../content.config.ts';
import { checkYamlFile, throwProblems } from './content-checks.ts';

export const omissionsFile = 'content/omissions.yaml';

/** Parses and validates the omissions file's text; throws naming the file, line and field. */
export function parseOmissions(text: string, file = omissionsFile): Omission[] {
  const { data, problems } = checkYamlFile(file, text, omissionsSchema);
  if (!data) throwProblems(problems);
  return data;
}

export function loadOmissions(root = process.cwd()): Omission[] {
  return parseOmissions(readFileSync(join(root, omissionsFile), 'utf8'));
}
