import { expect, test } from '@playwright/test';
import { builtPages } from './site-pages.ts';

test('home -> topic -> citation -> reference -> back to the citation', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tacrolimus in nephrotic syndrome');
  await page.getByRole('link', { name: 'Dosing and trough targets' }).first().click();
  await expect(page).toHaveURL(/\/topics\/dosing-and-trough-targets\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dosing and trough targets');

  const firstCitation = page.locator('.topic-body sup.citation a').first();
  const citationId = await firstCitation.getAttribute('id');
  const target = await firstCitation.getAttribute('href');
  expect(target).toMatch(/^#ref-/);
  await firstCitation.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  const reference = page.locator(target!);
  await expect(reference).toBeInViewport();
  await expect(reference).toContainText(/Verified|Secondary|Unverified/);

  await reference.locator(`.backlinks a[href="#${citationId}"]`).click();
  await expect(page).toHaveURL(new RegExp(`#${citationId}$`));
  await expect(page.locator(`#${citationId}`)).toBeInViewport();
});

test('every citation number on every topic points at an entry in that page\'s reference list', async ({ page }) => {
  for (const path of builtPages().filter((p) => p.startsWith('/topics/'))) {
    await page.goto(path);
    const hrefs = await page.locator('sup.citation a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.length, `${path} has citations`).toBeGreaterThan(0);
    for (const href of new Set(hrefs)) {
      await expect(page.locator(`.reference-list ${href}`), `${path} ${href}`).toHaveCount(1);
    }
  }
});

test('every page answers 200 with exactly one h1', async ({ request, page }) => {
  const pages = builtPages();
  expect(pages.length).toBeGreaterThan(12);
  for (const path of pages) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    await page.goto(path);
    await expect(page.locator('h1'), path).toHaveCount(1);
  }
});

test('an unknown address shows the helpful 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('searchbox')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Dosing and trough targets' })).toBeVisible();
});

test('each topic shows its review status, last update and next review', async ({ page }) => {
  await page.goto('/topics/dosing-and-trough-targets/');
  const status = page.locator('.review-status');
  await expect(status).toContainText('Draft: awaiting clinical review');
  await expect(status).toContainText(/Updated \d{1,2} \w+ \d{4} · Next review: not scheduled/);
  const review = page.locator('.review-and-changes');
  await expect(review).toContainText(/Last updated:?\s*\d{1,2} \w+ \d{4}/);
  await expect(review).toContainText(/Reviewed:?\s*not yet/);
  await expect(review).toContainText(/Next review:?\s*not scheduled/);
  await expect(page.getByRole('complementary', { name: 'Professional disclaimer' })).toBeVisible();
});

test('the home page, the search page and the 404 page link the dose tools', async ({ page }) => {
  await page.goto('/');
  const tools = page.getByRole('region', { name: 'Dose tools' });
  await expect(tools.getByRole('link', { name: 'Dose and trough calculator' })).toHaveAttribute('href', '/dose-calculator/');
  await expect(tools.getByRole('link', { name: 'Weight-band dose tables' })).toHaveAttribute('href', '/weight-band-tables/');
  for (const path of ['/search/', '/no-such-page/']) {
    await page.goto(path);
    await expect(page.getByRole('link', { name: 'Dose and trough calculator' }).first(), path).toHaveAttribute('href', '/dose-calculator/');
  }
  await page.goto('/');
  await tools.getByRole('link', { name: 'Dose and trough calculator' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dose and trough calculator');
});
