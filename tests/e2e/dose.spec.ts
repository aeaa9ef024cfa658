import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { printToPdf } from './pdf.ts';
import { subPath } from '../playwright.config.ts';
import { subOrigin } from '../ports.ts';

const dosingPage = '/topics/dosing-and-trough-targets/';
const weightBandPage = '/weight-band-tables/';
const calculatorPage = '/dose-calculator/';

/** The calculator's answer for a patient and weight. */
async function calculate(page: import('@playwright/test').Page, patient: string, weight: string) {
  await page.getByRole('radio', { name: patient }).check();
  await page.getByLabel('Weight (kg)').fill(weight);
  await page.getByRole('button', { name: 'Calculate dose' }).click();
  return page.locator('[data-dose-result]');
}

const patients = [
  { name: /^Child with steroid-resistant/, id: 'child-srns', max: 0.1, min: undefined, limits: [5, 100] },
  { name: /^Child, other/, id: 'child-other', max: 0.1, min: 0.05, limits: [5, 100] },
  { name: /^Adult with minimal change/, id: 'adult-mcd', max: 0.1, min: undefined, limits: [30, 200] },
  { name: /^Adult, other/, id: 'adult-other', max: 0.1, min: 0.05, limits: [30, 150] },
] as const;

test('a 20 kg child: one dose per product from the band, the regimen and why, and the other starting doses under "sources differ"', async ({ page }) => {
  await page.goto(calculatorPage);
  const weight = page.getByLabel('Weight (kg)');
  await expect(weight).toHaveAttribute('inputmode', 'decimal');
  const result = await calculate(page, /^Child, other/, '20');
  await expect(result.locator('.tool-result-heading').first()).toHaveText('Child, other nephrotic syndrome or type not known, 20 kg (band 16.1-20 kg)');
  const figures = result.locator('.dose-figures');
  await expect(figures.locator('dt').nth(0)).toContainText('Prograf capsules');
  await expect(figures.locator('dd').nth(0)).toContainText('0.5 mg twice a day = 1 mg/day');
  await expect(figures.locator('dd').nth(0)).toContainText('1 × 0.5 mg capsule; 0.05 mg/kg/day at 20 kg (0.0621-0.05 mg/kg/day across the band)');
  await expect(figures.locator('dt').nth(1)).toContainText('Modigraf granules, for a child who cannot swallow capsules');
  await expect(figures.locator('dd').nth(1)).toContainText('0.6 mg twice a day = 1.2 mg/day');
  await expect(figures.locator('dd').nth(1)).toContainText('3 × 0.2 mg sachets');
  await expect(result).toContainText('about 18% more bioavailable');
  await expect(result).toContainText('General starting range: 0.05-0.1 mg/kg/day');
  await expect(result).toContainText('Rule: The lowest whole-capsule or whole-sachet dose inside the range');
  await expect(result.locator('.callout-sources-differ')).toContainText('Used here: 0.05-0.1 mg/kg/day');
  await expect(result.locator('.callout-sources-differ')).toContainText('0.1-0.2 mg/kg/day');
  await expect(result).toContainText('Exact calculation, not a dose to give: 0.5-1 mg per dose');
  // No "nearest above", no low and high ends: one dose per product.
  await expect(result).not.toContainText(/Nearest|Low end|High end/);
  for (const link of await result.locator('sup.citation a').all()) {
    const href = (await link.getAttribute('href'))!;
    await expect(page.locator(href)).toHaveCount(1);
    await expect(link).not.toHaveText('?');
  }
  await expect(weight).not.toHaveAttribute('aria-invalid', 'true');

  // The same child with steroid-resistant disease: 0.10 mg/kg/day, rounded down, with the sources that differ, the one used first.
  await calculate(page, /^Child with steroid-resistant/, '20');
  await expect(figures.locator('dd').nth(0)).toContainText('1 mg twice a day = 2 mg/day');
  await expect(result.locator('.callout-sources-differ li').first()).toContainText('Used here: 0.10 mg/kg/day');
  await expect(result).toContainText('may fall as low as 0.0503 mg/kg/day');
});

