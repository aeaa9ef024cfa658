/**
 * Astro integration: runs the project's content checks before anything is built, and stops the
 * build with every problem listed (file, line, key) rather than the first one Astro meets.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { parse } from 'yaml';
import { checkContent, checkReferences, citationKeysInData, formatProblem, type MarkdownSource } from '../lib/content-checks.ts';
import { checkSourcesUsed, sourcesUsedFile } from '../lib/sources-used.ts';
import { checkOmissions } from '../lib/omissions.ts';
import { localFilePath } from '../lib/local.ts';
import { approvalProblems } from '../lib/approval.ts';

function readSource(root: string, path: string): MarkdownSource {
  return { file: relative(root, path), text: readFileSync(path, 'utf8') };
}

/**
 * Reads `content/` from disk and checks it; returns the problems as printable lines. `env` carries
 * APPROVALS=strict, which fails a topic changed since its approval (src/lib/approval.ts).
 */
export function checkContentFolder(root: string, env: Record<string, string | undefined> = process.env): string[] {
  const contentDir = join(root, 'content');
  const topicsDir = join(contentDir, 'topics');
  const referencesPath = join(contentDir, 'references.yaml');
  if (!existsSync(referencesPath)) return ['content/references.yaml: file is missing'];
  const topics = existsSync(topicsDir)
    ? readdirSync(topicsDir, { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.mdx?$/.test(name))
        .sort()
        .map((name) => readSource(root, join(topicsDir, name)))
    : [];
  const glancePath = join(contentDir, 'at-a-glance.md');
  const aliasesPath = join(contentDir, 'search-aliases.yaml');
  // The tools' data files cite references too (the dose tools, the product strengths table).
  const dataCitations = ['dose-tools.yaml', 'products.yaml']
    .map((name) => join(contentDir, name))
    .filter((path) => existsSync(path))
    .map((path) => ({ file: relative(root, path), keys: citationKeysInData(parse(readFileSync(path, 'utf8'))) }));
  const sitePath = join(contentDir, 'site.yaml');
  const localPath = localFilePath(root);
  const { problems } = checkContent({
    referencesFile: relative(root, referencesPath),
    referencesText: readFileSync(referencesPath, 'utf8'),
    topics,
    glance: existsSync(glancePath) ? readSource(root, glancePath) : undefined,
    aliases: existsSync(aliasesPath) ? readSource(root, aliasesPath) : undefined,
    dataCitations,
    site: existsSync(sitePath) ? readSource(root, sitePath) : undefined,
    local: localPath ? readSource(root, localPath) : undefined,
  });
  if (!existsSync(sitePath)) problems.push({ file: 'content/site.yaml', message: 'file is missing: it holds the content version and owner' });
  const omissionsPath = join(contentDir, 'omissions.yaml');
  if (existsSync(omissionsPath)) {
    // A subject names its topic by slug: it must be one of the topics.
    const slugs = new Set(topics.map((topic) => topic.file.split('/').pop()!.replace(/\.mdx?$/, '')));
    problems.push(...checkOmissions(readFileSync(omissionsPath, 'utf8'), slugs).problems);
  } else problems.push({ file: 'content/omissions.yaml', message: 'file is missing' });
  const sourcesPath = join(root, sourcesUsedFile);
  if (existsSync(sourcesPath)) {
    const { ids } = checkReferences(relative(root, referencesPath), readFileSync(referencesPath, 'utf8'));
    problems.push(...checkSourcesUsed(readFileSync(sourcesPath, 'utf8'), ids).problems);
  } else problems.push({ file: sourcesUsedFile, message: 'file is missing: it says what the main sources are (the about page links topics to it)' });
  if (problems.length === 0) problems.push(...approvalProblems(root, env));
  return problems.map(formatProblem);
}

export default function contentChecks(): AstroIntegration {
  return {
    name: 'tacrolimus-reference:content-checks',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = config.root instanceof URL ? config.root.pathname : String(config.root);
        const problems = checkContentFolder(root);
        if (problems.length > 0) {
          for (const line of problems) logger.error(line);
          throw new Error(`Content check failed with ${problems.length} problem(s):\n${problems.join('\n')}`);
        }
        logger.info('content checks passed');
      },
    },
  };
}
