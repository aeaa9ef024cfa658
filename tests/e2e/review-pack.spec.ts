/**
 * The review packs (/review-pack/ and /review-pack/<topic>/) in the root build, as a reviewer uses
 * them: on screen with JavaScript off, and printed on A4. Not in the search index or the binder.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { printToPdf } from './pdf.ts';
import { topicFiles, topicFingerprint } from '../../src/lib/approval.ts';

const dosing = '/review-pack/dosing-and-trough-targets/';

/**
 * The dosing topic's key points as its Markdown writes them: the words a reader sees (links as their
 * text, citations left out) and the evidence markers (`[unconfirmed](evidence:#id)`) in order. Read from
 * the content, so rewording a key point changes what is expected with it.
 */
function dosingKeyPoints(): Array<{ text: string; markers: string[] }> {
  const source = readFileSync('content/topics/dosing-and-trough-targets.md', 'utf8');
  const section = /^## Key points\n([\s\S]*?)(?=^## )/m.exec(source)?.[1] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => {
      const item = line.slice(2);
      const markers = [...item.matchAll(/\[([^\]]+)\]\(evidence:[^)]*\)/g)].map((match) => match[1]);
      const text = item
        .replace(/\s*\[@[^\]]+\]/g, '')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/\*\*?([^*]+)\*\*?/g, '$1')
        .replace(/\s+/g, ' ')
        .replace(/\s+([.,;:])/g, '$1')
        .trim();
      return { text, markers };
    });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the list of packs names every topic, each a draft, each linking to its pack', async ({ page }) => {
    await page.goto('/review-pack/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review packs');
    const items = page.locator('[data-review-pack-link]');
    await expect(items).toHaveCount(topicFiles().size);
    await expect(items.filter({ hasText: 'Review pack: Dosing and trough targets' }).getByRole('link', { name: 'Review pack: Dosing and trough targets' })).toHaveAttribute('href', dosing);
    for (const state of await items.locator('[data-approval]').allTextContents()) expect(state).toBe(' (Draft: awaiting clinical review)');
  });

  test('the dosing pack lists its statements numbered, each cited statement resolving to the reference list printed with it', async ({ page }) => {
    await page.goto(dosing);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review pack: Dosing and trough targets');
    await expect(page.locator('.review-pack-status')).toHaveText('Draft: awaiting clinical review');
    const rows = page.locator('tr[data-statement]');
    const count = await rows.count();
    expect(count).toBeGreaterThan(40);
    expect((await rows.locator('th.pack-number').allTextContents()).map(Number)).toEqual(Array.from({ length: count }, (_, index) => index + 1));
    await expect(page.locator('.review-pack-instructions')).toContainText(`This pack lists the ${count} statements of Dosing and trough targets`);

    // The key points come first, in the topic's order, each with its words, its sources and its evidence markers.
    const keyPoints = page.locator('tr[data-statement]', { has: page.locator('.pack-kind', { hasText: /^key point$/ }) });
    const written = dosingKeyPoints();
    expect(written.length).toBeGreaterThan(1);
    await expect(keyPoints).toHaveCount(written.length);
    const shown = await keyPoints.locator('.pack-text').evaluateAll((cells) =>
      cells.map((cell) => {
        const copy = cell.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('sup.citation, .abbreviation-expansion').forEach((inserted) => inserted.remove());
        return copy.textContent!.replace(/\s+/g, ' ').replace(/\s+([.,;:])/g, '$1').trim();
      }),
    );
    expect(shown).toEqual(written.map((point) => point.text));
    for (const [index, point] of written.entries()) {
      const row = keyPoints.nth(index);
      if (point.markers.length > 0) await expect(row.locator('.pack-evidence .pack-markers'), point.text).toHaveText(point.markers.join(', '));
      else await expect(row.locator('.pack-evidence .pack-markers'), point.text).toHaveCount(0);
      await expect(row.locator('.pack-decision')).toHaveText('Agree Change Remove');
      await expect(row.locator('.pack-comments')).toBeEmpty();
    }
    expect(written.some((point) => point.markers.length > 0), 'some key point carries an evidence marker').toBe(true);

    // Every citation number in the table links to an entry of the pack's own reference list, with that number.
    const links = page.locator('.review-pack-table sup.citation a');
    expect(await links.count()).toBeGreaterThan(60);
    const references = page.locator('.reference-list > ol > li');
    const numberOf = new Map<string, string>();
    for (const item of await references.all()) numberOf.set((await item.getAttribute('id'))!, (await item.getAttribute('value'))!);
    for (const link of await links.all()) {
      const target = (await link.getAttribute('href'))!.slice(1);
      expect(numberOf.get(target), `${target} is in the reference list`).toBe(await link.textContent());
    }
    // The evidence column says how far each cited source was confirmed, by its number.
    await expect(keyPoints.first().locator('.pack-verification li').first()).toHaveText(/^\[1\] (verified|secondary|unverified)$/);

    // The figures the dose tools show from their data follow, with their own citations.
    const dataRows = page.locator('tr[data-kind="figure from data"]');
    expect(await dataRows.count()).toBeGreaterThan(5);
    await expect(page.getByRole('heading', { name: 'Trough ranges (dose calculator)' })).toBeVisible();
    await expect(dataRows.filter({ hasText: 'Prograf capsules (immediate-release): 0.5, 1, 5 mg per capsule' })).toHaveCount(1);
    for (const row of await dataRows.all()) await expect(row.locator('.pack-sources sup.citation a').first()).toBeAttached();
  });

  test('the pack closes with the sign-off block and the fingerprint the approval will record', async ({ page }) => {
    await page.goto(dosing);
    const signoff = page.locator('.review-pack-signoff');
    await expect(signoff.getByRole('heading', { name: 'Sign-off' })).toBeVisible();
    await expect(signoff.locator('.signoff-fields dt')).toHaveText(['Name', 'Role', 'Date', 'Signature']);
    const recorded = topicFingerprint(topicFiles().get('dosing-and-trough-targets')!);
    await expect(signoff.locator('[data-fingerprint]')).toHaveText(recorded);
  });
});