test('6, 12.5, 17 and 150 kg for every patient: no dose above the range, never more than 5 sachets, or the weight refused', async ({ page }) => {
  await page.goto(calculatorPage);
  for (const patient of patients) {
    for (const weight of [6, 12.5, 17, 22, 150]) {
      const result = await calculate(page, patient.name, String(weight));
      const where = `${patient.id} ${weight} kg`;
      if (weight < patient.limits[0] || weight > patient.limits[1]) {
        await expect(page.locator('#dose-weight-error'), where).toContainText(`outside ${patient.limits[0]}-${patient.limits[1]} kg`);
        await expect(result, where).toBeEmpty();
        continue;
      }
      await expect(result.locator('.tool-result-heading').first(), where).toContainText(`${weight} kg (band`);
      const doses = await result.locator('.dose-figures dd').evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''));
      expect(doses.length, where).toBeGreaterThan(0);
      let given = 0;
      for (const text of doses) {
        const match = text.match(/([\d.]+) mg twice a day = ([\d.]+) mg\/day/);
        if (!match) continue;
        given += 1;
        const perKg = Number(match[2]) / weight;
        expect(perKg, `${where}: ${text}`).toBeLessThanOrEqual(patient.max + 1e-9);
        if (patient.min) expect(perKg, `${where}: ${text}`).toBeGreaterThanOrEqual(patient.min - 1e-9);
        const units = [...text.matchAll(/(\d+) × [\d.]+ mg (capsule|sachet)/g)];
        if (units.some((unit) => unit[2] === 'sachet')) expect(units.reduce((sum, unit) => sum + Number(unit[1]), 0), `${where}: ${text}`).toBeLessThanOrEqual(5);
      }
      expect(given, where).toBeGreaterThan(0);
      if (patient.id.startsWith('adult')) await expect(result.locator('.dose-figures dt'), where).toHaveCount(1);
    }
  }
});

