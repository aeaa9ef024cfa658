import { readFileSync } from 'node:fs';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { describeUnexpanded, parseAbbreviations, unexpandedAbbreviations, usePattern, writesExpansion, type TextBlock } from '../../src/lib/abbreviations';
import rehypeAbbreviations, { searchAbbreviationsFor } from '../../src/markdown/rehype-abbreviations';

const list = parseAbbreviations(`
abbreviations:
  - abbreviation: FSGS
    expansion: focal segmental glomerulosclerosis
  - abbreviation: TMA
    expansion: thrombotic microangiopathy
  - abbreviation: NSAID
    expansion: non-steroidal anti-inflammatory drug
    plural: non-steroidal anti-inflammatory drugs
  - abbreviation: UPCR
    expansion: urine protein:creatinine ratio
    also_written: [protein-to-creatinine ratio]
    also_typed: [uPCR]
  - abbreviation: AUC
    expansion: area under the concentration-time curve
  - abbreviation: PLA2R
    expansion: phospholipase A2 receptor
  - abbreviation: IPNA
    expansion: International Pediatric Nephrology Association
  - abbreviation: VZV
    expansion: varicella zoster virus
`).abbreviations;

const blocks = (...lines: string[]): TextBlock[] => lines.map((line) => (line.startsWith('# ') ? { text: line.slice(2), heading: true } : { text: line, heading: false }));

describe('content/abbreviations.yaml', () => {
  const entries = parseAbbreviations(readFileSync('content/abbreviations.yaml', 'utf8')).abbreviations;

  it('lists the abbreviations clinicians type, with their expansions', () => {
    const expansions = Object.fromEntries(entries.map((entry) => [entry.abbreviation, entry.expansion]));
    expect(expansions).toMatchObject({
      TMA: 'thrombotic microangiopathy',
      PRES: 'posterior reversible encephalopathy syndrome',
      CNI: 'calcineurin inhibitor',
      MMF: 'mycophenolate mofetil',
      MPA: 'mycophenolic acid',
      RTX: 'rituximab',
      CYC: 'cyclophosphamide',
      MCD: 'minimal change disease',
      FSGS: 'focal segmental glomerulosclerosis',
      MN: 'membranous nephropathy',
      LN: 'lupus nephritis',
      SRNS: 'steroid-resistant nephrotic syndrome',
      SSNS: 'steroid-sensitive nephrotic syndrome',
      FRNS: 'frequently relapsing nephrotic syndrome',
      SDNS: 'steroid-dependent nephrotic syndrome',
      eGFR: 'estimated glomerular filtration rate',
      TDM: 'therapeutic drug monitoring',
      PJP: 'Pneumocystis jirovecii pneumonia',
      CMV: 'cytomegalovirus',
      HBV: 'hepatitis B virus',
      VZV: 'varicella zoster virus',
      AKI: 'acute kidney injury',
      CKD: 'chronic kidney disease',
      IR: 'immediate-release',
      PR: 'prolonged-release',
      XL: 'extended-release',
      C0: 'trough concentration',
    });
    expect(entries.find((entry) => entry.abbreviation === 'UPCR')?.also_typed).toContain('uPCR');
  });

  it('rejects an entry whose expansion repeats the letters, an unknown field, and a duplicate', () => {
    expect(() => parseAbbreviations('abbreviations:\n  - abbreviation: TMA\n    expansion: TMA syndrome\n')).toThrow(
      'content/abbreviations.yaml: field "abbreviations.0": the expansion must spell the abbreviation out, not repeat it',
    );
    expect(() => parseAbbreviations('abbreviations:\n  - abbreviation: TMA\n    expansion: thrombotic microangiopathy\n    meaning: x\n')).toThrow(/field "abbreviations\.0"/);
    expect(() =>
      parseAbbreviations('abbreviations:\n  - abbreviation: MN\n    expansion: membranous nephropathy\n  - abbreviation: MN\n    expansion: minimal nephropathy\n'),
    ).toThrow('field "abbreviations": each abbreviation once');
  });
});

