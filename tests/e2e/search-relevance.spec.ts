/**
 * Does search find the answer a clinician is looking for? A table of realistic queries, each with the
 * topic (and, where it matters, the section) that answers it, and every alias in
 * content/search-aliases.yaml checked against the sections it is meant to find.
 *
 * The big tables call Pagefind in the page (fast) and pick the results exactly as the search box
 * does (src/scripts/search-ui.ts): the query is cleaned and corrected first, the first 5 topics are
 * shown, and under each the 3 heading sections with the most matches. A handful of queries also go
 * through the real search box.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { parse } from 'yaml';
import { searchedQuery } from '../../src/lib/searched-query.ts';

interface Case {
  query: string;
  /** Topic slug (or a page's first path segment) expected among the first 3 results. */
  topic: string;
  /**
   * Heading id expected among that topic's section links (a link to a subsection of it counts);
   * when absent, any section link will do.
   */
  section?: string;
}

const cases: Case[] = [
  // Dosing and levels
  { query: 'starting dose mg/kg', topic: 'dosing-and-trough-targets', section: 'starting-dose' },
  { query: 'FK506 child dose', topic: 'dosing-and-trough-targets', section: 'starting-dose' },
  { query: 'trough target maintenance', topic: 'dosing-and-trough-targets', section: 'trough-targets-by-phase' },
  { query: 'partial responders trough', topic: 'dosing-and-trough-targets', section: 'trough-targets-by-phase' },
  // The weight-band tables have a page of their own (not a topic): its first path segment stands for the slug.
  { query: 'weight band', topic: 'weight-band-tables' },
  { query: 'dose by weight table', topic: 'weight-band-tables' },
  // So has the dose and trough calculator.
  { query: 'dose calculator', topic: 'dose-calculator' },
  { query: 'trough check', topic: 'monitoring', section: 'trough-levels' },
  { query: 'how long continue tacrolimus', topic: 'dosing-and-trough-targets', section: 'duration-of-treatment' },
  { query: 'steroid taper', topic: 'dosing-and-trough-targets', section: 'timing-of-the-steroid-taper' },
  { query: 'when to take trough sample', topic: 'level-sampling', section: 'when-to-take-the-sample' },
  { query: 'C0', topic: 'level-sampling', section: 'when-to-take-the-sample' },
  // Several sections of the sampling topic have "level" in their heading: the topic is the answer.
  { query: 'level', topic: 'level-sampling' },
  { query: 'assay', topic: 'level-sampling', section: 'assay-differences' },
  { query: 'pre-dose level', topic: 'level-sampling', section: 'when-to-take-the-sample' },
  // Brands and formulations
  { query: 'Prograf', topic: 'formulations-and-brands', section: 'immediate-release-and-prolonged-release-products' },
  { query: 'Advagraf switching', topic: 'formulations-and-brands', section: 'switching-between-products' },
  { query: 'Envarsus conversion', topic: 'formulations-and-brands', section: 'envarsus-dose-conversion' },
  { query: 'tac', topic: 'overview', section: 'what-tacrolimus-is' },
  { query: 'tacro', topic: 'overview', section: 'what-tacrolimus-is' },
  { query: 'CNI', topic: 'overview', section: 'mechanism-of-action' },
  // Response, failure, stopping
  { query: 'when to declare failure', topic: 'treatment-failure', section: 'defining-tacrolimus-resistance' },
  { query: 'MMF', topic: 'treatment-failure', section: 'next-agents' },
  { query: 'relapse after stopping', topic: 'pitfalls', section: 'relapse-on-tapering-and-stopping' },
  { query: 'biopsy', topic: 'pitfalls', section: 'when-to-biopsy' },
  // Safety and monitoring
  { query: 'creatinine rise 25%', topic: 'pitfalls', section: 'responding-to-a-rising-creatinine' },
  { query: 'eGFR', topic: 'contraindications-and-cautions', section: 'reduced-egfr' },
  { query: 'gum hypertrophy', topic: 'adverse-effects', section: 'cosmetic-effects-compared-with-ciclosporin' },
  { query: 'hair growth', topic: 'comparisons', section: 'cosmetic-side-effects' },
  { query: 'tremor', topic: 'adverse-effects', section: 'neurotoxicity-tremor-and-headache' },
  { query: 'diabetes', topic: 'adverse-effects', section: 'glucose-intolerance-and-new-onset-diabetes' },
  { query: 'potassium', topic: 'potassium-and-magnesium', section: 'high-potassium-hyperkalaemia' },
  // Potassium and magnesium (split out of Adverse effects): high potassium and low magnesium.
  { query: 'hyperkalaemia', topic: 'potassium-and-magnesium', section: 'high-potassium-hyperkalaemia' },
  { query: 'low magnesium', topic: 'potassium-and-magnesium', section: 'low-magnesium-hypomagnesaemia' },
  { query: 'growth children', topic: 'monitoring', section: 'growth-in-children' },
  { query: 'grapefruit', topic: 'drug-interactions', section: 'interaction-table' },
  { query: 'diarrhoea levels', topic: 'drug-interactions', section: 'diarrhoea' },
  // Drugs that add to tacrolimus toxicity (split out of Drug interactions): potassium, ciclosporin, nephrotoxic drugs.
  { query: 'potassium sparing diuretic tacrolimus', topic: 'added-toxicity', section: 'potassium' },
  { query: 'stop ciclosporin before tacrolimus', topic: 'added-toxicity', section: 'ciclosporin' },
  { query: 'ciclosporin interaction', topic: 'added-toxicity', section: 'ciclosporin' },
  { query: 'spironolactone', topic: 'added-toxicity', section: 'potassium' },
  { query: 'NSAIDs', topic: 'added-toxicity', section: 'added-kidney-and-nerve-toxicity' },
  // US spellings of words the guidance spells the UK way
  { query: 'diarrhea', topic: 'drug-interactions', section: 'diarrhoea' },
  { query: 'hyperkalemia', topic: 'potassium-and-magnesium', section: 'high-potassium-hyperkalaemia' },
  { query: 'hyperglycemia', topic: 'adverse-effects', section: 'glucose-intolerance-and-new-onset-diabetes' },
  // ... found by the spelling rule (src/lib/spelling-rules.ts), not by aliases: either spelling, same sections.
  { query: 'edema', topic: 'special-populations', section: 'body-weight-obesity-and-oedema' },
  { query: 'anemia', topic: 'adverse-effects', section: 'blood-disorders' },
  { query: 'hemolytic anemia', topic: 'adverse-effects', section: 'blood-disorders' },
  { query: 'pediatric', topic: 'special-populations' },
  { query: 'pediatric dosing', topic: 'special-populations', section: 'dosing-and-target-levels' },
  { query: 'hypomagnesemia', topic: 'potassium-and-magnesium', section: 'low-magnesium-hypomagnesaemia' },
  { query: 'hyperkalemia ACE inhibitor', topic: 'potassium-and-magnesium' },
  { query: 'cyclosporine versus tacrolimus', topic: 'comparisons', section: 'versus-ciclosporin' },
  { query: 'hematocrit pregnancy', topic: 'vaccines-pregnancy-breastfeeding', section: 'trough-levels-in-pregnancy' },
  // The other way: British spellings of words the pages spell the American way.
  { query: 'foetal', topic: 'vaccines-pregnancy-breastfeeding' },
  { query: 'leucoencephalopathy', topic: 'adverse-effects', section: 'infections-and-malignancy' },
  // Abbreviations from content/abbreviations.yaml: the sections that write the expansion out.
  { query: 'TMA', topic: 'adverse-effects', section: 'blood-disorders' },
  { query: 'PRES', topic: 'adverse-effects', section: 'neurotoxicity-tremor-and-headache' },
  { query: 'RTX', topic: 'treatment-failure', section: 'next-agents' },
  { query: 'CYC', topic: 'comparisons', section: 'versus-cyclophosphamide' },
  { query: 'UPCR', topic: 'indications', section: 'definitions-of-remission' },
  { query: 'uPCR', topic: 'indications', section: 'definitions-of-remission' },
  { query: 'TDM', topic: 'overview' },
  { query: 'VZV', topic: 'vaccines-pregnancy-breastfeeding', section: 'chickenpox-and-shingles-exposure' },
  { query: 'HBV', topic: 'monitoring', section: 'before-starting' },
  { query: 'IR', topic: 'formulations-and-brands', section: 'immediate-release-and-prolonged-release-products' },
  { query: 'MPA', topic: 'added-toxicity' },
  { query: 'LN', topic: 'special-populations', section: 'lupus-nephritis' },
  { query: 'MN', topic: 'disease-specific-use', section: 'membranous-nephropathy' },
  // Comparators
  { query: 'ciclosporin', topic: 'comparisons', section: 'versus-ciclosporin' },
  { query: 'cyclosporine', topic: 'comparisons', section: 'versus-ciclosporin' },
  { query: 'cyclophosphamide fertility', topic: 'comparisons', section: 'gonadotoxicity-and-fertility' },
  // Diseases and patterns of response
  { query: 'lupus nephritis', topic: 'disease-specific-use', section: 'lupus-nephritis' },
  { query: 'membranous nephropathy remission', topic: 'disease-specific-use', section: 'membranous-nephropathy' },
  { query: 'FSGS adults', topic: 'indications', section: 'adults-with-steroid-resistant-fsgs' },
  { query: 'SRNS children', topic: 'indications', section: 'children-response-rates' },
  { query: 'SDNS', topic: 'indications', section: 'steroid-dependent-and-frequently-relapsing-disease' },
  { query: 'FRNS', topic: 'indications', section: 'steroid-dependent-and-frequently-relapsing-disease' },
  { query: 'MCD', topic: 'disease-specific-use', section: 'minimal-change-disease' },
  { query: 'nephritic syndrome children', topic: 'special-populations' },
  // Pregnancy, breastfeeding, vaccines
  { query: 'breastfeeding', topic: 'vaccines-pregnancy-breastfeeding', section: 'breastfeeding' },
  { query: 'live vaccine', topic: 'vaccines-pregnancy-breastfeeding', section: 'live-vaccines' },
  // --- Lay words and brand-plus-task searches (issue 16): a brand with a task lands on the brand's
  // section, not the dosing topic; symptoms in a patient's or a new user's words find the safety section.
  { query: 'Prograf dose', topic: 'formulations-and-brands', section: 'product-strengths' },
  { query: 'Advagraf once daily', topic: 'formulations-and-brands', section: 'immediate-release-and-prolonged-release-products' },
  { query: 'Envarsus dose', topic: 'formulations-and-brands', section: 'envarsus-dose-conversion' },
  { query: 'switch brand', topic: 'formulations-and-brands', section: 'switching-between-products' },
  { query: 'generic tacrolimus', topic: 'formulations-and-brands' },
  { query: 'shaking', topic: 'adverse-effects', section: 'neurotoxicity-tremor-and-headache' },
  { query: 'shaky hands', topic: 'adverse-effects', section: 'neurotoxicity-tremor-and-headache' },
  { query: 'fits', topic: 'adverse-effects', section: 'neurotoxicity-tremor-and-headache' },
  { query: 'convulsions', topic: 'adverse-effects', section: 'neurotoxicity-tremor-and-headache' },
  { query: 'water retention', topic: 'adverse-effects', section: 'gastrointestinal-and-other-common-effects' },
  { query: 'swollen ankles', topic: 'adverse-effects', section: 'gastrointestinal-and-other-common-effects' },
  { query: 'kidneys getting worse', topic: 'pitfalls', section: 'nephrotoxicity' },
  { query: 'kidney damage', topic: 'pitfalls', section: 'nephrotoxicity' },
  { query: 'AKI', topic: 'adverse-effects', section: 'nephrotoxicity' },
  { query: 'high blood pressure', topic: 'adverse-effects', section: 'hypertension' },
  { query: 'upset stomach', topic: 'adverse-effects', section: 'gastrointestinal-and-other-common-effects' },
];