test('6 kg: no whole capsule fits, so the granule dose is the answer; 150 kg on the adult trial takes capsules, never sachets', async ({ page }) => {
  await page.goto(calculatorPage);
  let result = await calculate(page, /^Child with steroid-resistant/, '6');
  await expect(result.locator('.dose-figures dd').nth(0)).toHaveText('No whole-capsule dose in range: use the granule dose.');
  await expect(result.locator('.dose-figures dd').nth(1)).toContainText('0.2 mg twice a day = 0.4 mg/day');
  await expect(result.locator('.dose-figures dt').nth(1)).toHaveText(/^Modigraf granules\[/);
  result = await calculate(page, /^Adult with minimal change/, '150');
  await expect(result).toContainText('Adults only');
  await expect(result.locator('.dose-figures dd')).toHaveCount(1);
  await expect(result.locator('.dose-figures dd')).toContainText('7.5 mg twice a day = 15 mg/day');
  await expect(result.locator('.dose-figures dd')).toContainText('1 × 5 mg capsule + 2 × 1 mg capsules + 1 × 0.5 mg capsule');
  await expect(result).not.toContainText('sachets;');
  await expect(result).toContainText('For an adult who cannot swallow capsules, ask the pharmacy');
});

for (const [input, message] of [
  ['abc', 'is not a number'],
  ['-5', 'must be more than 0 kg'],
  ['0', 'must be more than 0 kg'],
  ['1,234', 'is ambiguous'],
  ['400', 'is not a plausible body weight'],
  ['', 'Enter the weight in kg'],
]) {
  test(`the weight "${input}" is refused at the field with a clear message`, async ({ page }) => {
    await page.goto(calculatorPage);
    await page.getByRole('radio', { name: /^Child, other/ }).check();
    const weight = page.getByLabel('Weight (kg)');
    await weight.fill(input);
    await weight.press('Enter');
    await expect(weight).toHaveAttribute('aria-invalid', 'true');
    const alert = page.locator('#dose-weight-error');
    await expect(alert).toHaveAttribute('role', 'alert');
    await expect(alert).toContainText(message);
    await expect(page.locator('[data-dose-result]')).toBeEmpty();
    await expect(page.locator('.dose-tools')).not.toContainText(/NaN|Infinity|undefined/);
  });
}

test('a weight outside the patient\'s accepted weights is refused with the reason; no patient chosen is asked for', async ({ page }) => {
  await page.goto(calculatorPage);
  await page.getByLabel('Weight (kg)').fill('20');
  await page.getByRole('button', { name: 'Calculate dose' }).click();
  await expect(page.locator('#dose-patient-error')).toHaveText('Choose the patient: child or adult, and the condition where it is listed.');
  await expect(page.locator('[data-dose-result]')).toBeEmpty();
  await calculate(page, /^Adult with minimal change/, '20');
  await expect(page.locator('#dose-patient-error')).toBeEmpty();
  await expect(page.locator('#dose-weight-error')).toContainText('20 kg is outside 30-200 kg, the weights accepted for: adult with minimal change disease.');
  await expect(page.locator('#dose-weight-error')).toContainText('enrolled adults');
});

async function checkLevel(page: import('@playwright/test').Page, phase: string, condition: string, level: string) {
  await page.getByLabel('Treatment phase').selectOption({ label: phase });
  await page.getByLabel('Condition').selectOption({ label: condition });
  await page.getByLabel('Measured trough (ng/mL)').fill(level);
  await page.getByRole('button', { name: 'Check level' }).click();
  return page.locator('[data-trough-result]');
}

test('3 ng/mL after complete remission: a plain-case verdict naming its range as unconfirmed, 2-5 ng/mL beside it, and the links to act on it', async ({ page }) => {
  await page.goto(calculatorPage);
  let result = await checkLevel(page, 'Maintenance after complete remission', 'Not specified', '3');
  const verdict = result.locator('.trough-verdict');
  await expect(verdict).toHaveText('3 ng/mL is within 2-6 ng/mL, a range found in the source article only (unconfirmed), for maintenance after complete remission.');
  await expect(verdict).not.toHaveText(/WITHIN|ABOVE|BELOW/);
  const differ = result.locator('.callout-sources-differ');
  await expect(differ).toContainText('Other ranges for maintenance after complete remission, not used for the verdict:');
  await expect(differ.locator('li').nth(0)).toContainText('within 2-5 ng/mL: Membranous nephropathy:');
  await expect(differ.locator('li').nth(0)).toContainText('secondary');
  await expect(differ.locator('li').nth(1)).toContainText('below 4-6 ng/mL: Lupus nephritis:');
  await expect(differ.locator('li').nth(1)).toContainText('low reliability');
  await expect(result).toContainText('whole-blood sample taken about 12 hours after the last dose of twice-daily immediate-release tacrolimus');
  await expect(result).toContainText('Assays differ between laboratories');
  await expect(result.getByRole('link', { name: 'Taking a trough level' })).toHaveAttribute('href', '/topics/level-sampling/');
  await expect(result.getByRole('link', { name: 'When to change the dose' })).toHaveAttribute('href', '/topics/dosing-and-trough-targets/#when-to-change-the-dose');
  await expect(result).toContainText('more than 25% from baseline');
  await expect(result).toContainText('creatinine and the trough level are both high');
  await result.getByRole('link', { name: 'When to change the dose' }).click();
  await expect(page.locator('#when-to-change-the-dose')).toBeInViewport();

  await page.goto(calculatorPage);
  result = await checkLevel(page, 'Induction (first 6 months)', 'Not specified', '7');
  await expect(result.locator('.trough-verdict')).toHaveText('7 ng/mL is within 5-10 ng/mL, a range from the source article, whose primary study could not be identified (unconfirmed), for induction (first 6 months).');
  await expect(result.locator('.callout-sources-differ li')).toHaveCount(2);
  result = await checkLevel(page, 'Induction (first 6 months)', 'Not specified', '1.5');
  await expect(result.locator('.trough-verdict')).toContainText('1.5 ng/mL is below 5-10 ng/mL');
});

test('membranous nephropathy lists its own ranges first under "sources differ"; lupus nephritis gets no verdict', async ({ page }) => {
  await page.goto(calculatorPage);
  let result = await checkLevel(page, 'Induction (first 6 months)', 'Membranous nephropathy', '7');
  await expect(result.locator('.trough-verdict')).toContainText('within 5-10 ng/mL');
  const differ = result.locator('.callout-sources-differ');
  await expect(differ).toContainText('Sources differ.');
  await expect(differ.locator('li')).toHaveCount(2);
  await expect(differ).toContainText('within 4-8 ng/mL');
  await expect(differ).toContainText('24 weeks');

  result = await checkLevel(page, 'Maintenance after complete remission', 'Lupus nephritis', '5');
  await expect(result.locator('.trough-verdict')).toContainText('No verdict for 5 ng/mL in lupus nephritis: the only range seen comes from an AI-written');
  await expect(result).not.toContainText(/WITHIN|ABOVE|BELOW/);
  await expect(result.locator('.callout-sources-differ li').first()).toContainText('4-6 ng/mL');
  await expect(result.locator('.callout-sources-differ li').first()).toContainText('low reliability');
  await expect(result.locator('.callout-sources-differ')).toContainText('2-6 ng/mL');
  await expect(result.locator('.callout-sources-differ')).toContainText('unconfirmed');
});

for (const [input, message] of [
  ['0', 'must be more than 0 ng/mL'],
  ['-2', 'must be more than 0 ng/mL'],
  ['150', 'far above any tacrolimus level'],
  ['high', 'is not a number'],
  ['1,234', 'is ambiguous'],
]) {
  test(`the trough "${input}" is refused with a clear message`, async ({ page }) => {
    await page.goto(calculatorPage);
    const result = await checkLevel(page, 'Induction (first 6 months)', 'Not specified', input);
    await expect(page.getByLabel('Measured trough (ng/mL)')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#trough-level-error')).toContainText(message);
    await expect(result).toBeEmpty();
  });
}

/**
 * Every table: its bands follow on with no gap from its lowest to its highest accepted weight, and
 * each child's table has a band for 17 kg and one for 22 kg, with one dose per product.
 */
async function expectTables(page: import('@playwright/test').Page) {
  for (const patient of patients) {
    const table = page.locator(`[data-weight-band="${patient.id}"]`);
    await expect(table, patient.id).toBeVisible();
    const bands = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [Number(row.getAttribute('data-band-from')), Number(row.getAttribute('data-band-to'))]));
    expect(bands[0][0], patient.id).toBe(patient.limits[0]);
    expect(bands.at(-1)![1], patient.id).toBe(patient.limits[1]);
    bands.slice(1).forEach(([from], index) => expect(Math.round(from * 10), `${patient.id} after ${bands[index][1]} kg`).toBe(Math.round(bands[index][1] * 10) + 1));
    for (const weight of [17, 22]) {
      const covering = bands.filter(([from, to]) => from <= weight && weight <= to);
      expect(covering, `${patient.id} ${weight} kg`).toHaveLength(weight >= patient.limits[0] ? 1 : 0);
    }
  }
  const columns = page.locator('[data-weight-band="child-other"]').getByRole('columnheader');
  await expect(columns).toHaveText(['Weight band', 'Prograf capsules (whole capsules)', 'Modigraf granules (whole sachets): young children, or a child who cannot swallow capsules']);
  const other = page.locator('[data-weight-band="child-other"]');
  const seventeen = other.getByRole('row', { name: /^16\.1-20 kg/ });
  await expect(seventeen.getByRole('cell').nth(0)).toHaveText('0.5 mg twice a day = 1 mg/day 0.0621-0.05 mg/kg/day; 1 × 0.5 mg capsule');
  await expect(seventeen.getByRole('cell').nth(1)).toHaveText('0.6 mg twice a day = 1.2 mg/day 0.0745-0.06 mg/kg/day; 3 × 0.2 mg sachets');
  const twentyTwo = other.getByRole('row', { name: /^20\.1-24 kg/ });
  await expect(twentyTwo.getByRole('cell').nth(0)).toHaveText('1 mg twice a day = 2 mg/day 0.0995-0.0833 mg/kg/day; 1 × 1 mg capsule');
  await expect(other.getByRole('row', { name: /^5-8 kg/ }).getByRole('cell').nth(0)).toHaveText('No whole-capsule dose in range: use the granule dose.');
  const srns = page.locator('[data-weight-band="child-srns"]');
  await expect(srns.getByRole('row', { name: /^16-19\.9 kg/ }).getByRole('cell').nth(0)).toContainText('0.5 mg twice a day = 1 mg/day');
  await expect(srns.getByRole('row', { name: /^20-23\.9 kg/ }).getByRole('cell').nth(0)).toContainText('1 mg twice a day = 2 mg/day');
  await expect(srns.getByRole('row', { name: /^12-15\.9 kg/ }).getByRole('cell').nth(0)).toContainText('0.0833-0.0629 mg/kg/day');
  // Adults take capsules: one dose column, and the adult trial labelled adults only.
  await expect(page.locator('[data-weight-band="adult-mcd"]').getByRole('columnheader')).toHaveText(['Weight band', 'Prograf capsules (whole capsules)']);
  await expect(page.locator('[data-weight-band="adult-mcd"]').getByRole('row', { name: /^150-159\.9 kg/ })).toContainText('7.5 mg twice a day = 15 mg/day');
  // Nothing above a range is printed as a dose: no "nearest above", no 0.2 mg/kg/day.
  await expect(page.locator('[data-weight-bands]')).not.toContainText(/Nearest|High end|Low end/);
}

