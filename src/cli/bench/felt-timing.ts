/**
 * Search as felt: each query typed into the site's own search box, timed from the last keystroke to
 * the frame in which its first result is on screen; for this site, the search box's own phases too.
 */
import type { Browser } from '@playwright/test';
import { keyDelayMs } from './options.ts';
import { slowCpu, type Site } from './sites.ts';

/** Where this site's search box spent the time on one query, from its `search:results` event. */
export type Phases = Record<'debounceMs' | 'waitMs' | 'searchMs' | 'dataMs' | 'checkMs' | 'renderMs', number>;

export interface FeltRun {
  firstMs: number;
  laterMs: number[];
  /** This site only: the search box's own phases for each query, in order. */
  phases: Array<Phases | undefined>;
}

/**
 * Search as felt: open the site's search box with a click, type each query at 50 ms a key, and time
 * from the last keystroke to the frame in which the first result for that query is on screen.
 */
export async function feltRun(browser: Browser, site: Site, queries: string[]): Promise<FeltRun> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __searches: Array<{ query: string; phases?: Phases }> };
    w.__searches = [];
    window.addEventListener('search:results', (event) => w.__searches.push((event as CustomEvent).detail), true);
  });
  await slowCpu(page);
  await page.goto(`${site.origin}/topics/monitoring/`, { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  await page.click(site.openSelector);
  const times: number[] = [];
  for (const [index, query] of queries.entries()) {
    await page.evaluate(
      ({ query, statusSelector, resultSelector }) => {
        const w = window as unknown as { __felt?: Promise<number>; __lastKey: number };
        w.__lastKey = 0;
        const onKey = (event: KeyboardEvent) => (w.__lastKey = event.timeStamp);
        window.addEventListener('keydown', onKey, true);
        const escaped = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const forQuery = new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}/])`, 'iu');
        const shown = () => {
          const statusText = [...document.querySelectorAll(statusSelector)].map((element) => element.textContent ?? '').join(' ');
          if (!forQuery.test(statusText)) return false;
          const first = document.querySelector(resultSelector);
          if (!first) return false;
          const box = first.getBoundingClientRect();
          return box.width > 0 && box.height > 0;
        };
        w.__felt = new Promise<number>((resolvePromise) => {
          let pending = false;
          const observer = new MutationObserver(() => {
            if (pending || !shown()) return;
            pending = true;
            // The frame after the change is the one that paints it.
            requestAnimationFrame((frameTime) => {
              observer.disconnect();
              window.removeEventListener('keydown', onKey, true);
              resolvePromise(Math.max(frameTime, performance.now()) - w.__lastKey);
            });
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        });
      },
      { query, statusSelector: site.statusSelector, resultSelector: site.resultSelector },
    );
    if (index > 0) await page.keyboard.press('Control+A');
    await page.keyboard.type(query, { delay: keyDelayMs });
    times.push(await page.evaluate(() => (window as unknown as { __felt: Promise<number> }).__felt));
    await page.waitForTimeout(400);
  }
  const events = await page.evaluate(() => (window as unknown as { __searches: Array<{ query: string; phases?: Phases }> }).__searches);
  const phases = queries.map((query) => events.filter((event) => event.query === query).pop()?.phases);
  await context.close();
  return { firstMs: times[0], laterMs: times.slice(1), phases };
}
