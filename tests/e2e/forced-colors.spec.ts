/**
 * Forced colours (Windows high contrast): the browser swaps every colour for the user's system
 * colours and drops backgrounds and shadows, so anything told apart by a tint must keep an edge.
 * Checked through computed styles with `forced-colors: active` emulated in Chromium.
 */
import { expect as baseExpect, test, type Page } from '@playwright/test';

/** Search and the calculator load their code on first use: allow for a busy test machine. */
const expect = baseExpect.configure({ timeout: 15_000 });
import { builtPages, clinicalPages } from './site-pages.ts';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
});

interface Edges {
  selector: string;
  text: string;
  background: string;
  edges: Array<{ side: string; width: number; style: string; colour: string }>;
}

/** The four borders of every element matching the selector, with the background they sit on. */
async function edgesOf(page: Page, selector: string): Promise<Edges[]> {
  return page.locator(selector).evaluateAll((elements, selector) => {
    const backgroundOf = (element: Element | null): string => {
      for (let node = element; node; node = node.parentElement) {
        const colour = getComputedStyle(node).backgroundColor;
        if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
      }
      return 'rgb(255, 255, 255)';
    };
    return elements.map((element) => {
      const style = getComputedStyle(element);
      return {
        selector: selector as string,
        text: element.textContent?.trim().slice(0, 50) ?? '',
        background: backgroundOf(element),
        edges: (['top', 'right', 'bottom', 'left'] as const).map((side) => ({
          side,
          width: parseFloat(style.getPropertyValue(`border-${side}-width`)),
          style: style.getPropertyValue(`border-${side}-style`),
          colour: style.getPropertyValue(`border-${side}-color`),
        })),
      };
    });
  }, selector);
}

/** Problems with an element's edges: a side without a visible border, or a thin left edge. */
function edgeProblems(found: Edges, minimumLeft: number): string[] {
  const problems: string[] = [];
  for (const edge of found.edges) {
    const visible = edge.width >= 1 && !['none', 'hidden'].includes(edge.style) && edge.colour !== found.background && !/^rgba\(.*,\s*0\)$/.test(edge.colour);
    if (!visible) problems.push(`${found.selector} "${found.text}": no visible ${edge.side} edge (${edge.width}px ${edge.style} ${edge.colour} on ${found.background})`);
  }
  const left = found.edges.find((edge) => edge.side === 'left')!;
  if (left.width < minimumLeft) problems.push(`${found.selector} "${found.text}": left edge ${left.width}px, under ${minimumLeft}px`);
  return problems;
}

test('callouts, the review status, badges and evidence markers keep a visible edge on every topic', async ({ page }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  let callouts = 0;
  for (const path of [...builtPages().filter((p) => p.startsWith('/topics/')), ...clinicalPages]) {
    await page.goto(path);
    const found = await edgesOf(page, 'main .callout');
    callouts += found.length;
    for (const callout of found) problems.push(...edgeProblems(callout, 4).map((problem) => `${path}: ${problem}`));
    for (const status of await edgesOf(page, '.review-status')) problems.push(...edgeProblems(status, 4).map((problem) => `${path}: ${problem}`));
    for (const badge of await edgesOf(page, '.badge, .verification, .evidence-marker')) problems.push(...edgeProblems(badge, 1).map((problem) => `${path}: ${problem}`));
  }
  expect(callouts).toBeGreaterThan(20);
  expect(problems).toEqual([]);
});

for (const mode of ['active', 'none'] as const) {
  test(`each kind of callout and verification status has its own edge, not only its own tint (forced colours ${mode})`, async ({ page }) => {
    // The edges are the same with and without forced colours: readers who do not see the tints get them too.
    await page.emulateMedia({ forcedColors: mode });
    await page.goto('/topics/dosing-and-trough-targets/');
    const signature = (found: Edges) => found.edges.map((edge) => `${edge.width}/${edge.style}`).join(' ');
    const kinds = ['caution', 'sources-differ', 'evidence-status', 'practice-point'];
    const calloutSignatures = new Map<string, string>();
    for (const kind of kinds) {
      const [first] = await edgesOf(page, `main .callout-${kind}`);
      expect(first, `a ${kind} callout on the dosing page`).toBeDefined();
      calloutSignatures.set(kind, signature(first));
    }
    expect(new Set(calloutSignatures.values()).size, JSON.stringify([...calloutSignatures])).toBe(kinds.length);

    await page.goto('/references/');
    const statuses = ['verified', 'secondary', 'unverified'];
    const badgeSignatures = new Set<string>();
    for (const status of statuses) {
      const [first] = await edgesOf(page, `.verification-${status}`);
      expect(first, `a ${status} badge`).toBeDefined();
      badgeSignatures.add(signature(first));
    }
    expect(badgeSignatures.size).toBe(statuses.length);
  });
}

test('the header keeps its edge, focus rings show and search highlights keep a system colour', async ({ page }) => {
  await page.goto('/topics/monitoring/?highlight=creatinine');
  const header = await page.locator('.site-header').evaluate((element) => {
    const style = getComputedStyle(element);
    return { width: parseFloat(style.borderBottomWidth), style: style.borderBottomStyle };
  });
  expect(header.width).toBeGreaterThanOrEqual(1);
  expect(header.style).not.toBe('none');

  const canvas = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const mark = page.locator('mark.search-highlight').first();
  await expect(mark).toBeVisible();
  const markColours = await mark.evaluate((element) => ({ background: getComputedStyle(element).backgroundColor, text: getComputedStyle(element).color }));
  expect(markColours.background).not.toBe(canvas);
  expect(markColours.background).not.toBe(markColours.text);

  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor };
  });
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(ring.colour).not.toBe(canvas);

  await page.locator('#header-search').fill('trough');
  const resultMark = page.locator('.search-excerpt mark').first();
  await expect(resultMark).toBeVisible();
  const resultColours = await resultMark.evaluate((element) => ({ background: getComputedStyle(element).backgroundColor, text: getComputedStyle(element).color }));
  expect(resultColours.background).not.toBe(canvas);
  expect(resultColours.background).not.toBe(resultColours.text);
});