/**
 * A dose tool's own page carries the dosing topic's status line, which links to that topic's review
 * and change log at the end of the page; `belongs` ends the change log's heading.
 */
async function expectDosingTopicReview(page: import('@playwright/test').Page, belongs: string, change: string) {
  await expect(page.locator('.review-status')).toContainText('Draft: awaiting clinical review');
  await expect(page.locator('.review-status')).toContainText('Updated 2 December 2026');
  await page.locator('.review-status').getByRole('link', { name: 'Review and changes' }).click();
  await expect(page.locator('#review-and-changes')).toBeInViewport();
  await expect(page.locator('.review-and-changes')).toContainText(`What changed in Dosing and trough targets, ${belongs}`);
  await expect(page.locator('.review-and-changes')).toContainText(change);
}

/** Every citation in `scope` is in the page's own reference list, which gives its number. */
async function expectCitedInOwnList(page: import('@playwright/test').Page, scope: string): Promise<string[]> {
  const cited = await page.locator(`${scope} sup.citation a`).evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  expect(cited.length).toBeGreaterThan(5);
  for (const href of cited) await expect(page.locator(`.reference-list ${href}`)).toHaveCount(1);
  await expect(page.locator('#ref-droracle2025')).toHaveAttribute('value', /\d+/);
  return cited;
}

