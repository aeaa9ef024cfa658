/** Loads `content/sources-used.yaml`: the main sources, what each is and how far it could be checked. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourcesUsedSchema, type SourceUsed } from '../content.config.ts';
import { checkYamlFile, parseYamlFile, type ContentProblem } from './content-problems.ts';

export const sourcesUsedFile = 'content/sources-used.yaml';

/** The about page's anchor for this list; topics link to it as `page:about#sources-used`. */
export const sourcesUsedAnchor = 'sources-used';

/** Validates the file's text, and that every reference it names is in the bibliography. */
export function checkSourcesUsed(text: string, referenceIds: Set<string>, file = sourcesUsedFile): { data?: SourceUsed[]; problems: ContentProblem[] } {
  const { data, problems, lineOfKey } = checkYamlFile(file, text, sourcesUsedSchema);
  if (!data) return { problems };
  data.forEach((source, index) =>
    source.references.forEach((id, at) => {
      if (!referenceIds.has(id)) problems.push({ file, line: lineOfKey([index, 'references', at]), message: `reference "${id}" is not in content/references.yaml` });
    }),
  );
  return { data: problems.length === 0 ? data : undefined, problems };
}

/** Parses and validates the file's text (schema only); throws naming the file, line and field. */
export function parseSourcesUsed(text: string, file = sourcesUsedFile): SourceUsed[] {
  return parseYamlFile(file, text, sourcesUsedSchema);
}

export function loadSourcesUsed(root = process.cwd()): SourceUsed[] {
  return parseSourcesUsed(readFileSync(join(root, sourcesUsedFile), 'utf8'));
}