/** A brand with a task must put the brand's topic first, above the dosing topic. */
const brandFirst = ['Prograf dose', 'Advagraf dose', 'Envarsus dose', 'Modigraf dose', 'Prograf dosing'];

interface AliasesFile {
  aliases: Array<{ terms: Array<string | number>; meaning: string; sections: string[] }>;
  corrections: Array<{ typed: string; searched: string; note: string }>;
}
const aliasesFile = parse(readFileSync('content/search-aliases.yaml', 'utf8')) as AliasesFile;
const aliases = aliasesFile.aliases.map((alias) => ({ ...alias, terms: alias.terms.map(String) }));

/** The spelling map the build made from the pages (src/integrations/pagefind.ts). */
const spellings = (JSON.parse(readFileSync(join('dist', 'search-data.json'), 'utf8')) as { spellings?: Record<string, string> }).spellings ?? {};

/** What the search box would search for a typed query: cleaned, corrected and respelt, as the box does. */
const searched = (typed: string) => searchedQuery(typed, { corrections: aliasesFile.corrections, spellings }).query;

/**
 * For each heading id on a built topic page, the id of the second-level section it sits in, so a
 * result for a subsection (h3) counts as reaching the section (h2) an alias names.
 */
function enclosingSections(slug: string): Map<string, string> {
  const html = readFileSync(join('dist', 'topics', slug, 'index.html'), 'utf8');
  const map = new Map<string, string>();
  for (const [, sectionId, body] of html.matchAll(/<section[^>]*data-section="([^"]+)"[^>]*>([\s\S]*?)<\/section>/g)) {
    for (const [, id] of body.matchAll(/<h[2-6][^>]*\sid="([^"]+)"/g)) map.set(id, sectionId);
  }
  return map;
}