test('the weight-band tables have a page of their own, with every number cited and in its reference list', async ({ page }) => {
  await page.goto(weightBandPage);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Weight-band dose tables');
  await expectDosingTopicReview(page, 'the topic these tables belong to', 'moved to a printable page of their own');
  await expectTables(page);
  await expect(page.locator('.dose-rule')).toContainText('Rule. The lowest whole-capsule or whole-sachet dose inside the range (for a single figure, rounded down, never above it); then adjust to the trough level.');
  await expect(page.getByRole('heading', { name: 'Adult with minimal change disease' })).toContainText('Adults only');
  await expect(page.locator('[data-patient="child-srns"] .callout-sources-differ li').first()).toContainText('Used here: 0.10 mg/kg/day');
  await expect(page.locator('[data-patient="child-srns"] .dose-shortfall')).toContainText('may fall as low as 0.0503 mg/kg/day (50% below');
  await expect(page.locator('[data-patient="child-other"] .caption-detail').first()).toContainText('General starting range: 0.05-0.1 mg/kg/day');
  await expect(page.locator('.callout-caution').first()).toContainText('which body weight');
  await expect(page.locator('.callout-caution', { hasText: 'Modigraf.' })).toContainText('about 18% more bioavailable');
  const cited = await expectCitedInOwnList(page, '[data-weight-bands]');
  await expect(page.locator('.reference-list li')).toHaveCount(new Set(cited).size);
  await expect(page.getByRole('link', { name: 'dose calculator', exact: true })).toHaveAttribute('href', calculatorPage);
  await expect(page.getByRole('link', { name: 'Back to the dose calculator' })).toHaveAttribute('href', calculatorPage);
  await expect(page.locator('.disclaimer')).toContainText('No clinician has yet reviewed this content');
});

