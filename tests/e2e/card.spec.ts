/**
 * The bedside card (/card/) as a ward uses it: printed on one A4 sheet (two sides at most) with
 * JavaScript on and off, readable on a phone, its figures those of the data files, its sentences the
 * topics' own key points; and the treatment timeline's accessible name and text equivalent, on the
 * card and the dosing topic, in forced colours and on paper.
 */
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { printToPdf, readPdf } from './pdf.ts';
import { rangeEvidenceWords } from '../../src/lib/dose.ts';
import { fixtureOrigin } from '../ports.ts';

const doseTools = parse(readFileSync('content/dose-tools.yaml', 'utf8'));
const products = parse(readFileSync('content/products.yaml', 'utf8')).products;
const card = parse(readFileSync('content/card.yaml', 'utf8'));
const patient = doseTools.patients.find((candidate: { id: string }) => candidate.id === card.dosePatient);
const regimen = doseTools.regimens.find((candidate: { id: string }) => candidate.id === patient.regimen);

/** The text of one page of a PDF. */
const pageText = (path: string, page: number) => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

test.describe('printing the card', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`prints on at most two A4 sides, the card itself on the first (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto('/card/');
      const pdf = await printToPdf(page);
      expect(pdf.pages).toBeGreaterThanOrEqual(1);
      expect(pdf.pages).toBeLessThanOrEqual(2);
      const front = pageText(pdf.path, 1);
      expect(front).toContain('Uncontrolled when printed: check the live version before use.');
      expect(front).toMatch(/Live version:? ?\/card\//);
      for (const section of card.sections) expect(front, section.heading).toContain(section.heading);
      expect(front).toContain('Page 1 of');
      // The reference list is the back of the sheet, whole.
      expect(pdf.text).toContain('References');
      expect(pdf.text).not.toContain('Print the card');
      await context.close();
    });
  }
});

test('reads at 360 px without sideways scrolling', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto('/card/');
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  // The dose and trough tables fit: no region needs scrolling sideways.
  for (const table of await page.locator('[data-card-dose], [data-card-troughs]').all()) {
    const box = await table.evaluate((element) => ({ table: element.scrollWidth, region: element.parentElement!.clientWidth }));
    expect(box.table).toBeLessThanOrEqual(box.region);
  }
  await context.close();
});

test('the starting doses are whole-unit doses inside the regimen range at every weight of their band, per dose and per day', async ({ page }) => {
  await page.goto('/card/');
  await expect(page.locator('[data-card-section="starting-dose"]')).toContainText(`${patient.name}: ${regimen.name}`);
  const rows = page.locator('[data-card-dose] tbody tr');
  expect(await rows.count()).toBeGreaterThan(3);
  let previousTo: number | undefined;
  let doses = 0;
  for (const row of await rows.all()) {
    const [from, to = from] = (await row.getAttribute('data-weight'))!.replace(' kg', '').split('-').map(Number);
    // Bands are contiguous weight ranges, read to 0.1 kg, inside the patient's accepted weights.
    if (previousTo !== undefined) expect(from).toBeCloseTo(previousTo + 0.1, 6);
    else expect(from).toBe(patient.weightLimitsKg.min);
    previousTo = to;
    for (const cell of await row.locator('td[data-product]').all()) {
      const productId = await cell.getAttribute('data-product');
      const product = products.find((candidate: { id: string }) => candidate.id === productId);
      if ((await cell.locator('.card-none').count()) > 0) continue;
      const text = (await cell.textContent())!.replace(/\s+/g, ' ').trim();
      const match = /^([\d.]+) mg twice a day = ([\d.]+) mg\/day$/.exec(text);
      expect(match, `${from}-${to} kg, ${product.id}: "${text}"`).not.toBeNull();
      const [perDose, perDay] = [Number(match![1]), Number(match![2])];
      expect(perDay).toBeCloseTo(perDose * regimen.dosesPerDay, 6);
      // Never above the range at the band's lightest weight, never below it at its heaviest.
      expect(perDay / from).toBeLessThanOrEqual(regimen.doseMgPerKgPerDay.max + 1e-9);
      expect(perDay / to).toBeGreaterThanOrEqual(regimen.doseMgPerKgPerDay.min - 1e-9);
      // Made of whole units: a multiple of the product's smallest strength.
      const step = Math.min(...product.strengths.values);
      expect(Math.abs(Math.round(perDose / step) * step - perDose), `${perDose} mg of ${product.id}`).toBeLessThan(1e-9);
      doses += 1;
    }
  }
  expect(previousTo).toBe(patient.weightLimitsKg.max);
  expect(doses).toBeGreaterThan(5);
});

test('the trough targets are the data file\'s headline ranges, each with its status', async ({ page }) => {
  await page.goto('/card/');
  const words: Record<string, string> = rangeEvidenceWords;
  for (const phase of doseTools.troughPhases) {
    const range = doseTools.troughRanges.find((candidate: { headline: boolean; phases: string[] }) => candidate.headline && candidate.phases.includes(phase.id));
    const row = page.locator('[data-card-troughs] tbody tr', { hasText: phase.name });
    await expect(row).toContainText(`${range.min}-${range.max} ng/mL`);
    await expect(row.locator('.evidence-marker')).toHaveText(words[range.evidence]);
  }
  // The other ranges stay in view under "sources differ".
  for (const range of doseTools.troughRanges.filter((candidate: { headline: boolean }) => !candidate.headline)) {
    await expect(page.locator('[data-card-section="trough-targets"] .card-note')).toContainText(`${range.min}-${range.max} ng/mL`);
  }
});

/**
 * Sentences as their author wrote them: text without citation numbers and without the abbreviation
 * expansions the build inserts (a topic spells an abbreviation out at its first use on its page, the
 * card at its first use on the card, so the two may differ there and nowhere else).
 */
const asWritten = (items: Element[]) =>
  items.map((item) => {
    const copy = item.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('sup.citation, .abbreviation-expansion').forEach((inserted) => inserted.remove());
    return copy.textContent!.replace(/\s+/g, ' ').trim();
  });

/** The key points of a topic page, as written. */
async function keyPointTexts(page: Page, slug: string): Promise<string[]> {
  await page.goto(`/topics/${slug}/`);
  return page.locator('[data-section="key-points"] li').evaluateAll(asWritten);
}

test('the card\'s sentences are the topics\' own key points, cited and numbered on the card', async ({ page }) => {
  const picks: Array<{ topic: string; with: string }> = card.sections.flatMap((section: { keyPoints?: Array<{ topic: string; with: string }> }) => section.keyPoints ?? []);
  const expected: string[] = [];
  for (const pick of picks) {
    const texts = await keyPointTexts(page, pick.topic);
    const matching = texts.filter((text) => text.toLowerCase().includes(pick.with.toLowerCase()));
    expect(matching, `${pick.topic} "${pick.with}"`).toHaveLength(1);
    expected.push(matching[0]);
  }
  await page.goto('/card/');
  expect(await page.locator('.card-points li').evaluateAll(asWritten)).toEqual(expected);
  // An abbreviation is spelled out once on the card, not once for each topic a sentence came from.
  const expansions = (await page.locator('.card-body .abbreviation-expansion').allTextContents()).map((text) => text.replace(/[\s()[\]]+/g, ' ').trim());
  expect(expansions.length).toBeGreaterThan(0);
  expect(expansions).toEqual([...new Set(expansions)]);
  // Every citation number links to the card's own reference list; numbers run from 1 without gaps.
  const targets = await page.locator('.card-body sup.citation a').evaluateAll((links) => links.map((link) => [link.getAttribute('href')!, link.textContent!]));
  for (const [href] of targets) await expect(page.locator(`.card-references ${href}`)).toHaveCount(1);
  const numbers = await page.locator('.card-references li').evaluateAll((items) => items.map((item) => Number(item.getAttribute('value'))));
  expect(numbers).toEqual(numbers.map((_, index) => index + 1));
  // The monitoring schedule is one row: every row of the topic's table, by name.
  await expect(page.locator('[data-card-row] dt')).toContainText(['Serum creatinine', 'Blood pressure']);
});

test('is linked from the home page, the dosing topic and the binder, and found by search as one page', async ({ page }) => {
  for (const path of ['/', '/topics/dosing-and-trough-targets/', '/binder/']) {
    await page.goto(path);
    await expect(page.locator('main a[href="/card/"]').first(), path).toBeVisible();
  }
  const html = readFileSync('dist/card/index.html', 'utf8');
  expect(html.match(/data-pagefind-body/g)).toHaveLength(1);
  await page.goto('/');
  const input = page.locator('input#home-search');
  await input.focus();
  await input.fill('bedside card');
  await expect(page.locator('.search-result a[href^="/card/"]').first()).toBeVisible({ timeout: 15_000 });
});

test.describe('the treatment timeline', () => {
  const phaseNames: string[] = doseTools.troughPhases.map((phase: { name: string }) => phase.name);

  for (const path of ['/topics/dosing-and-trough-targets/', '/card/']) {
    test(`has an accessible name and the table it is drawn from (${path})`, async ({ page }) => {
      await page.goto(path);
      const picture = page.getByRole('img', { name: /^Timeline of tacrolimus treatment over \d+ months/ });
      await expect(picture).toHaveCount(1);
      const name = (await picture.getAttribute('aria-labelledby'))!;
      const title = await page.locator(`#${name}`).textContent();
      for (const phase of doseTools.troughPhases) {
        const range = doseTools.troughRanges.find((candidate: { headline: boolean; phases: string[] }) => candidate.headline && candidate.phases.includes(phase.id));
        expect(title).toContain(`${range.min}-${range.max} ng/mL`);
      }
      const table = page.locator('[data-timeline] table');
      for (const phaseName of phaseNames) await expect(table.locator('tbody th', { hasText: phaseName })).toHaveCount(1);
      for (const milestone of doseTools.timeline.milestones) {
        await expect(table.locator(`[data-timeline-row="${milestone.id}"]`)).toContainText(`At ${milestone.month} months`);
        await expect(page.locator(`[data-milestone="${milestone.id}"] text`)).toContainText(`${milestone.month} months`);
      }
      await expect(table.locator('[data-timeline-row="taper"]')).toContainText(`From month ${doseTools.timeline.taper.fromMonth}`);
      // No script draws it: the SVG is in the page as served.
      const served = await (await page.request.get(path)).text();
      expect(served).toContain('class="timeline-picture"');
    });
  }

  test('keeps its edges and tells its lanes apart in forced colours', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto('/topics/dosing-and-trough-targets/');
    const styles = await page.locator('[data-timeline] .timeline-bar').evaluateAll((bars) => bars.map((bar) => {
      const style = getComputedStyle(bar);
      return { stroke: style.stroke, width: parseFloat(style.strokeWidth), fill: bar.getAttribute('fill'), dash: style.strokeDasharray };
    }));
    const canvas = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(styles.length).toBeGreaterThan(3);
    for (const style of styles) {
      expect(style.width).toBeGreaterThanOrEqual(1);
      expect(style.stroke).not.toBe('none');
      expect(style.stroke).not.toBe(canvas);
    }
    // Each phase has its own pattern.
    const lanes = await page.locator('[data-timeline] .timeline-lane > rect.timeline-bar').evaluateAll((bars) => bars.map((bar) => bar.getAttribute('fill')));
    expect(new Set(lanes).size).toBe(lanes.length);
  });

  test('prints in black and white with its lanes still told apart', async ({ page }) => {
    await page.goto('/topics/dosing-and-trough-targets/');
    await page.emulateMedia({ media: 'print' });
    const colours = await page.locator('[data-timeline] .timeline-bar, [data-timeline] .timeline-text').evaluateAll((elements) =>
      [...new Set(elements.map((element) => { const style = getComputedStyle(element); return element.tagName === 'text' ? style.fill : style.stroke; }))],
    );
    expect(colours).toEqual(['rgb(0, 0, 0)']);
    const pdf = readPdf(await page.pdf({ format: 'A4' }));
    expect(pdf.text).toContain('Treatment timeline');
    expect(pdf.text).toContain('The timeline as a table');
    // On the card the picture prints alone: the card's trough table and the topic carry the words.
    await page.goto('/card/');
    expect((await printToPdf(page)).text).not.toContain('The timeline as a table');
  });
});

test('a hospital copy lists its local contacts under "When to call", on screen and on paper', async ({ page }) => {
  test.skip(!existsSync('dist-fixture'), 'needs npm run build:fixture');
  await page.goto(`${fixtureOrigin}/card/`);
  const call = page.locator('[data-card-section="when-to-call"]');
  await expect(call.locator('.local-label')).toHaveText('Local contacts (Fixture Valley Hospital)');
  await expect(call.locator('.card-contacts li')).toHaveText(['Renal pharmacist: extension 4321, 9am-5pm', 'Renal registrar on call: bleep 1234, out of hours']);
  await expect(call.locator('[data-card-no-contacts]')).toHaveCount(0);
  const pdf = await printToPdf(page);
  expect(pdf.pages).toBeLessThanOrEqual(2);
  expect(pageText(pdf.path, 1)).toContain('Renal registrar on call: bleep 1234, out of hours');
});

test('without a local file, "When to call" leaves room to write the contacts in', async ({ page }) => {
  await page.goto('/card/');
  await expect(page.locator('[data-card-no-contacts]')).toContainText(card.noLocalContacts);
});