/** One result as the search box shows it: the topic, and its up-to-3 section links. */
interface Shown {
  topic: string;
  url: string;
  sections: string[];
}

/** Runs queries through Pagefind in a real page and returns what the search box would show for each. */
async function shownFor(browser: Browser, queries: string[]): Promise<Map<string, { count: number; results: Shown[] }>> {
  const page = await browser.newPage();
  await page.goto('/topics/overview/');
  const answers = await page.evaluate(async (queries) => {
    type SubResult = { url: string; title: string; anchor?: { id: string }; locations: number[] };
    // The search box's order (src/lib/section-rank.ts, unit-tested there), written again here because
    // this runs in the page: a heading holding every word searched first, then the most matches.
    const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 2);
    const headingHasEveryWord = (title: string, query: string) => {
      const wanted = words(query);
      const heading = words(title);
      return wanted.length > 0 && wanted.every((word) => heading.some((headingWord) => headingWord.startsWith(word)));
    };
    type Data = { url: string; sub_results: SubResult[] };
    const pagefindUrl = '/pagefind/pagefind.js';
    const pagefind = await import(/* @vite-ignore */ pagefindUrl);
    await pagefind.options({ baseUrl: '/', highlightParam: 'highlight', excerptLength: 22 });
    await pagefind.init();
    const out: Array<[string, { count: number; results: Array<{ topic: string; url: string; sections: string[] }> }]> = [];
    for (const query of queries) {
      const search = await pagefind.search(query);
      const pages: Data[] = await Promise.all(search.results.slice(0, 5).map((result: { data: () => Promise<Data> }) => result.data()));
      out.push([
        query,
        {
          count: search.results.length,
          results: pages.map((data) => ({
            // A topic's slug, or the first path segment of a page of its own (the weight-band tables).
            topic: data.url.replace(/^\/(?:topics\/)?([^/]+)\/.*$/, '$1'),
            url: data.url,
            sections: data.sub_results
              .filter((section) => section.anchor)
              .map((section, index) => ({ section, index, heading: headingHasEveryWord(section.title, query) }))
              .sort((a, b) => Number(b.heading) - Number(a.heading) || b.section.locations.length - a.section.locations.length || a.index - b.index)
              .map(({ section }) => section)
              .slice(0, 3)
              .map((section) => section.anchor!.id),
          })),
        },
      ]);
    }
    return out;
  }, queries);
  await page.close();
  return new Map(answers);
}