test('the dosing topic keeps its calculator section as a link to the calculator page and to the tables', async ({ page }) => {
  await page.goto(dosingPage);
  await expect(page.locator('[data-weight-band], [data-dose-tools], [data-dose-form]')).toHaveCount(0);
  await expect(page.locator('link[href$="dose-tools.css"]')).toHaveCount(0);
  const section = page.locator('[data-section="dose-calculator"]');
  await expect(section.getByRole('heading', { level: 2 })).toHaveText('Dose and trough calculator');
  await expect(section.locator('h2')).toHaveAttribute('id', 'dose-calculator');
  // The link leads, and says what the calculator gives.
  const first = section.locator('p').first();
  await expect(first.locator('a').first()).toHaveText('Open the dose and trough calculator');
  await expect(first).toContainText('a weight-based dose in whole capsules or sachets, per dose and per day');
  await expect(first).toContainText('a measured trough checked against the range for its phase');
  await expect(section.getByRole('link', { name: 'weight-band dose tables' })).toHaveAttribute('href', weightBandPage);
  // The contents list still names every section the page has, the calculator's among them.
  const contents = await page.locator('nav[aria-labelledby="toc-heading"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.slice(1)));
  expect(contents).toContain('dose-calculator');
  for (const id of contents) await expect(page.locator(`[id="${id}"]`), id).toHaveCount(1);
  const sections = await page.locator('.topic-body h2[id], .calculator-link h2[id]').evaluateAll((headings) => headings.map((h) => h.id));
  for (const id of sections) expect(contents, id).toContain(id);
  await section.getByRole('link', { name: 'Open the dose and trough calculator' }).click();
  await expect(page).toHaveURL(new RegExp(`${calculatorPage}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dose and trough calculator');
  await page.goto(dosingPage);
  await section.getByRole('link', { name: 'weight-band dose tables' }).click();
  await expect(page).toHaveURL(new RegExp(`${weightBandPage}$`));
  await expectTables(page);
});

test('the calculator has a page of its own: one h1, the topic status, every citation in its own reference list', async ({ page }) => {
  await page.goto(calculatorPage);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dose and trough calculator');
  await expect(page.locator('h1, h2, h3').filter({ hasText: /^Dose and trough calculator$/ })).toHaveCount(1);
  await expect(page.locator('.breadcrumbs li')).toHaveText(['Topics', 'Dosing and trough targets', 'Dose and trough calculator']);
  await expectDosingTopicReview(page, 'the topic this calculator belongs to', 'moved to a page of its own, Dose and trough calculator');
  await expect(page.getByRole('button', { name: 'Print this page' })).toBeVisible();
  await expect(page.locator('.document-control, [data-document-control]').first()).toContainText('Dose and trough calculator (from Dosing and trough targets)');
  await expect(page.locator('link[rel="stylesheet"][href$="dose-tools.css"]')).toHaveCount(1);
  // The ids the calculator's script relies on.
  for (const id of ['dose-weight', 'dose-weight-error', 'trough-phase', 'trough-condition', 'trough-level', 'trough-level-error', 'regimen-general']) await expect(page.locator(`#${id}`), id).toHaveCount(1);
  await expectCitedInOwnList(page, '[data-dose-tools]');
  await expect(page.getByRole('region', { name: 'Table: trough ranges by phase' })).toContainText('5-10 ng/mL');
  await expect(page.locator('.co-therapy')).toContainText('5-7.5 mg/day');
  await expect(page.getByRole('link', { name: 'Back to Dosing and trough targets' })).toHaveAttribute('href', dosingPage);
  await expect(page.locator('.weight-band-back').getByRole('link', { name: 'Weight-band dose tables' })).toHaveAttribute('href', weightBandPage);
  await expect(page.locator('.disclaimer')).toContainText('No clinician has yet reviewed this content');
});

test('under a sub-path the topic links to the calculator, which works and links to the tables and back', async ({ page }) => {
  await page.goto(`${subOrigin}${subPath}topics/dosing-and-trough-targets/`);
  await page.getByRole('link', { name: 'Open the dose and trough calculator' }).click();
  await expect(page).toHaveURL(`${subOrigin}${subPath}dose-calculator/`);
  await expect(page.locator('link[rel="stylesheet"][href$="dose-tools.css"]')).toHaveAttribute('href', `${subPath}dose-tools.css`);
  await calculate(page, /^Child, other/, '20');
  await expect(page.locator('[data-dose-result] .dose-figures dd').first()).toContainText('0.5 mg twice a day = 1 mg/day');
  await page.locator('#weight-band-table + p').getByRole('link', { name: 'Weight-band dose tables' }).click();
  await expect(page).toHaveURL(`${subOrigin}${subPath}weight-band-tables/`);
  await expectTables(page);
  await expect(page.locator('link[rel="stylesheet"][href$="dose-tools.css"]')).toHaveAttribute('href', `${subPath}dose-tools.css`);
  await page.getByRole('link', { name: 'Back to the dose calculator' }).click();
  await expect(page).toHaveURL(`${subOrigin}${subPath}dose-calculator/`);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the dosing topic still links to the calculator page and the tables', async ({ page }) => {
    await page.goto(dosingPage);
    const section = page.locator('[data-section="dose-calculator"]');
    await expect(section.getByRole('link', { name: 'Open the dose and trough calculator' })).toHaveAttribute('href', calculatorPage);
    await section.getByRole('link', { name: 'Open the dose and trough calculator' }).click();
    await expect(page).toHaveURL(new RegExp(`${calculatorPage}$`));
    await expect(page.getByRole('region', { name: 'Table: trough ranges by phase' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Table: trough ranges by phase' })).toContainText('2-6 ng/mL');
    await expect(page.getByRole('button', { name: 'Print this page' })).toBeHidden();
  });

  test('the calculator points to the weight-band tables, which read in full', async ({ page }) => {
    await page.goto(calculatorPage);
    await expect(page.locator('[data-dose-form]')).toBeHidden();
    const message = page.locator('.no-js-message', { hasText: 'The calculator needs JavaScript' });
    await expect(message).toBeVisible();
    await expect(message).toContainText('The weight-band dose tables give the same doses by weight.');
    await expect(page.locator('.co-therapy')).toContainText('Adults only');
    await expect(page.locator('.co-therapy')).toContainText('5-7.5 mg/day');
    await message.getByRole('link', { name: 'weight-band dose tables' }).click();
    await expect(page).toHaveURL(new RegExp(`${weightBandPage}$`));
    await expectTables(page);
    await expect(page.getByRole('heading', { name: 'Adult with minimal change disease' })).toContainText('Adults only');
    await expect(page.locator('.reference-list li').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Print the tables' })).toBeHidden();
  });
});

test('the weight-band tables print on A4 with the document control, their doses and their references', async ({ page }) => {
  await page.goto(weightBandPage);
  const pdf = await printToPdf(page);
  expect(pdf.text).toContain('Weight-band dose tables');
  expect(pdf.text).toContain('Uncontrolled when printed: check the live version before use.');
  expect(pdf.text).toMatch(/Document Weight-band dose tables \(from Dosing and trough targets\)/);
  expect(pdf.text).toContain('Review status Draft: awaiting clinical review');
  expect(pdf.text).toContain(`Live version ${weightBandPage}`);
  expect(pdf.text).toMatch(/0\.5 mg twice a day = 1 mg\/day/);
  expect(pdf.text).toMatch(/1 mg twice a day = 2 mg\/day/);
  expect(pdf.text).toContain('General starting range: 0.05-0.1 mg/kg/day');
  expect(pdf.text).toContain('Children with steroid-resistant disease: 0.10 mg/kg/day');
  for (const band of ['16.1-20 kg', '20.1-24 kg', '16-19.9 kg', '20-23.9 kg']) expect(pdf.text, band).toContain(band);
  expect(pdf.text).toContain('Rule. The lowest whole-capsule');
  expect(pdf.text).toContain('Sources differ.');
  expect(pdf.text).toContain('References');
  expect(pdf.text).toContain('Professional disclaimer');
  for (const control of ['Print the tables', 'Skip to content', 'Search the guidance', 'Choose the patient']) expect(pdf.text, control).not.toContain(control);
  expect(pdf.text).not.toContain('0.1875 mg twice');
  expect(pdf.pages).toBeGreaterThan(2);
  expect(pdf.pages).toBeLessThan(15);
  if (process.env.DOSE_PDF_PNG) execFileSync('pdftoppm', ['-png', '-r', '60', pdf.path, process.env.DOSE_PDF_PNG]);
});

test('the printed dosing topic names the calculator page and the weight-band tables, and where to find them', async ({ page }) => {
  await page.goto(dosingPage);
  const pdf = await printToPdf(page);
  expect(pdf.text).toMatch(/Open the dose and trough calculator\s+\(\/dose-calculator\/\)/);
  expect(pdf.text).toMatch(/weight-band dose tables\s+\(\/weight-band-tables\/\)/);
  expect(pdf.text).not.toContain('Calculate dose');
  expect(pdf.text).not.toMatch(/0\.5 mg twice a day = 1 mg\/day/);
});

test('the calculator page prints on A4 with the document control, the trough ranges and its references, not the forms', async ({ page }) => {
  await page.goto(calculatorPage);
  const pdf = await printToPdf(page);
  expect(pdf.text).toMatch(/Document Dose and trough calculator \(from Dosing and trough targets\)/);
  expect(pdf.text).toContain(`Live version ${calculatorPage}`);
  expect(pdf.text).toContain('Trough ranges cited, by phase');
  expect(pdf.text).toMatch(/Weight-band dose tables\s+\(\/weight-band-tables\/\)/);
  expect(pdf.text).toContain('References');
  expect(pdf.text).toContain('Professional disclaimer');
  for (const control of ['Calculate dose', 'Check level', 'Print this page', 'needs JavaScript']) expect(pdf.text, control).not.toContain(control);
  expect(pdf.pages).toBeLessThan(8);
});

test('Formulations and brands reads its strengths from the products file', async ({ page }) => {
  await page.goto('/topics/formulations-and-brands/');
  const table = page.getByRole('region', { name: 'Table: product strengths' });
  await expect(table.getByRole('row', { name: /^Prograf capsules/ })).toContainText('0.5 mg, 1 mg, 5 mg capsules');
  await expect(table.getByRole('row', { name: /^Modigraf granules/ })).toContainText('0.2 mg, 1 mg sachets');
  await expect(table.getByRole('row', { name: /^Advagraf/ })).toContainText('0.5 mg, 1 mg, 3 mg, 5 mg capsules');
  await expect(table.getByRole('row', { name: /^Envarsus/ })).toContainText('0.75 mg, 1 mg, 4 mg tablets');
  await expect(table.getByRole('row', { name: /^Envarsus/ })).toContainText('Not used by the twice-daily dose calculator');
  for (const link of await table.locator('sup.citation a').all()) await expect(page.locator((await link.getAttribute('href'))!)).toHaveCount(1);
  await expect(page.locator('#ref-smc2010-modigraf')).toContainText('Scottish Medicines Consortium');
});

test.describe('fast to reach', () => {
  /** The element's box lies wholly inside the first screen (the viewport as the page opens, unscrolled). */
  async function expectOnFirstScreen(page: import('@playwright/test').Page, selector: string, height: number) {
    const box = (await page.locator(selector).boundingBox())!;
    expect(box, selector).not.toBeNull();
    expect(box.y, `${selector} top`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `${selector} bottom (${Math.round(box.y)}+${Math.round(box.height)} px) within ${height} px`).toBeLessThanOrEqual(height);
    return box;
  }

  for (const [width, height] of [[1366, 768], [360, 740]]) {
    test(`the calculator's weight field is on the first screen at ${width}x${height}, the caution in one fold above it`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.goto(calculatorPage);
      await expectOnFirstScreen(page, '#dose-weight', height);
      const caution = page.locator('[data-dose-tools] > details.callout-caution');
      await expect(caution.locator('summary')).toHaveText('Caution. A calculation aid, not a prescription.');
      await expect(caution).not.toHaveAttribute('open', /.*/);
      await caution.locator('summary').click();
      await expect(caution).toContainText('For immediate-release tacrolimus given twice daily');
    });
  }

  test('the home page carries a dose form on its first screen at 1366x768; a 20 kg child\'s dose is 3 actions away', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/');
    const form = page.locator('[data-home-dose]');
    await expectOnFirstScreen(page, '#home-dose-weight', 768);
    await expectOnFirstScreen(page, '#home-dose-patient', 768);
    await expectOnFirstScreen(page, '[data-home-dose] button[type="submit"]', 768);
    // 1: type the weight; 2: choose the patient; 3: show the dose.
    await form.getByLabel('Weight (kg)').fill('20');
    await form.getByLabel('Patient').selectOption({ label: 'Child, other nephrotic syndrome or type not known' });
    await form.getByRole('button', { name: 'Show dose' }).click();
    await expect(page).toHaveURL(/\/dose-calculator\/\?weight=20&patient=child-other$/);
    const result = page.locator('[data-dose-result]');
    await expect(result.locator('.dose-figures dd').first()).toContainText('0.5 mg twice a day = 1 mg/day');
    await expect(page.getByLabel('Weight (kg)')).toHaveValue('20');
    await expect(page.getByRole('radio', { name: /^Child, other/ })).toBeChecked();
  });

  test('sent without a patient, the calculator keeps the weight and asks for the patient, then answers when one is chosen', async ({ page }) => {
    await page.goto('/dose-calculator/?weight=12.5&patient=');
    await expect(page.locator('#dose-patient-error')).toHaveText('Choose the patient: child or adult, and the condition where it is listed.');
    await page.getByRole('radio', { name: /^Child with steroid-resistant/ }).check();
    await expect(page.locator('[data-dose-result] .dose-figures dd').first()).toContainText('0.5 mg twice a day = 1 mg/day');
    await expect(page.locator('[data-dose-result] .dose-figures dd').first()).toContainText('0.08 mg/kg/day at 12.5 kg');
  });
});
