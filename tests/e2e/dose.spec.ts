import { expect, test } from '@playwright/test';
import { printToPdf } from './pdf.ts';

const dosingPage = '/topics/dosing-and-trough-targets/';

test('20 kg on the general range reads 1-2 mg/day and 0.5-1 mg per dose, with the working and citation', async ({ page }) => {
  await page.goto(dosingPage);
  const weight = page.getByLabel('Weight (kg)');
  await expect(weight).toHaveAttribute('inputmode', 'decimal');
  await weight.fill('20');
  await page.getByRole('button', { name: 'Calculate dose' }).click();
  const result = page.locator('[data-dose-result]');
  await expect(result).toContainText('Total daily dose1-2 mg/day');
  await expect(result).toContainText('Each dose (2 a day)0.5-1 mg');
  await expect(result).toContainText('20 kg × 0.05-0.1 mg/kg/day = 1-2 mg/day');
  await expect(result).toContainText('immediate-release tacrolimus given twice daily');
  await expect(result.locator('sup.citation a')).toHaveAttribute('href', '#ref-droracle2025');
  await expect(weight).not.toHaveAttribute('aria-invalid', 'true');
});

test('a decimal comma is understood and the rounding aid never hides the exact figures', async ({ page }) => {
  await page.goto(dosingPage);
  await page.getByLabel('Weight (kg)').fill('7,5');
  await page.getByLabel('Also show a rounding aid').check();
  await page.getByRole('button', { name: 'Calculate dose' }).click();
  const result = page.locator('[data-dose-result]');
  await expect(result).toContainText('0.375-0.75 mg/day');
  await expect(result).toContainText('0.1875-0.375 mg');
  await expect(result).toContainText('Rounding aid (to 0.5 mg steps, never to zero): 0.5 mg per dose');
});

for (const [input, message] of [
  ['abc', 'is not a number'],
  ['-5', 'must be more than 0 kg'],
  ['0', 'must be more than 0 kg'],
  ['400', 'is not a plausible body weight'],
  ['', 'Enter the weight in kg'],
]) {
  test(`the weight "${input}" is refused at the field with a clear message`, async ({ page }) => {
    await page.goto(dosingPage);
    const weight = page.getByLabel('Weight (kg)');
    await weight.fill(input);
    await weight.press('Enter');
    await expect(weight).toHaveAttribute('aria-invalid', 'true');
    const alert = page.locator('#dose-weight-error');
    await expect(alert).toHaveAttribute('role', 'alert');
    await expect(alert).toContainText(message);
    await expect(page.locator('[data-dose-result]')).toBeEmpty();
    await expect(page.locator('.dose-tools')).not.toContainText(/NaN|Infinity/);
  });
}

test('a weight outside a regimen is refused with the reason', async ({ page }) => {
  await page.goto(dosingPage);
  await page.getByLabel(/Adult minimal change disease trial/).check();
  await page.getByLabel('Weight (kg)').fill('20');
  await page.getByRole('button', { name: 'Calculate dose' }).click();
  await expect(page.locator('#dose-weight-error')).toContainText('outside 30-200 kg');
});

test('the trough check shows every cited range and says when they disagree', async ({ page }) => {
  await page.goto(dosingPage);
  await page.getByLabel('Treatment phase').selectOption({ label: 'Maintenance after complete remission' });
  await page.getByLabel('Measured trough (ng/mL)').fill('5.5');
  await page.getByRole('button', { name: 'Check level' }).click();
  const result = page.locator('[data-trough-result]');
  await expect(result).toContainText('The cited ranges disagree');
  await expect(result.locator('li')).toHaveCount(4);
  await expect(result).toContainText('within 2-6 ng/mL');
  await expect(result).toContainText('above 2-5 ng/mL');
  await expect(result).toContainText('more than 25%');

  await page.getByLabel('Treatment phase').selectOption({ label: 'Induction (first 6 months)' });
  await page.getByLabel('Measured trough (ng/mL)').fill('12');
  await page.getByRole('button', { name: 'Check level' }).click();
  await expect(result).toContainText('12 ng/mL is above all 2 ranges cited');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the weight-band table stands in for the calculator', async ({ page }) => {
    await page.goto(dosingPage);
    await expect(page.locator('[data-dose-form]')).toBeHidden();
    await expect(page.getByText('The calculator needs JavaScript')).toBeVisible();
    const table = page.getByRole('region', { name: 'Table: weight-band doses' });
    await expect(table).toBeVisible();
    const twenty = table.getByRole('row', { name: /^20 kg/ });
    await expect(twenty).toContainText('1-2 mg/day');
    await expect(twenty).toContainText('0.5-1 mg twice daily');
    await expect(table.getByRole('row')).toHaveCount(17);
  });
});

test('the printed dosing topic carries the weight-band table and the document-control block', async ({ page }) => {
  await page.goto(dosingPage);
  const pdf = await printToPdf(page);
  expect(pdf.text).toContain('Weight-band table');
  expect(pdf.text).toMatch(/20 kg\s+1-2 mg\/day/);
  expect(pdf.text).toContain('Uncontrolled when printed');
  expect(pdf.text).not.toContain('Calculate dose');
});
