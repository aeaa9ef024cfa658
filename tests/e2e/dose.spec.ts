import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { printToPdf } from './pdf.ts';
import { subPath } from '../playwright.config.ts';
import { subOrigin } from '../ports.ts';

const dosingPage = '/topics/dosing-and-trough-targets/';
const weightBandPage = '/weight-band-tables/';
const calculatorPage = '/dose-calculator/';

test('15 kg on the general range: whole-unit doses per product, per dose and per day, with mg/kg/day', async ({ page }) => {
  await page.goto(calculatorPage);
  const weight = page.getByLabel('Weight (kg)');
  await expect(weight).toHaveAttribute('inputmode', 'decimal');
  await weight.fill('15');
  await page.getByRole('button', { name: 'Calculate dose' }).click();
  const result = page.locator('[data-dose-result]');
  const [prograf, modigraf] = [result.locator('.product-doses').nth(0), result.locator('.product-doses').nth(1)];
  await expect(prograf).toContainText('Prograf capsules (whole capsules: 0.5 mg, 1 mg, 5 mg)');
  await expect(prograf).toContainText('0.5 mg twice a day = 1 mg/day (0.0667 mg/kg/day) 1 × 0.5 mg capsule');
  await expect(modigraf).toContainText('Low end: 0.4 mg twice a day = 0.8 mg/day (0.0533 mg/kg/day) 2 × 0.2 mg sachets');
  await expect(modigraf).toContainText('High end: 0.6 mg twice a day = 1.2 mg/day (0.08 mg/kg/day) 3 × 0.2 mg sachets');
  await expect(modigraf).toContainText('about 18% more bioavailable');
  await expect(modigraf).toContainText('trough check');
  await expect(result).toContainText('Exact calculation, not a dose to give: 0.375-0.75 mg per dose, twice a day = 0.75-1.5 mg/day');
  await expect(result).toContainText('15 kg × 0.05-0.1 mg/kg/day = 0.75-1.5 mg/day');
  await expect(result.locator('sup.citation a').first()).toHaveAttribute('href', '#ref-droracle2025');
  // Every citation number the result shows is in the page's reference list.
  for (const link of await result.locator('sup.citation a').all()) {
    const href = (await link.getAttribute('href'))!;
    await expect(page.locator(href)).toHaveCount(1);
    await expect(link).not.toHaveText('?');
  }
  await expect(page.locator('.dose-tools')).not.toContainText(/0\.25 mg steps|Rounding aid/);
  await expect(weight).not.toHaveAttribute('aria-invalid', 'true');
});

