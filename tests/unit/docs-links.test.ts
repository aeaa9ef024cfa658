/**
 * The README is the front door and docs/ holds the rest: every relative link between them (and to
 * files of the project) must lead to a file that exists, and every #anchor to a heading of that file,
 * with ids as GitHub makes them. Links to other sites are not followed (the machines are offline).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];

/** The text with fenced code blocks blanked out (lines kept, so line numbers hold). */
function withoutFences(markdown: string): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        inFence = !inFence;
        return '';
      }
      return inFence ? '' : line;
    })
    .join('\n');
}

/** The anchors GitHub gives the file's headings (outside code), in order. */
export function headingAnchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const line of withoutFences(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    // The heading as GitHub renders it: code, emphasis and link syntax gone, the words kept.
    const text = heading.replace(/`([^`]*)`/g, '$1').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_]/g, '');
    anchors.add(slugger.slug(text));
  }
  return anchors;
}

interface Link {
  line: number;
  target: string;
}

/** Every inline link and reference definition outside code, with its line. */
export function markdownLinks(markdown: string): Link[] {
  const links: Link[] = [];
  withoutFences(markdown)
    .split('\n')
    .forEach((text, index) => {
      const line = text.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
      for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ line: index + 1, target: match[1] });
      const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(line);
      if (definition) links.push({ line: index + 1, target: definition[1] });
    });
  return links;
}

/** What is wrong with each relative link of `file` (a path from the project root): a missing file or anchor. */
export function brokenLinks(file: string, markdown: string, read: (path: string) => string | undefined): string[] {
  const problems: string[] = [];
  for (const { line, target } of markdownLinks(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const [pathPart, anchor] = target.split('#') as [string, string | undefined];
    const path = pathPart ? normalize(join(dirname(file), decodeURIComponent(pathPart))) : file;
    const where = `${file}:${line}: "${target}"`;
    if (path.startsWith('..')) {
      problems.push(`${where} leads outside the project`);
      continue;
    }
    const text = path === file ? markdown : read(path);
    if (text === undefined) {
      problems.push(`${where}: ${path} does not exist`);
      continue;
    }
    if (anchor !== undefined) {
      if (!path.endsWith('.md')) problems.push(`${where}: an anchor into ${path}, which is not Markdown`);
      else if (!headingAnchors(text).has(anchor)) problems.push(`${where}: ${path} has no heading with the anchor #${anchor}`);
    }
  }
  return problems;
}

/** A project file's text; a folder counts as existing (empty text); undefined when there is nothing there. */
function readProjectFile(path: string): string | undefined {
  const full = join(root, path);
  if (!existsSync(full)) return undefined;
  try {
    return readFileSync(full, 'utf8');
  } catch {
    return '';
  }
}

describe('links between the README and docs/', () => {
  it.each(documents)('%s: every relative link leads to a file and heading that exist', (file) => {
    const markdown = readFileSync(join(root, file), 'utf8');
    expect(brokenLinks(file, markdown, readProjectFile)).toEqual([]);
  });

  it('the README links every document in docs/, and each document links back to the README or another document', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const linked = new Set(markdownLinks(readme).map((link) => normalize(link.target.split('#')[0])));
    for (const file of documents.slice(1)) expect(linked, `README.md links ${file}`).toContain(file);
    for (const file of documents.slice(1)) {
      const targets = markdownLinks(readFileSync(join(root, file), 'utf8')).map((link) => normalize(join(dirname(file), link.target.split('#')[0])));
      expect(targets.some((target) => target !== file && documents.includes(relative('.', target))), `${file} links another document`).toBe(true);
    }
  });

  it('the README keeps the two commands: npm install && npm start, and npm test (what .ci/run runs)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const shellBlocks = [...readme.matchAll(/```sh\n([\s\S]*?)\n```/g)].map((match) => match[1].trim());
    expect(shellBlocks).toEqual(['npm install && npm start', 'npm test']);
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
  });

  it('the checker finds a missing file, a missing anchor and a link outside the project, and ignores code and other sites', () => {
    const files: Record<string, string> = { 'docs/other.md': '# Other\n\n## The bench\'s code\n' };
    const markdown = [
      '# Here',
      '[ok](other.md#the-benchs-code) [ok](#here) [ok](https://example.org/x) [ok](../README.md)',
      '[gone](missing.md) [no anchor](other.md#nowhere) [outside](../../etc/passwd)',
      '`[in code](missing.md)`',
      '```',
      '[in a fence](missing.md)',
      '```',
    ].join('\n');
    const read = (path: string) => (path === 'README.md' ? '# README' : files[path]);
    expect(brokenLinks('docs/here.md', markdown, read)).toEqual([
      'docs/here.md:3: "missing.md": docs/missing.md does not exist',
      'docs/here.md:3: "other.md#nowhere": docs/other.md has no heading with the anchor #nowhere',
      'docs/here.md:3: "../../etc/passwd" leads outside the project',
    ]);
  });
});