describe('uses and expansions', () => {
  const [fsgs, , nsaid, upcr] = list;

  it('matches the letters as a word of their own, in compounds, plurals and other letters', () => {
    expect('FSGS-UC, primary FSGS.'.match(usePattern(fsgs))).toEqual(['FSGS', 'FSGS']);
    expect('FSGSX or fsgs'.match(usePattern(fsgs))).toBeNull();
    expect('NSAIDs and an NSAID'.match(usePattern(nsaid))).toEqual(['NSAIDs', 'NSAID']);
    expect('a uPCR of 20'.match(usePattern(upcr))).toEqual(['uPCR']);
  });

  it('counts the expansion, its plural and its other wordings, ignoring case and hyphens', () => {
    expect(writesExpansion('Focal segmental glomerulosclerosis is ...', fsgs)).toBe(true);
    expect(writesExpansion('non-steroidal anti-inflammatory drugs', nsaid)).toBe(true);
    expect(writesExpansion('the protein-to-creatinine ratio', upcr)).toBe(true);
    expect(writesExpansion('segmental sclerosis', fsgs)).toBe(false);
  });
});

describe('unexpandedAbbreviations (the build check)', () => {
  it('accepts an abbreviation expanded at or before its first use, headings included', () => {
    expect(unexpandedAbbreviations(blocks('Focal segmental glomerulosclerosis (FSGS) responds.', 'FSGS again.'), list)).toEqual([]);
    expect(unexpandedAbbreviations(blocks('FSGS (focal segmental glomerulosclerosis) responds.'), list)).toEqual([]);
    expect(unexpandedAbbreviations(blocks('# Focal segmental glomerulosclerosis', 'In FSGS, ...'), list)).toEqual([]);
    // A heading's use is a label, not the first use: the text under it expands it.
    expect(unexpandedAbbreviations(blocks('# Adults with FSGS', 'Focal segmental glomerulosclerosis (FSGS) in adults.'), list)).toEqual([]);
  });

  it('rejects a first use with no expansion before it, naming the abbreviation and the sentence', () => {
    const problems = unexpandedAbbreviations(
      blocks('Tacrolimus is used in nephrotic syndrome.', 'Stop it if TMA is suspected. Check the film.', 'Thrombotic microangiopathy (TMA) is rare.'),
      list,
    );
    expect(problems).toEqual([{ abbreviation: 'TMA', expansion: 'thrombotic microangiopathy', sentence: 'Stop it if TMA is suspected.', onlyInHeadings: false }]);
    expect(describeUnexpanded('content/topics/adverse-effects.md', problems[0])).toBe(
      'content/topics/adverse-effects.md: abbreviation "TMA" is used before it is expanded, in "Stop it if TMA is suspected.": write "thrombotic microangiopathy (TMA)" at its first use in the text (content/abbreviations.yaml gives its expansion)',
    );
  });

  it('rejects an abbreviation used only in headings', () => {
    const problems = unexpandedAbbreviations(blocks('# NSAIDs', 'Avoid them.'), list);
    expect(problems).toMatchObject([{ abbreviation: 'NSAID', sentence: 'NSAIDs', onlyInHeadings: true }]);
    expect(describeUnexpanded('content/topics/x.md', problems[0])).toMatch(/^content\/topics\/x\.md: abbreviation "NSAID" is used only in the heading "NSAIDs"/);
  });
});

/** Runs the rehype step on an HTML fragment as a topic's Markdown would give it. */
function expand(html: string): string {
  const tree = fromHtml(html, { fragment: true }) as Root;
  rehypeAbbreviations({ entries: list, handAttached: new Set(['fsgs']) })(tree, { path: '/site/content/topics/example.md' });
  return toHtml(tree);
}

