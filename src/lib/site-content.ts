/** Loads `content/site.yaml`: the content version, the editorial owner and the releases so far. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteContent } from '../content.config.ts';
import { checkSiteContent, throwProblems } from './content-checks.ts';

export const siteContentFile = 'content/site.yaml';

export function parseSiteContent(text: string, file = siteContentFile): SiteContent {
  const { site, problems } = checkSiteContent({ file, text });
  if (!site || problems.length > 0) throwProblems(problems);
  return site;
}

export function loadSiteContent(root = process.cwd()): SiteContent {
  return parseSiteContent(readFileSync(join(root, siteContentFile), 'utf8'));
}
