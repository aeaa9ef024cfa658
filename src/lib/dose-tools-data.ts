/** Loads `content/dose-tools.yaml`, the regimens and trough ranges the dose tools use. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { doseToolsSchema, type DoseTools } from '../content.config.ts';

export function loadDoseTools(root = process.cwd()): DoseTools {
  const result = doseToolsSchema.safeParse(parse(readFileSync(join(root, 'content/dose-tools.yaml'), 'utf8')));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`content/dose-tools.yaml: field "${issue.path.join('.')}": ${issue.message}`);
  }
  return result.data;
}
