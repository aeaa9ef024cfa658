/**
 * The examples in docs/editing-content.md are what an editor copies: the topic's frontmatter, the
 * reference entry and the local file's contacts and notes must pass the schemas the build uses.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { localSchema, referenceSchema, topicSchema } from '../../src/content.config.ts';

const guide = readFileSync('docs/editing-content.md', 'utf8');

/** The fenced block of `language` under the `## heading` of the guide. */
function exampleUnder(heading: string, language: string): string {
  const section = guide.split(new RegExp(`^## ${heading}\\s*$`, 'm'))[1];
  const block = section && new RegExp('```' + language + '\\n([\\s\\S]*?)\\n```').exec(section)?.[1];
  if (!block) throw new Error(`docs/editing-content.md has no \`\`\`${language} block under "## ${heading}"`);
  return block;
}

describe('the examples in docs/editing-content.md', () => {
  it("the topic example's frontmatter is a valid topic", () => {
    const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(exampleUnder('Adding a topic', 'markdown'))?.[1];
    const result = topicSchema.safeParse(parse(frontmatter ?? ''));
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it('the reference example is a valid reference', () => {
    const [entry] = parse(exampleUnder('Adding a reference', 'yaml')) as unknown[];
    const result = referenceSchema.safeParse(entry);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it("the local note example's contacts and notes are valid in a local file", () => {
    const example = parse(exampleUnder('A local note', 'yaml')) as Record<string, unknown>;
    const result = localSchema.safeParse({ organisation: 'Example Valley NHS Trust', owner: 'Renal pharmacy team', updated: '2026-12-01', ...example });
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });
});
