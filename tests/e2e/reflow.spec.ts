/**
 * WCAG 1.4.10 reflow: no page scrolls sideways at 320 CSS px wide, nor at 200% zoom of a 1366x768
 * screen (683x384 CSS px). Wide content (tables) scrolls inside its own labelled, focusable region
 * instead of pushing the page.
 */
import { expect as baseExpect, test, type Page } from '@playwright/test';

/** Search and the calculator load their code on first use: allow for a busy test machine. */
const expect = baseExpect.configure({ timeout: 15_000 });
import { builtPages } from './site-pages.ts';

const views = [
  { name: '320 CSS px', width: 320, height: 640 },
  { name: '200% zoom of 1366x768', width: 683, height: 384 },
];

/** Every built page and the 404 page an unknown address shows. */
const pages = [...builtPages(), '/no-such-page/'];

/** What sticks out past the viewport's right edge, outside any element that scrolls itself. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    const scrollsItself = (element: Element) => {
      for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) return true;
      }
      return false;
    };
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > width + 0.5 && !scrollsItself(element)) {
        const name = element.tagName.toLowerCase() + (element.id ? `#${element.id}` : '') + (element.classList.length ? `.${[...element.classList].join('.')}` : '');
        culprits.push(`${name} (right edge ${Math.round(box.right)} px)`);
      }
    }
    return { width, scrollWidth, culprits: culprits.slice(0, 5) };
  });
}

for (const view of views) {
  test.describe(`reflow at ${view.name}`, () => {
    test.use({ viewport: { width: view.width, height: view.height } });

    test('no page scrolls sideways', async ({ page }) => {
      test.setTimeout(120_000);
      const failures: string[] = [];
      for (const path of pages) {
        await page.goto(path);
        const result = await overflow(page);
        if (result.scrollWidth > result.width) failures.push(`${path}: page is ${result.scrollWidth} px wide in a ${result.width} px viewport: ${result.culprits.join(', ')}`);
        // And with every folded part (evidence notes, contents, review details) open.
        const opened = await page.evaluate(() => {
          const closed = [...document.querySelectorAll('details:not([open])')] as HTMLDetailsElement[];
          for (const details of closed) details.open = true;
          return closed.length;
        });
        if (opened > 0) {
          const unfolded = await overflow(page);
          if (unfolded.scrollWidth > unfolded.width) failures.push(`${path} (notes open): page is ${unfolded.scrollWidth} px wide in a ${unfolded.width} px viewport: ${unfolded.culprits.join(', ')}`);
        }
      }
      expect(failures).toEqual([]);
    });

    test('nor with search results, calculator results or the trough check open', async ({ page }) => {
      const failures: string[] = [];
      const check = async (what: string) => {
        const result = await overflow(page);
        if (result.scrollWidth > result.width) failures.push(`${what}: page is ${result.scrollWidth} px wide in a ${result.width} px viewport: ${result.culprits.join(', ')}`);
      };
      await page.goto('/topics/monitoring/');
      await page.locator('#header-search').fill('trough target maintenance');
      await expect(page.locator('#header-search-results .search-result').first()).toBeVisible();
      await check('header search results');
      await page.goto('/search/?q=tacrolimus%20levels');
      await expect(page.locator('.search-result').first()).toBeVisible();
      await check('search page results');
      await page.goto('/dose-calculator/');
      await page.locator('#patient-child-other').check();
      await page.locator('#dose-weight').fill('20');
      await page.locator('form[data-dose-form] button[type="submit"]').click();
      await expect(page.locator('[data-dose-result]')).toContainText('mg/day');
      await page.locator('#trough-level').fill('5.5');
      await page.locator('form[data-trough-form] button[type="submit"]').click();
      await expect(page.locator('[data-trough-result]')).toContainText('ng/mL');
      await check('dose and trough results');
      expect(failures).toEqual([]);
    });
  });
}

test.describe('wide tables', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('scroll inside their own labelled, keyboard-reachable region, or reflow into blocks', async ({ page }) => {
    test.setTimeout(120_000);
    let tables = 0;
    const failures: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      const found = await page.locator('main table').evaluateAll((list) =>
        list.map((table) => {
          const region = table.closest('.table-region');
          const style = region ? getComputedStyle(region) : null;
          return {
            caption: table.querySelector('caption')?.textContent?.trim().slice(0, 40) ?? table.querySelector('th')?.textContent?.trim().slice(0, 40) ?? '',
            region: Boolean(region),
            role: region?.getAttribute('role') ?? null,
            label: region?.getAttribute('aria-label') ?? region?.getAttribute('aria-labelledby') ?? null,
            tabindex: region?.getAttribute('tabindex') ?? null,
            overflowX: style?.overflowX ?? null,
            wide: table.scrollWidth > (region?.clientWidth ?? table.scrollWidth),
            // A table laid out as blocks at this width (the review pack's) reflows instead of scrolling.
            reflows: getComputedStyle(table).display !== 'table',
            fits: table.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
          };
        }),
      );
      for (const table of found) {
        tables++;
        const where = `${path} table "${table.caption}"`;
        if (table.reflows) {
          if (!table.fits) failures.push(`${where}: reflows into blocks but is still wider than the screen`);
        } else if (!table.region) failures.push(`${where}: not inside a .table-region`);
        else if (table.role !== 'region' || !table.label || table.tabindex !== '0' || table.overflowX !== 'auto') failures.push(`${where}: region ${JSON.stringify(table)}`);
      }
    }
    expect(tables).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});
