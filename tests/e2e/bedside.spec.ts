/**
 * Answer first at the bedside: the key points on the first screen of every topic, evidence notes
 * folded but one click away (and printed, with scripting off too), topic links that work under a
 * sub-path, and nothing on any page that speaks of how the site was made.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { subPath } from '../playwright.config.ts';
import { subOrigin } from '../ports.ts';
import { builtPages } from './site-pages.ts';
import { printToPdf } from './pdf.ts';
import { findProcessLanguage } from '../../src/lib/process-language.ts';

const topics = builtPages().filter((path) => /^\/topics\/[^/]+\/$/.test(path));

/** Top of the Key points heading, in CSS px from the top of the page. */
async function keyPointsTop(page: Page): Promise<number> {
  const box = await page.locator('h2#key-points').boundingBox();
  if (!box) throw new Error('no Key points heading');
  return box.y + (await page.evaluate(() => window.scrollY));
}

test.describe('key points come first', () => {
  for (const path of topics) {
    test(`${path}: on the first screen at 1366x768, within two screens at 360x740`, async ({ page }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(path);
      expect(await keyPointsTop(page)).toBeLessThan(768 - 60);
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(path);
      expect(await keyPointsTop(page)).toBeLessThan(2 * 740 - 60);
    });
  }

  test('the dosing topic shows the starting dose and the trough targets on its first screen', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/topics/dosing-and-trough-targets/');
    const firstScreen = await page.evaluate(() => {
      const items = [...document.querySelectorAll('#key-points ~ ul li, section[data-section="key-points"] li')];
      return items.filter((item) => item.getBoundingClientRect().bottom <= window.innerHeight).map((item) => (item as HTMLElement).innerText).join(' ');
    });
    for (const figure of ['0.05-0.1 mg/kg/day', '0.025-0.05 mg/kg per dose', '5-10 ng/mL', '2-6 ng/mL']) {
      expect(firstScreen.replace(/\u00a0/g, ' ')).toContain(figure);
    }
  });

  test('the status words stay in view and the page head keeps to two lines on a desktop screen', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/topics/monitoring/');
    const status = page.locator('p.review-status');
    await expect(status).toContainText('Draft: awaiting clinical review');
    const { height, lineHeight } = await status.evaluate((element) => ({
      height: element.getBoundingClientRect().height,
      lineHeight: parseFloat(getComputedStyle(element).lineHeight),
    }));
    expect(height).toBeLessThanOrEqual(2 * lineHeight + 16);
    // The review details and change log close the page, one link away.
    await status.getByRole('link', { name: 'Review and changes' }).click();
    await expect(page.getByRole('heading', { name: 'Review and changes' })).toBeInViewport();
    await expect(page.locator('.review-and-changes')).toContainText('What changed');
  });

  test('on a wide screen the contents list stands beside the text', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/topics/dosing-and-trough-targets/');
    const contents = await page.locator('.toc').boundingBox();
    const body = await page.locator('.topic-body').boundingBox();
    expect(contents!.x).toBeGreaterThan(body!.x + body!.width - 1);
    await expect(page.locator('.toc a[href="#trough-targets-by-phase"]')).toBeVisible();
  });
});

test.describe('evidence is structure, not prose', () => {
  for (const path of topics) {
    test(`${path}: visible evidence-note text is at most 20% of the visible words`, async ({ page }) => {
      await page.goto(path);
      const share = await page.evaluate(() => {
        const words = (element: Element) => (element as HTMLElement).innerText.split(/\s+/).filter(Boolean).length;
        const body = document.querySelector('.topic-body')!;
        const notes = [...body.querySelectorAll('.callout-sources-differ, .callout-evidence-status')].filter((note) => !note.parentElement?.closest('.callout-sources-differ, .callout-evidence-status'));
        return notes.reduce((sum, note) => sum + words(note), 0) / words(body);
      });
      expect(share).toBeLessThanOrEqual(0.2);
    });
  }

  test('an evidence marker opens its folded note', async ({ page }) => {
    await page.goto('/topics/dosing-and-trough-targets/');
    const marker = page.locator('section[data-section="starting-dose"] a.evidence-marker').first();
    const target = (await marker.getAttribute('href'))!.slice(1);
    const note = page.locator(`[id="${target}"]`);
    await expect(marker).toBeVisible();
    await marker.click();
    await expect(page).toHaveURL(new RegExp(`#${target}$`));
    await expect(note.locator('details').or(note.and(page.locator('details'))).first()).toHaveAttribute('open', '');
  });

  test('a marker that points into another topic lands on the note there, open', async ({ page }) => {
    await page.goto('/topics/dosing-and-trough-targets/');
    const marker = page.locator('section[data-section="key-points"] a.evidence-marker[href*="/topics/special-populations/"]').first();
    await marker.click();
    await expect(page).toHaveURL(/\/topics\/special-populations\/#note-/);
    const id = new URL(page.url()).hash.slice(1);
    await expect(page.locator(`[id="${id}"]`)).toBeVisible();
  });

  test('folded notes print in full, with scripting off too', async ({ browser }) => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto('/topics/dosing-and-trough-targets/');
      const folded = await page.locator('details.evidence-note').first().evaluate((note) => [...note.childNodes].filter((node) => node.nodeName !== 'SUMMARY').map((node) => node.textContent).join(' '));
      const words = folded.replace(/\[[\d,\s]+\]/g, ' ').split(/\s+/).filter((word) => /^[A-Za-z]{4,}$/.test(word)).slice(0, 6);
      const pdf = await printToPdf(page);
      const printed = pdf.text.replace(/\s+/g, ' ');
      for (const word of words) expect(printed, `${word} (scripting ${javaScriptEnabled ? 'on' : 'off'})`).toContain(word);
      expect(printed).toContain('Evidence note');
      await context.close();
    }
  });
});

test.describe('linked topics', () => {
  test('topic links work under a sub-path', async ({ page }) => {
    await page.goto(`${subOrigin}${subPath}topics/dosing-and-trough-targets/`);
    const link = page.locator('section[data-section="key-points"] a', { hasText: 'Taking a trough level' }).first();
    expect(await link.getAttribute('href')).toBe(`${subPath}topics/level-sampling/`);
    await link.click();
    await expect(page.locator('h1')).toHaveText('Taking a trough level');
  });

  test('in the binder, links between topics stay inside the binder', async ({ page }) => {
    await page.goto('/binder/');
    const hrefs = await page.locator('.binder-body a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    expect(hrefs.filter((href) => href.includes('/topics/'))).toEqual([]);
  });
});

test('no page speaks of how the site was made', () => {
  const found: string[] = [];
  for (const path of builtPages()) {
    const html = readFileSync(join('dist', path, 'index.html'), 'utf8');
    const text = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, "'").replace(/\s+/g, ' ');
    for (const phrase of findProcessLanguage(text)) found.push(`${path}: "${phrase}"`);
  }
  expect(found).toEqual([]);
});
