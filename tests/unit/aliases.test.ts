import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { aliasesBySection, missingAliasTargets, parseSearchAliases } from '../../src/lib/aliases';

const aliasesText = readFileSync('content/search-aliases.yaml', 'utf8');

/** Heading ids per topic, as the site gives them (github-slugger over the Markdown headings). */
function headingIdsByTopic(): Map<string, Set<string>> {
  const byTopic = new Map<string, Set<string>>();
  for (const file of readdirSync('content/topics').filter((name) => name.endsWith('.md'))) {
    const slugger = new GithubSlugger();
    const text = readFileSync(join('content/topics', file), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    const ids = new Set<string>();
    for (const [, heading] of text.matchAll(/^#{2,6}\s+(.+?)\s*$/gm)) ids.add(slugger.slug(heading));
    byTopic.set(file.replace(/\.md$/, ''), ids);
  }
  return byTopic;
}

describe('content/search-aliases.yaml', () => {
  const aliases = parseSearchAliases(aliasesText);

  it('parses, with aliases and the nephritic/tacrolimis corrections', () => {
    expect(aliases.aliases.length).toBeGreaterThan(10);
    expect(aliases.corrections.map((correction) => correction.typed)).toEqual(expect.arrayContaining(['nephritic', 'tacrolimis']));
  });

  it('names only sections that exist', () => {
    const headings = headingIdsByTopic();
    expect(headings.get('dosing-and-trough-targets')).toContain('trough-targets-by-phase');
    expect(missingAliasTargets(aliases, headings)).toEqual([]);
  });

  it('covers the names clinicians type for the drug, its brands and the comparators', () => {
    const terms = new Set(aliases.aliases.flatMap((alias) => alias.terms.map((term) => term.toLowerCase())));
    for (const term of ['prograf', 'advagraf', 'envarsus', 'fk506', 'tac', 'cni', 'c0', 'srns', 'sdns', 'frns', 'mcd', 'fsgs', 'ciclosporin', 'mmf']) {
      expect(terms, term).toContain(term);
    }
  });
});

describe('content/search-aliases.yaml has each term once per meaning', () => {
  it('no two entries with the same meaning attach the same term (a term is written once, then attached to every section it needs)', () => {
    const seen = new Map<string, number>();
    for (const alias of parseSearchAliases(aliasesText).aliases) {
      for (const term of alias.terms) {
        const key = `${term.toLowerCase()} | ${alias.meaning}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
    expect([...seen].filter(([, count]) => count > 1).map(([key]) => key)).toEqual([]);
  });
});

describe('aliasesBySection', () => {
  it('gathers each section\'s words from every alias that names it, each word once', () => {
    const bySection = aliasesBySection({
      aliases: [
        { terms: ['Prograf', 'Advagraf'], meaning: 'brands', sections: ['brands#names', 'brands#switching'] },
        { terms: ['Advagraf', 'once daily'], meaning: 'prolonged release', sections: ['brands#names'] },
      ],
      corrections: [],
    });
    expect(bySection.get('brands#names')).toEqual(['Prograf', 'Advagraf', 'once daily']);
    expect(bySection.get('brands#switching')).toEqual(['Prograf', 'Advagraf']);
    expect(bySection.has('brands#other')).toBe(false);
  });
});

describe('missingAliasTargets', () => {
  it('reports a missing topic and a missing heading, not the ones that exist', () => {
    const headings = new Map([['monitoring', new Set(['trough-levels'])]]);
    const aliases = parseSearchAliases(
      'aliases:\n  - terms: [C0]\n    meaning: trough\n    sections: [monitoring#trough-levels, monitoring#no-such-heading, no-such-topic#trough-levels]\n',
    );
    expect(missingAliasTargets(aliases, headings)).toEqual(['monitoring#no-such-heading', 'no-such-topic#trough-levels']);
  });
});

describe('parseSearchAliases', () => {
  it('names the field at fault', () => {
    expect(() => parseSearchAliases('aliases:\n  - terms: [C0]\n    meaning: trough\n    sections: [monitoring trough-levels]\n')).toThrow(
      /content\/search-aliases\.yaml: field "aliases\.0\.sections\.0": write a section as topic-slug#heading-id/,
    );
    expect(() => parseSearchAliases('aliases:\n  - terms: []\n    meaning: trough\n    sections: [monitoring#trough-levels]\n')).toThrow(/field "aliases\.0\.terms"/);
  });

  it('reads a number-like term as text and defaults corrections to none', () => {
    const parsed = parseSearchAliases('aliases:\n  - terms: [506]\n    meaning: FK506\n    sections: [overview#what-tacrolimus-is]\n');
    expect(parsed.aliases[0].terms).toEqual(['506']);
    expect(parsed.corrections).toEqual([]);
  });
});