describe('rehypeAbbreviations (the build step)', () => {
  it('expands the first unexpanded use in the text, never in a heading, and leaves later uses', () => {
    expect(expand('<h2 id="fsgs">FSGS in adults</h2><p>In adult FSGS, treat. FSGS relapses.</p>')).toBe(
      '<h2 id="fsgs">FSGS in adults</h2><p>In adult FSGS<span class="abbreviation-expansion" data-pagefind-ignore=""> (focal segmental glomerulosclerosis)</span>, treat. FSGS relapses.</p>',
    );
  });

  it('leaves text that already expands it', () => {
    const html = '<p>Thrombotic microangiopathy (TMA) is rare. TMA is serious.</p>';
    expect(expand(html)).toBe(html);
  });

  it('writes plurals, compounds, possessives and bracketed uses so they read well', () => {
    expect(expand('<p>Avoid NSAIDs.</p>')).toBe('<p>Avoid NSAIDs<span class="abbreviation-expansion" data-pagefind-ignore=""> (non-steroidal anti-inflammatory drugs)</span>.</p>');
    expect(expand('<p>Check anti-PLA2R.</p>')).toBe('<p>Check anti-PLA2R<span class="abbreviation-expansion" data-pagefind-ignore=""> (PLA2R: phospholipase A2 receptor)</span>.</p>');
    expect(expand('<p>Exposure (AUC) rose.</p>')).toBe('<p>Exposure (AUC<span class="abbreviation-expansion" data-pagefind-ignore="">: area under the concentration-time curve</span>) rose.</p>');
    expect(expand('<table><tr><th>Children (IPNA 2022)</th></tr></table>')).toBe(
      '<table><tbody><tr><th>Children (IPNA<span class="abbreviation-expansion" data-pagefind-ignore=""> [International Pediatric Nephrology Association]</span> 2022)</th></tr></tbody></table>',
    );
  });

  it('skips citation numbers and code', () => {
    expect(expand('<p><code>TMA</code> and <sup class="citation">TMA</sup></p>')).toBe('<p><code>TMA</code> and <sup class="citation">TMA</sup></p>');
  });

  it('fails on a use it cannot expand, naming the file, the abbreviation and the heading', () => {
    expect(() => expand('<h2 id="avoid">Avoid NSAIDs</h2><p>They harm the kidney.</p>')).toThrow(
      'content/topics/example.md: abbreviation "NSAID" is used only in the heading "Avoid NSAIDs"',
    );
  });

  it('lets a section that writes the expansion out be found by the letters, keeping existing aliases', () => {
    const html = expand('<h2 id="blood" data-search-aliases="⟦ anaemia ⟧" data-pagefind-index-attrs="data-search-aliases">Blood</h2><p>Thrombotic microangiopathy (TMA) is rare.</p><h3 id="later">Later</h3><p>Thrombotic microangiopathy again.</p><h3 id="fsgs">FSGS</h3><p>Focal segmental glomerulosclerosis (FSGS), and later focal segmental glomerulosclerosis.</p><h3 id="more">More</h3><p>Focal segmental glomerulosclerosis.</p>');
    expect(html).toContain('<h2 id="blood" data-search-aliases="⟦ anaemia ⟧"');
    expect(html).toContain('<h3 id="later" data-search-aliases="⟦ TMA ⟧" data-pagefind-index-attrs="data-search-aliases">');
    // FSGS is attached by hand in content/search-aliases.yaml (here, handAttached): the rule leaves it alone.
    expect(html).toContain('<h3 id="more">');
  });

  it('adds no letters to a section that uses them already', () => {
    expect(searchAbbreviationsFor('Remission', 'a UPCR under 20; the urine protein:creatinine ratio', list)).toEqual([]);
    expect(searchAbbreviationsFor('Remission', 'the urine protein:creatinine ratio', list)).toEqual(['UPCR', 'uPCR']);
  });
});