const describeShown = (results: Shown[]) => results.map((result) => `${result.topic} [${result.sections.join(', ')}]`).join('; ') || '(nothing)';

test.describe('clinical queries find the section that answers them', () => {
  let shown: Map<string, { count: number; results: Shown[] }>;
  test.beforeAll(async ({ browser }) => {
    shown = await shownFor(browser, [...new Set(cases.map((c) => searched(c.query)))]);
  });

  test('the table is big enough to mean something', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(new Set(cases.map((c) => c.query)).size).toBe(cases.length);
  });

  for (const c of cases) {
    test(`"${c.query}" -> ${c.topic}${c.section ? `#${c.section}` : ''}`, () => {
      const { results } = shown.get(searched(c.query))!;
      const top3 = results.slice(0, 3);
      const hit = top3.find((result) => result.topic === c.topic);
      expect(hit, `"${c.query}" top 3: ${describeShown(top3)}`).toBeDefined();
      expect(hit!.sections.length, `"${c.query}" gives a section link in ${c.topic}`).toBeGreaterThan(0);
      if (c.section) {
        const enclosing = enclosingSections(c.topic);
        const reached = hit!.sections.map((id) => (id === c.section ? id : enclosing.get(id) === c.section ? c.section : id));
        expect(reached, `"${c.query}" section links in ${c.topic}: ${hit!.sections.join(', ')}`).toContain(c.section);
      }
    });
  }
});