test('5 kg: no whole capsule fits 0.125-0.25 mg, so the nearest is given; the adult regimen says adults only', async ({ page }) => {
  await page.goto(calculatorPage);
  await page.getByLabel('Weight (kg)').fill('5');
  await page.getByRole('button', { name: 'Calculate dose' }).click();
  const prograf = page.locator('[data-dose-result] .product-doses').nth(0);
  await expect(prograf).toContainText('None in range: No dose made of whole capsules lies inside the calculated range.');
  await expect(prograf).toContainText('Nearest below: none: the range is under one 0.5 mg capsule');
  await expect(prograf).toContainText('Nearest above: 0.5 mg twice a day = 1 mg/day (0.2 mg/kg/day)');

  await page.getByRole('radio', { name: /Adult minimal change disease trial/ }).check();
  await page.getByLabel('Weight (kg)').fill('150');
  await page.getByRole('button', { name: 'Calculate dose' }).click();
  const result = page.locator('[data-dose-result]');
  await expect(result.locator('.tool-result-heading')).toContainText('Adults only');
  await expect(result.locator('.product-doses').nth(0)).toContainText('7.5 mg twice a day = 15 mg/day (0.1 mg/kg/day) 1 × 5 mg capsule + 2 × 1 mg capsules + 1 × 0.5 mg capsule');
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

test('a weight outside a regimen is refused with the reason', async ({ page }) => {
  await page.goto(calculatorPage);
  await page.getByRole('radio', { name: /Adult minimal change disease trial/ }).check();
  await page.getByLabel('Weight (kg)').fill('20');
  await page.getByRole('button', { name: 'Calculate dose' }).click();
  await expect(page.locator('#dose-weight-error')).toContainText('outside 30-200 kg');
});

async function checkLevel(page: import('@playwright/test').Page, phase: string, condition: string, level: string) {
  await page.getByLabel('Treatment phase').selectOption({ label: phase });
  await page.getByLabel('Condition').selectOption({ label: condition });
  await page.getByLabel('Measured trough (ng/mL)').fill(level);
  await page.getByRole('button', { name: 'Check level' }).click();
  return page.locator('[data-trough-result]');
}

test('the trough check gives one verdict per phase, with its sampling conditions and a link to Taking a trough level', async ({ page }) => {
  await page.goto(calculatorPage);
  let result = await checkLevel(page, 'Maintenance after complete remission', 'Not specified', '7.5');
  await expect(result.locator('.trough-verdict')).toHaveText('7.5 ng/mL is ABOVE 2-6 ng/mL, the range for maintenance after complete remission.');
  await expect(result).toContainText('whole-blood sample taken about 12 hours after the last dose of twice-daily immediate-release tacrolimus');
  await expect(result).toContainText('Assays differ between laboratories');
  await expect(result.getByRole('link', { name: 'Taking a trough level' })).toHaveAttribute('href', '/topics/level-sampling/');
  await expect(result).not.toContainText('no single verdict');
  await expect(result).toContainText('more than 25%');

  result = await checkLevel(page, 'Induction (first 6 months)', 'Not specified', '7');
  await expect(result.locator('.trough-verdict')).toHaveText('7 ng/mL is WITHIN 5-10 ng/mL, the range for induction (first 6 months).');
  result = await checkLevel(page, 'Induction (first 6 months)', 'Not specified', '1.5');
  await expect(result.locator('.trough-verdict')).toHaveText('1.5 ng/mL is BELOW 5-10 ng/mL, the range for induction (first 6 months).');
});

test('membranous nephropathy lists its own ranges under "sources differ"; lupus nephritis gets no verdict', async ({ page }) => {
  await page.goto(calculatorPage);
  let result = await checkLevel(page, 'Induction (first 6 months)', 'Membranous nephropathy', '7');
  await expect(result.locator('.trough-verdict')).toContainText('WITHIN 5-10 ng/mL');
  const differ = result.locator('.callout-sources-differ');
  await expect(differ).toContainText('Sources differ.');
  await expect(differ.locator('li')).toHaveCount(2);
  await expect(differ).toContainText('within 4-8 ng/mL');
  await expect(differ).toContainText('24 weeks');

  result = await checkLevel(page, 'Maintenance after complete remission', 'Lupus nephritis', '5');
  await expect(result.locator('.trough-verdict')).toContainText('No verdict for 5 ng/mL in lupus nephritis: the only range seen comes from an AI-written');
  await expect(result).not.toContainText(/WITHIN|ABOVE|BELOW/);
  await expect(result.locator('.callout-sources-differ li')).toContainText('within 4-6 ng/mL');
  await expect(result.locator('.callout-sources-differ li')).toContainText('low reliability');
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

/** The general-range table's rows for 15 kg and 20 kg: whole-unit doses per dose and per day, with mg/kg/day. */
async function expectGeneralRows(page: import('@playwright/test').Page) {
  const table = page.getByRole('region', { name: 'Table: weight-band doses, General starting range: 0.05-0.1 mg/kg/day' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText([/^Weight/, 'Prograf capsules (whole capsules)', 'Modigraf granules (whole sachets)']);
  const fifteen = table.getByRole('row', { name: /^15 kg/ });
  await expect(fifteen).toContainText('exact: 0.375-0.75 mg per dose, twice a day = 0.75-1.5 mg/day');
  await expect(fifteen.getByRole('cell').nth(0)).toContainText('0.5 mg twice a day = 1 mg/day 0.0667 mg/kg/day; 1 × 0.5 mg capsule');
  await expect(fifteen.getByRole('cell').nth(1)).toContainText('Low end: 0.4 mg twice a day = 0.8 mg/day 0.0533 mg/kg/day; 2 × 0.2 mg sachets');
  await expect(fifteen.getByRole('cell').nth(1)).toContainText('High end: 0.6 mg twice a day = 1.2 mg/day 0.08 mg/kg/day; 3 × 0.2 mg sachets');
  const twenty = table.getByRole('row', { name: /^20 kg/ });
  await expect(twenty).toContainText('exact: 0.5-1 mg per dose, twice a day = 1-2 mg/day');
  await expect(twenty.getByRole('cell').nth(0)).toContainText('Low end: 0.5 mg twice a day = 1 mg/day 0.05 mg/kg/day; 1 × 0.5 mg capsule');
  await expect(twenty.getByRole('cell').nth(0)).toContainText('High end: 1 mg twice a day = 2 mg/day 0.1 mg/kg/day; 1 × 1 mg capsule');
  await expect(twenty.getByRole('cell').nth(1)).toContainText('Low end: 0.6 mg twice a day = 1.2 mg/day 0.06 mg/kg/day; 3 × 0.2 mg sachets');
  await expect(twenty.getByRole('cell').nth(1)).toContainText('High end: 1 mg twice a day = 2 mg/day 0.1 mg/kg/day; 1 × 1 mg sachet');
  await expect(table.getByRole('row')).toHaveCount(19);
  // The exact figure is never shown as the dose to give: it sits in small type under the weight.
  const fiveRow = table.getByRole('row', { name: /^5 kg/ });
  await expect(fiveRow.getByRole('cell').nth(0)).not.toContainText('0.125');
  await expect(page.locator('.exact-figure').first()).toHaveCSS('font-size', /^1[0-3](\.\d+)?px$/);
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
  await expectGeneralRows(page);
  const adult = page.getByRole('region', { name: 'Table: weight-band doses, Adult minimal change disease trial: 0.05 mg/kg twice daily' });
  // Only the weights the regimen accepts (30-200 kg): no row for a child's weight.
  await expect(adult.getByRole('row', { name: /^20 kg/ })).toHaveCount(0);
  await expect(adult.getByRole('row', { name: /^30 kg/ })).toContainText('1.5 mg twice a day = 3 mg/day 0.1 mg/kg/day; 1 × 1 mg capsule + 1 × 0.5 mg capsule');
  await expect(page.getByRole('heading', { name: /Adult minimal change disease trial/ })).toContainText('Adults only');
  const children = page.getByRole('region', { name: 'Table: weight-band doses, Children with steroid-resistant disease: 0.10 mg/kg/day' });
  await expect(children.getByRole('row', { name: /^20 kg/ })).toContainText('1 mg twice a day = 2 mg/day 0.1 mg/kg/day; 1 × 1 mg capsule');
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
  await expectGeneralRows(page);
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
  await page.getByLabel('Weight (kg)').fill('20');
  await page.getByRole('button', { name: 'Calculate dose' }).click();
  await expect(page.locator('[data-dose-result]')).toContainText('0.5-1 mg per dose, twice a day = 1-2 mg/day');
  await page.locator('#weight-band-table + p').getByRole('link', { name: 'Weight-band dose tables' }).click();
  await expect(page).toHaveURL(`${subOrigin}${subPath}weight-band-tables/`);
  await expectGeneralRows(page);
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
    await expectGeneralRows(page);
    await expect(page.getByRole('region', { name: /Adult minimal change disease trial/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Adult minimal change disease trial/ })).toContainText('Adults only');
    await expect(page.getByRole('region', { name: /Children with steroid-resistant disease/ })).toBeVisible();
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
  expect(pdf.text).toContain('References');
  expect(pdf.text).toContain('Professional disclaimer');
  for (const control of ['Print the tables', 'Skip to content', 'Search the guidance', 'One table per regimen']) expect(pdf.text, control).not.toContain(control);
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