test('prints on A4 with the document-control block, every statement and the sign-off', async ({ page }) => {
  await page.goto(dosing);
  const pdf = await printToPdf(page);
  const text = pdf.text.replace(/\s+/g, ' ');
  expect(pdf.pages).toBeGreaterThan(3);
  expect(text).toContain('Uncontrolled when printed: check the live version before use.');
  expect(text).toContain('Document Review pack: Dosing and trough targets');
  expect(text).toContain('Review status Draft: awaiting clinical review');
  expect(text).toMatch(/No\. Statement Sources Evidence Decision Comments/);
  expect(text).toContain('Signature');
  const fingerprint = topicFingerprint(topicFiles().get('dosing-and-trough-targets')!);
  // The fingerprint may wrap on paper: compare without spaces.
  expect(text.replace(/ /g, '')).toContain(fingerprint);
  // The screen-only parts stay off the paper.
  expect(text).not.toContain('Review packs › ');
});

test('stays out of the search index and the binder', async ({ page, request }) => {
  for (const path of ['/review-pack/', dosing]) {
    const html = await (await request.get(path)).text();
    expect(html).not.toContain('data-pagefind-body');
  }
  await page.goto('/search/');
  const urls = await page.evaluate(async () => {
    const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
    const found = await pagefind.search('sign-off signature fingerprint reviewer decision');
    return Promise.all(found.results.map(async (result: { data: () => Promise<{ url: string }> }) => (await result.data()).url));
  });
  expect(urls.filter((url: string) => url.includes('review-pack'))).toEqual([]);
  const binder = readFileSync('dist/binder/index.html', 'utf8');
  expect(binder).not.toContain('review-pack');
});

test('each topic page links to its pack at the end, in the review details', async ({ page }) => {
  await page.goto('/topics/dosing-and-trough-targets/');
  await expect(page.locator('.review-and-changes').getByRole('link', { name: 'Review pack for this topic' })).toHaveAttribute('href', dosing);
});
