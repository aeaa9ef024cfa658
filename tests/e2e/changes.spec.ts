/** The /changes/ page (every version, what changed, what to reprint) and the binder cover. */
import { expect, test, type Page } from '@playwright/test';
import { printToPdf } from './pdf.ts';
import { subPath } from '../playwright.config.ts';
import { subOrigin } from '../ports.ts';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The release before the current one, as content/site.yaml lists them (newest first). */
const releases = (parse(readFileSync(new URL('../../content/site.yaml', import.meta.url), 'utf8')) as { releases: Array<{ version: string }> }).releases;
const previousVersion = releases[1]!.version.replace(/\./g, '\\.');

/** Topics listed on the page under versions newer than `since`, each once, as the page's own list says. */
export async function changedSince(page: Page, since: string): Promise<string[]> {
  return page.locator('[data-changed-topic][data-version]').evaluateAll((items, binder) => {
    const newer = (a: string, b: string) => {
      const [x, y] = [a, b].map((v) => v.split('.').map(Number));
      for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
      return false;
    };
    const slugs = items.filter((item) => newer((item as HTMLElement).dataset.version!, binder)).map((item) => (item as HTMLElement).dataset.changedTopic!);
    return [...new Set(slugs)];
  }, since);
}

test('lists every content version with its date and the topics changed in it', async ({ page }) => {
  await page.goto('/changes/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What changed, and what to reprint');
  const current = await page.locator('.lead strong').textContent();
  expect(current).toMatch(/^\d+\.\d+\.\d+$/);
  await expect(page.getByRole('heading', { name: new RegExp(`^Version ${current!.replaceAll('.', '\\.')} \\(current\\): \\d{1,2} \\w+ \\d{4}$`) })).toBeVisible();
  const first = page.locator('section.version-changes').filter({ has: page.getByRole('heading', { name: /^Version 0\.1\.0: 22 November 2026$/ }) });
  await expect(first.locator('[data-changed-topic]')).toHaveCount(15);
  await expect(first.getByRole('link', { name: 'Taking a trough level' })).toHaveAttribute('href', '/topics/level-sampling/');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'what changed' })).toHaveAttribute('href', '/changes/');
});

test('"my binder is version" gives the pages to reprint since then, matching the list by version', async ({ page }) => {
  await page.goto('/changes/');
  const form = page.locator('[data-reprint-form]');
  await expect(form).toBeVisible();
  await form.getByLabel('My binder is version').selectOption('0.1.0');
  await form.getByRole('button', { name: 'Show the pages to reprint' }).click();
  const result = page.locator('[data-reprint-result]');
  await expect(result).toBeVisible();
  await expect(result).toBeFocused();
  await expect(page).toHaveURL(/\?since=0\.1\.0$/);
  const expected = await changedSince(page, '0.1.0');
  if (expected.length === 0) {
    await expect(result.getByRole('heading')).toHaveText(/^Nothing to reprint: no topic changed between version 0\.1\.0 and version \d+\.\d+\.\d+\.$/);
  } else {
    await expect(result.getByRole('heading')).toHaveText(`Reprint ${expected.length === 1 ? '1 topic' : `${expected.length} topics`} since version 0.1.0`);
    await expect(result.locator('[data-reprint-list] > li')).toHaveCount(expected.length);
  }
});

test('the reprint list reads the version from the address, and the page reads in full without JavaScript', async ({ browser }) => {
  const withScript = await browser.newPage();
  await withScript.goto('/changes/?since=0.1.0');
  await expect(withScript.locator('[data-reprint-result]')).toBeVisible();
  await expect(withScript.getByLabel('My binder is version')).toHaveValue('0.1.0');
  await withScript.close();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/changes/');
  await expect(page.locator('[data-reprint-form]')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Changes by version' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Version 0\.1\.0: 22 November 2026$/ })).toBeVisible();
  await expect(page.locator('[data-changed-topic]').first()).toBeVisible();
  await context.close();
});

test('under a sub-path the changes page links stay under it', async ({ page }) => {
  await page.goto(`${subOrigin}${subPath}changes/`);
  await expect(page.getByRole('link', { name: 'Taking a trough level' }).first()).toHaveAttribute('href', `${subPath}topics/level-sampling/`);
  await page.getByLabel('My binder is version').selectOption('0.1.0');
  await page.getByRole('button', { name: 'Show the pages to reprint' }).click();
  await expect(page.locator('[data-reprint-result]')).toBeVisible();
  for (const href of await page.locator('[data-reprint-result] a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))) {
    expect(href.startsWith(subPath)).toBe(true);
  }
});

test('the printed binder cover carries the version and what changed since the previous one', async ({ page }) => {
  await page.goto('/binder/');
  const cover = page.locator('.binder-cover');
  await expect(cover.getByRole('heading', { name: new RegExp(`^Changed in version \\d+\\.\\d+\\.\\d+ since version ${previousVersion}$`) })).toBeVisible();
  await expect(cover.getByRole('link', { name: 'what changed' })).toHaveAttribute('href', '/changes/');
  const pdf = await printToPdf(page);
  const coverText = pdf.text.slice(0, pdf.text.indexOf('Contents'));
  expect(coverText).toMatch(/Binder version \d+\.\d+\.\d+/);
  expect(coverText).toMatch(new RegExp(`Changed in version \\d+\\.\\d+\\.\\d+ since version ${previousVersion}`));
  expect(coverText).toMatch(/Owner Tacrolimus Reference editorial team \(editorial\)/);
});

test('without a local file the site shows neutral defaults', async ({ page }) => {
  for (const path of ['/topics/level-sampling/', '/about/']) {
    await page.goto(path);
    await expect(page.locator('[data-local-footer], .local-details, [data-local-contacts], [data-local-owner]')).toHaveCount(0);
  }
});