test.describe('a brand name with a task lands on Formulations and brands first', () => {
  let shown: Map<string, { count: number; results: Shown[] }>;
  test.beforeAll(async ({ browser }) => {
    shown = await shownFor(browser, brandFirst.map(searched));
  });
  for (const query of brandFirst) {
    test(`"${query}" -> formulations-and-brands first`, () => {
      const { results } = shown.get(searched(query))!;
      expect(results[0]?.topic, `"${query}": ${describeShown(results)}`).toBe('formulations-and-brands');
    });
  }
});

test.describe('every alias reaches a section it is attached to', () => {
  const terms = [...new Set(aliases.flatMap((alias) => alias.terms))];
  let shown: Map<string, { count: number; results: Shown[] }>;
  const sectionsOf = new Map<string, Map<string, string>>();
  test.beforeAll(async ({ browser }) => {
    shown = await shownFor(browser, [...new Set(terms.map(searched))]);
  });

  test('the aliases file lists aliases, each with terms and sections', () => {
    expect(aliases.length).toBeGreaterThan(10);
    for (const alias of aliases) {
      expect(alias.terms.length, alias.meaning).toBeGreaterThan(0);
      for (const target of alias.sections) expect(target, alias.meaning).toMatch(/^[a-z0-9-]+#[a-z0-9-]+$/);
    }
  });

  for (const alias of aliases) {
    for (const term of alias.terms) {
      test(`"${term}" (${alias.meaning})`, () => {
        const { results } = shown.get(searched(term))!;
        const reached = alias.sections.filter((target) => {
          const [topic, id] = target.split('#');
          if (!sectionsOf.has(topic)) sectionsOf.set(topic, enclosingSections(topic));
          const enclosing = sectionsOf.get(topic)!;
          const result = results.find((r) => r.topic === topic);
          return result?.sections.some((shownId) => shownId === id || enclosing.get(shownId) === id) ?? false;
        });
        expect(reached, `"${term}" should reach one of ${alias.sections.join(', ')}; shown: ${describeShown(results)}`).not.toEqual([]);
      });
    }
  }
});

test.describe('through the search box', () => {
  const uiCases: Array<{ query: string; href: RegExp; note?: string }> = [
    { query: 'Prograf', href: /^\/topics\/formulations-and-brands\/\?highlight=Prograf#immediate-release-and-prolonged-release-products$/i },
    { query: 'FK506', href: /^\/topics\/overview\/\?highlight=FK506#what-tacrolimus-is$/i, note: 'FK506' },
    { query: 'SDNS', href: /^\/topics\/indications\/\?highlight=SDNS#steroid-dependent-and-frequently-relapsing-disease$/i, note: 'SDNS' },
    { query: 'gum hypertrophy', href: /^\/topics\/adverse-effects\/\?highlight=gum&highlight=hypertrophy#cosmetic-effects-compared-with-ciclosporin$/i },
    { query: 'live vaccine', href: /^\/topics\/vaccines-pregnancy-breastfeeding\/\?highlight=live&highlight=vaccine#live-vaccines$/i },
    // An abbreviation the section writes out in full: the result says the abbreviation matched.
    { query: 'TMA', href: /^\/topics\/adverse-effects\/\?highlight=TMA#blood-disorders$/i, note: 'TMA \\(thrombotic microangiopathy\\)' },
  ];

  test('a handful of queries typed into the header box offer the expected section, with no alias text showing', async ({ page }) => {
    await page.goto('/topics/monitoring/');
    const input = page.locator('#header-search');
    const panel = page.locator('[data-search-root]:has(#header-search) [data-search-panel]');
    for (const c of uiCases) {
      await test.step(`"${c.query}"`, async () => {
        await input.fill(c.query);
        await expect(panel.getByRole('status')).toContainText(`“${c.query}”`);
        const sections = panel.locator('a.search-result-section');
        await expect(sections.first()).toBeVisible();
        const links = await sections.evaluateAll((elements) => elements.map((element) => element.getAttribute('href') ?? ''));
        expect.soft(links.some((href) => c.href.test(href)), `"${c.query}" section links: ${links.join(' ')}`).toBe(true);
        // Alias words are indexed, not written on the page: they never show as raw bracketed text.
        await expect.soft(panel).not.toContainText('⟦');
        await expect.soft(panel).not.toContainText('⟧');
        // When only an alias matched, the result says which.
        if (c.note) await expect.soft(panel.locator('.search-alias-note', { hasText: new RegExp(`Matched search term: (.+, )?${c.note}[,. ]`) }).first()).toBeVisible();
      });
    }
  });
});

test('a word spelt the other way is searched as the pages spell it, said so, and highlighted on the page', async ({ page }) => {
  await page.goto('/topics/monitoring/');
  const input = page.locator('#header-search');
  const panel = page.locator('[data-search-root]:has(#header-search) [data-search-panel]');
  await input.fill('edema');
  await expect(panel.getByRole('status')).toContainText('Spelt “oedema” in this guidance; showing those results.');
  const link = panel.locator('a.search-result-section[href*="errors-in-everyday-care"]');
  await expect(link).toHaveAttribute('href', /highlight=oedema/);
  // The excerpt shows the page's own word, marked, not the word typed.
  await expect(link.locator('xpath=following-sibling::*[1]').locator('mark', { hasText: /oedema/i }).first()).toBeVisible();
  await link.click();
  await expect(page.locator('mark', { hasText: /oedema/i }).first()).toBeVisible();
});

test('table cells are indexed as separate words, and the weight-band tables by their weights, not every computed dose', async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto('/weight-band-tables/');
  const found = await page.evaluate(async (queries) => {
    const pagefindUrl = '/pagefind/pagefind.js';
    const pagefind = await import(/* @vite-ignore */ pagefindUrl);
    await pagefind.options({ baseUrl: '/', excerptLength: 22 });
    await pagefind.init();
    const out: Record<string, Array<{ url: string; excerpt: string; content: string }>> = {};
    for (const query of queries) {
      const search = await pagefind.search(query);
      out[query] = await Promise.all(search.results.slice(0, 3).map(async (result: { data: () => Promise<{ url: string; excerpt: string; content: string }> }) => {
        const data = await result.data();
        return { url: data.url, excerpt: data.excerpt, content: data.content };
      }));
    }
    return out;
  }, ['24 kg', 'release dosing strengths']);
  // The weight column: "24 kg" lands on the tables, and their indexed text keeps each band a phrase of its own.
  const tables = found['24 kg'][0];
  expect(tables?.url).toMatch(/\/weight-band-tables\//);
  expect(tables.content).toContain('16-19.9 kg 20-23.9 kg 24-27.9 kg');
  expect(tables.content).not.toMatch(/kg\d/);
  // The product table's header cells read as separate words in excerpts ("Product Release and dosing").
  const products = found['release dosing strengths'].find((result) => result.url.includes('/formulations-and-brands/'));
  expect(products, 'Formulations and brands answers "release dosing strengths"').toBeDefined();
  expect(products!.content).not.toMatch(/ProductRelease|dosingStrengths|StrengthsStatus/);
  // A computed dose from a row ("4.5 mg twice a day = 9 mg/day") is not indexed on the tables' page.
  expect(tables.content).not.toContain('twice a day = 9 mg/day');
  const ignored = await page.locator('[data-weight-band] tbody td').evaluateAll((cells) => cells.length > 0 && cells.every((cell) => cell.hasAttribute('data-pagefind-ignore')));
  expect(ignored).toBe(true);
  await page.close();
});
