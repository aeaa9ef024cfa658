/**
 * A binder of chosen topics (/binder/): untick topics and only the ticked ones print, with the
 * contents and the cover following; the address keeps the choice so it can be shared; with
 * JavaScript off the whole binder prints as before.
 */
import { expect, test } from '@playwright/test';
import { printToPdf } from './pdf.ts';

test('all topics are ticked by default, and one topic chosen prints far fewer pages', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/binder/');
  const boxes = page.locator('[data-binder-choice] input[type="checkbox"]');
  const total = await boxes.count();
  expect(total).toBeGreaterThan(10);
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  const whole = await printToPdf(page);

  await page.getByRole('button', { name: 'Untick all' }).click();
  await expect(page.locator('[data-binder-print]')).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Taking a trough level' }).check();
  await expect(page).toHaveURL(/\/binder\/\?topics=level-sampling$/);
  await expect(page.locator('[data-binder-count]')).toHaveText(`1 of ${total} topics ticked.`);
  await expect(page.locator('[data-binder-print]')).toHaveText('Print the binder of 1 topic');
  // The contents list follows the choice.
  await expect(page.locator('.binder-contents li:visible > a')).toHaveText(['Taking a trough level']);
  const one = await printToPdf(page);
  expect(one.text).toContain(`1 of ${total} topic`);
  expect(one.text).toMatch(/Holds 1 of \d+ topics: Taking a trough level/);
  expect(one.text).toContain('References: Taking a trough level');
  expect(one.text).not.toContain('References: Dosing and trough targets');
  expect(one.pages).toBeLessThan(whole.pages / 5);
  expect(one.pages).toBeGreaterThanOrEqual(3);
});

test('a shared address restores the choice, in binder order', async ({ page }) => {
  await page.goto('/binder/?topics=monitoring,dosing-and-trough-targets');
  await expect(page.getByRole('checkbox', { name: 'Dosing and trough targets' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Monitoring' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Taking a trough level' })).not.toBeChecked();
  await expect(page.locator('.binder-contents > ol > li:visible > a')).toHaveText(['Dosing and trough targets', 'Monitoring']);
  // The dosing topic keeps its weight-band tables; unchosen topics are out of the page and of print.
  await expect(page.locator('[data-binder-weight-bands]')).toBeVisible();
  await expect(page.locator('article[data-binder-part="level-sampling"]')).toBeHidden();
  await expect(page.locator('[data-binder-holds]').first()).toHaveText(/^2 of \d+ topics: Dosing and trough targets, Monitoring$/);
  // Ticking one more updates the address for sharing.
  await page.getByRole('checkbox', { name: 'Taking a trough level' }).check();
  await expect(page).toHaveURL(/\?topics=dosing-and-trough-targets,monitoring,level-sampling$/);
  await page.getByRole('button', { name: 'Tick all', exact: true }).click();
  await expect(page).toHaveURL(/\/binder\/$/);
});

test('with JavaScript off there is no choice and the whole binder prints, whatever the address', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/binder/?topics=level-sampling');
  await expect(page.locator('[data-binder-choice]')).toBeHidden();
  const total = await page.locator('.binder-contents > ol > li').count();
  await expect(page.locator('.binder-contents > ol > li:visible')).toHaveCount(total);
  const pdf = await printToPdf(page);
  expect(pdf.text).toMatch(new RegExp(`Holds all ${total} topics`));
  expect(pdf.text).toContain('References: Dosing and trough targets');
  expect(pdf.text).toContain('References: Taking a trough level');
  expect(pdf.pages).toBeGreaterThan(total + 2);
  await context.close();
});
