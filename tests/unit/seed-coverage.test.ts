/**
 * Every figure in the source documents must reach a topic page. The seeds live beside the
 * repository (../shared/seeds), as they do on the development machines and in CI.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const seedsDir = join(import.meta.dirname, '../../../shared/seeds');
const topicsDir = join(import.meta.dirname, '../../content/topics');
const topicsText = readdirSync(topicsDir)
  .map((file) => readFileSync(join(topicsDir, file), 'utf8'))
  .join('\n')
  .replace(/\s+/g, '');

const readSeeds = () => readdirSync(seedsDir).map((file) => ({ file, text: readFileSync(join(seedsDir, file), 'utf8') }));

// Skipped (and reported as skipped) only where the repository is checked out without shared/ beside it.
describe.skipIf(!existsSync(seedsDir))('source-document coverage', () => {
  it('finds the source documents', () => {
    expect(readSeeds().length).toBeGreaterThanOrEqual(2);
  });

  it('carries every dose, level, percentage and duration figure onto a topic page', () => {
    const missing: string[] = [];
    for (const seed of readSeeds()) {
      for (const figure of seed.text.matchAll(/\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?\s*(?:%|mg\/kg\/day|mg\/kg|ng\/mL|mg\/day|months?)/g)) {
        if (!topicsText.includes(figure[0].replace(/\s+/g, ''))) missing.push(`${seed.file}: ${figure[0]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('covers the named claims: agents, cautions and mechanism', () => {
    const text = topicsText.toLowerCase();
    for (const claim of ['gonadotox', 'fertility', 'rituximab', 'mycophenolate', 'growth', 'vascularorinterstitial', 'egfr', 'northamerica', 'fkbp-12', 'il-2', 'dyslipid', 'quarter']) {
      expect(text, claim).toContain(claim);
    }
  });
});
