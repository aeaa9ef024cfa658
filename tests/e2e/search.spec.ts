/**
 * The search box as a clinician uses it: type a question, arrow to the section that answers it,
 * land on it with the words marked; under the hospital sub-path too. Also the safety net around it:
 * no code until the box is used, nothing sent off the server, hostile or huge input shown as text,
 * a clear message when nothing matches, and a readable page with JavaScript off.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { subPath } from '../playwright.config.ts';
import { rootOrigin, subOrigin } from '../ports.ts';


const sub = (path = '') => `${subOrigin}${subPath}${path}`;

interface SearchEvent {
  query: string;
  ms: number;
  count: number;
}

/**
 * Every `search:results` event the page dispatches, oldest first. The event does not bubble, so it
 * is caught on the way down (capture) at the window.
 */
async function recordSearchEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __searches: unknown[] };
    w.__searches = [];
    window.addEventListener('search:results', (event) => w.__searches.push((event as CustomEvent).detail), true);
  });
}

const searchEvents = (page: Page) => page.evaluate(() => (window as unknown as { __searches: SearchEvent[] }).__searches);

/** Waits for the (after-count-th) search that ran `query` (as searched, after any correction) and returns it. */
async function waitForSearch(page: Page, query: string, after = 0): Promise<SearchEvent> {
  let found: SearchEvent | undefined;
  await expect
    .poll(async () => {
      found = (await searchEvents(page)).slice(after).find((event) => event.query === query);
      return found !== undefined;
    }, { message: `a search for "${query}" finished`, timeout: 5_000 })
    .toBe(true);
  return found!;
}

/** Types into a search box as a user would (focus, then keys) and waits until that query has been searched. */
async function typeQuery(page: Page, input: Locator, query: string, searched = query): Promise<SearchEvent> {
  const before = (await searchEvents(page)).length;
  await input.click();
  await input.pressSequentially(query);
  return waitForSearch(page, searched, before);
}

/** Replaces the box's text in one go (as a paste would) and waits until the query has been searched. */
async function fillQuery(page: Page, input: Locator, query: string, searched = query): Promise<SearchEvent> {
  const before = (await searchEvents(page)).length;
  await input.fill(query);
  return waitForSearch(page, searched, before);
}

const panelOf = (page: Page, inputId: string) => page.locator(`[data-search-root]:has(#${inputId}) [data-search-panel]`);
const hrefs = (links: Locator) => links.evaluateAll((elements) => elements.map((element) => element.getAttribute('href') ?? ''));

/** Requests whose host is not the loopback test servers. */
const offSite = new WeakMap<Page, string[]>();

test.beforeEach(async ({ page }) => {
  await recordSearchEvents(page);
  const outside: string[] = [];
  offSite.set(page, outside);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') outside.push(request.url());
  });
});

test.afterEach(async ({ page }) => {
  expect(offSite.get(page), 'requests that left 127.0.0.1').toEqual([]);
});

test.describe('finding the answer', () => {
  test('"trough target maintenance" in the header box: arrow to the best section, Enter, land on it with the words marked', async ({ page }) => {
    await page.goto('/topics/overview/');
    const input = page.getByRole('searchbox', { name: 'Search the guidance' });
    await expect(input).toHaveId('header-search');
    const search = await typeQuery(page, input, 'trough target maintenance');
    expect(search.count).toBeGreaterThan(0);

    const panel = panelOf(page, 'header-search');
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('status')).toContainText('match “trough target maintenance”');
    const firstTopic = panel.locator('a.search-result-topic').first();
    await expect(firstTopic).toHaveText('Dosing and trough targets');
    const firstSection = panel.locator('a.search-result-section').first();
    await expect(firstSection).toHaveText('Trough targets by phase');
    await expect(firstSection).toHaveAttribute('href', /^\/topics\/dosing-and-trough-targets\/\?highlight=trough&highlight=target&highlight=maintenance#trough-targets-by-phase$/);
    // The excerpt under the section shows the matched words marked.
    await expect(panel.locator('li:has(> a.search-result-section) mark').first()).toBeVisible();

    // ArrowDown from the box goes to the first result link (the topic), then to its first section.
    await page.keyboard.press('ArrowDown');
    await expect(firstTopic).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(firstSection).toBeFocused();
    // ArrowUp goes back the same way, to the box.
    await page.keyboard.press('ArrowUp');
    await expect(firstTopic).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(input).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(firstSection).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/topics\/dosing-and-trough-targets\/\?highlight=trough&highlight=target&highlight=maintenance#trough-targets-by-phase$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dosing and trough targets');
    const heading = page.locator('#trough-targets-by-phase');
    await expect(heading).toBeInViewport();
    const marks = page.locator('[data-pagefind-body] mark.search-highlight');
    await expect(marks.first()).toBeVisible();
    const marked = (await marks.allInnerTexts()).map((text) => text.toLowerCase());
    expect(marked.some((text) => text.startsWith('trough'))).toBe(true);
    expect(marked.some((text) => text.startsWith('maintenance'))).toBe(true);
    // The section the link named carries marks of its own.
    await expect(page.locator('section[data-section="trough-targets-by-phase"] mark.search-highlight').first()).toBeVisible();
    // Nothing outside the topic text is marked.
    await expect(page.locator('mark.search-highlight:not([data-pagefind-body] *)')).toHaveCount(0);
  });

  test('the same search under the hospital sub-path stays under the sub-path and lands on the section', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(sub('topics/overview/'));
    const input = page.locator('#header-search');
    await typeQuery(page, input, 'trough target maintenance');

    const panel = panelOf(page, 'header-search');
    const links = panel.locator('a');
    await expect(links.first()).toBeVisible();
    const all = await hrefs(links);
    expect(all.length).toBeGreaterThan(3);
    // Topics, the calculator, the tables and the bedside card: every result stays under the sub-path.
    for (const href of all) expect(href, 'result link').toMatch(new RegExp(`^${subPath}(topics/[a-z0-9-]+|dose-calculator|weight-band-tables|card)/`));
    // The index and its chunks come from under the sub-path, never from the server root.
    const pagefindRequests = requested.filter((url) => url.includes('/pagefind/'));
    expect(pagefindRequests.length).toBeGreaterThan(0);
    for (const url of pagefindRequests) expect(url.startsWith(`${subOrigin}${subPath}pagefind/`), url).toBe(true);

    const firstSection = panel.locator('a.search-result-section').first();
    await expect(firstSection).toHaveAttribute('href', new RegExp(`^${subPath}topics/dosing-and-trough-targets/\\?highlight=trough.*#trough-targets-by-phase$`));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(firstSection).toBeFocused();
    const response = page.waitForResponse((r) => r.url().startsWith(sub('topics/dosing-and-trough-targets/')));
    await page.keyboard.press('Enter');
    expect((await response).status()).toBe(200);
    await expect(page).toHaveURL(new RegExp(`^${subOrigin}${subPath}topics/dosing-and-trough-targets/\\?highlight=.*#trough-targets-by-phase$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dosing and trough targets');
    await expect(page.locator('#trough-targets-by-phase')).toBeInViewport();
    await expect(page.locator('[data-pagefind-body] mark.search-highlight').first()).toBeVisible();
  });

  test('pressing Enter in the box opens the first result', async ({ page }) => {
    await page.goto('/topics/monitoring/');
    const input = page.locator('#header-search');
    await typeQuery(page, input, 'Prograf');
    const first = await panelOf(page, 'header-search').locator('a').first().getAttribute('href');
    expect(first).toMatch(/^\/topics\/formulations-and-brands\//);
    await input.press('Enter');
    await expect(page).toHaveURL(`${rootOrigin}${first}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Formulations and brands');
  });

  test('an excerpt under a section link does not repeat the section title', async ({ page }) => {
    await page.goto('/topics/monitoring/');
    // Prograf and SDNS match mostly through aliases, so their excerpts come from the section's opening words.
    for (const query of ['Prograf', 'SDNS', 'trough target maintenance']) {
      await fillQuery(page, page.locator('#header-search'), query);
      const pairs = await panelOf(page, 'header-search')
        .locator('li:has(> a.search-result-section)')
        .evaluateAll((items) => items.map((item) => [item.querySelector('a')!.textContent ?? '', item.querySelector('.search-excerpt')?.textContent ?? '']));
      expect(pairs.length, query).toBeGreaterThan(0);
      const repeated = pairs.filter(([title, excerpt]) => excerpt.trim().startsWith(title)).map(([title, excerpt]) => `${title} | ${excerpt.slice(0, 80)}`);
      expect.soft(repeated, `"${query}": excerpts starting with their own title`).toEqual([]);
    }
  });

  test('the home, 404 and search pages each have a working box; /search/?q= runs the query', async ({ page }) => {
    await page.goto('/');
    await typeQuery(page, page.locator('#home-search'), 'ciclosporin');
    await expect(panelOf(page, 'home-search').locator('a.search-result-topic').first()).toBeVisible();

    await page.goto('/no-such-page/');
    await typeQuery(page, page.locator('#notfound-search'), 'breastfeeding');
    await expect(panelOf(page, 'notfound-search').locator('a.search-result-topic').first()).toHaveText('Vaccines, pregnancy and breastfeeding');

    await page.goto('/search/?q=grapefruit');
    await expect(page.locator('#page-search')).toHaveValue('grapefruit');
    await waitForSearch(page, 'grapefruit');
    // Grapefruit is both an interaction and a rule for taking the doses: either topic answers.
    await expect(panelOf(page, 'page-search').locator('a.search-result-topic').first()).toHaveText(/^(Drug interactions|Formulations and brands)$/);
  });
});

test.describe('keyboard and opening/closing', () => {
  test('"/" focuses the visible search box from anywhere on the page, and is not typed into it', async ({ page }) => {
    await page.goto('/topics/monitoring/');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect(page.locator('#header-search')).toBeFocused();
    await expect(page.locator('#header-search')).toHaveValue('');

    await page.goto('/');
    await page.keyboard.press('/');
    await expect(page.locator('#home-search')).toBeFocused();

    // Typing "/" inside a field types it, it does not jump.
    await page.goto('/dose-calculator/');
    const weight = page.getByLabel('Weight (kg)');
    await weight.click();
    await page.keyboard.press('/');
    await expect(weight).toBeFocused();
  });

  test('Escape in the box closes the results; focusing the box again reopens them', async ({ page }) => {
    await page.goto('/topics/monitoring/');
    const input = page.locator('#header-search');
    await typeQuery(page, input, 'Prograf');
    const panel = panelOf(page, 'header-search');
    await expect(panel).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(input).toBeFocused();
    await expect(input).toHaveValue('Prograf');
    // Focus away and back: the previous results return.
    await page.locator('.skip-link, a').first().focus();
    await input.focus();
    await expect(panel).toBeVisible();
    // A click elsewhere on the page closes them.
    await page.locator('footer').first().click();
    await expect(panel).toBeHidden();
  });

  test('Escape closes the results when focus is on a result link', async ({ page }) => {
    await page.goto('/topics/monitoring/');
    const input = page.locator('#header-search');
    await typeQuery(page, input, 'Prograf');
    const panel = panelOf(page, 'header-search');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(panel.locator('a.search-result-section').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(input).toBeFocused();
    await expect(panel).toBeHidden({ timeout: 2_000 });
  });
});

test.describe('before and without scripts', () => {
  test('the box is a labelled search field in the served HTML', async ({ request }) => {
    for (const [path, id] of [['/topics/monitoring/', 'header-search'], ['/', 'home-search'], ['/search/', 'page-search']]) {
      const html = await (await request.get(path)).text();
      expect(html, path).toMatch(new RegExp(`<label for="${id}">Search the guidance</label>`));
      expect(html, path).toMatch(new RegExp(`<input[^>]*id="${id}"[^>]*type="search"`));
      expect(html, path).toMatch(new RegExp(`<form[^>]*action="/search/"[^>]*role="search"`));
    }
  });

  test('with JavaScript off the box is still a labelled searchbox, says search needs JavaScript and links to the topic list', async ({ browser }) => {
    for (const base of [`${rootOrigin}/`, sub()]) {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${base}topics/monitoring/`);
      const input = page.getByRole('searchbox', { name: 'Search the guidance' });
      await expect(input).toBeVisible();
      await expect(input).toHaveId('header-search');
      const help = page.locator('#header-search-help');
      await expect(help.getByText('Search needs JavaScript, which is switched off.')).toBeVisible();
      await expect(input).toHaveAttribute('aria-describedby', 'header-search-help');
      await help.getByRole('link', { name: 'topic list' }).click();
      await expect(page).toHaveURL(`${base}#topics`);
      const topics = page.locator('#topics');
      await expect(topics).toBeInViewport();
      await expect(topics.getByRole('link', { name: 'Dosing and trough targets' })).toBeVisible();
      await context.close();
    }
  });

  test('the search code is not downloaded with the page, only once the box is focused', async ({ page }) => {
    const searchCode = (url: string) => url.includes('/pagefind/') || /\/_astro\/search-ui\.[^/]+\.js$/.test(url);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    for (const path of ['/topics/dosing-and-trough-targets/', '/', '/no-such-page/']) {
      requested.length = 0;
      await page.goto(path);
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(300);
      expect(requested.filter(searchCode), `${path}: search code on load`).toEqual([]);
    }
    await page.goto('/topics/dosing-and-trough-targets/');
    const ui = page.waitForRequest((request) => /\/_astro\/search-ui\.[^/]+\.js$/.test(request.url()));
    const index = page.waitForRequest((request) => request.url().endsWith('/pagefind/pagefind.js'));
    await page.locator('#header-search').focus();
    await ui;
    await index;
  });
});

test.describe('when nothing matches, and awkward input', () => {
  test('a nonsense query says "No results", suggests what to try and links to the topic list', async ({ page }) => {
    await page.goto('/topics/monitoring/');
    const search = await typeQuery(page, page.locator('#header-search'), 'qwertyuiop');
    expect(search.count).toBe(0);
    const panel = panelOf(page, 'header-search');
    const status = panel.getByRole('status');
    await expect(status).toContainText('No results for “qwertyuiop”');
    await expect(status).toContainText('Prograf');
    await expect(status).toContainText('SRNS');
    await expect(panel.locator('.search-result')).toHaveCount(0);
    const link = status.getByRole('link', { name: 'browse the topic list' });
    await expect(link).toHaveAttribute('href', '/#topics');
    await link.click();
    await expect(page).toHaveURL(/\/#topics$/);
    await expect(page.locator('#topics').getByRole('link', { name: 'Monitoring' })).toBeVisible();
  });

  test('a drug the guidance does not mention gets "No results", not matches on its first letter', async ({ page }) => {
    // "atorvastatin" is nowhere in the guidance (no word on the pages even starts "ato"); the index
    // falls back to words starting with "a". ("amlodipine", used before, is now on Drug interactions.)
    await page.goto('/topics/monitoring/');
    await typeQuery(page, page.locator('#header-search'), 'atorvastatin');
    const panel = panelOf(page, 'header-search');
    const shortMarks = await panel.locator('mark').evaluateAll((marks) => marks.map((mark) => mark.textContent ?? '').filter((text) => text.replace(/\W/g, '').length < 3));
    expect(shortMarks, 'marked fragments shorter than 3 letters').toEqual([]);
    await expect(panel.getByRole('status')).toContainText('No results for “atorvastatin”');
  });

  test('HTML typed into the box is shown as text and never runs', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss();
    });
    await page.goto('/topics/monitoring/');
    const input = page.locator('#header-search');
    const panel = panelOf(page, 'header-search');
    for (const hostile of ['<img src=x onerror="window.__pwned=1">', '"><svg onload="window.__pwned=2">', '<script>window.__pwned=3</script> trough']) {
      await input.fill(hostile);
      await expect(panel).toBeVisible();
      await expect(panel.getByRole('status')).not.toBeEmpty();
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      await expect(panel.locator('img, svg, script, iframe, object')).toHaveCount(0);
    }
    await input.fill('<img src=x onerror="window.__pwned=1">');
    await expect(panel.getByRole('status')).toContainText('img src=x onerror');
    expect(await page.locator('body img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test('a 5,000-character query leaves the page responsive', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/topics/monitoring/');
    const input = page.locator('#header-search');
    const panel = panelOf(page, 'header-search');
    const pasted = 'tacrolimus trough level monitoring in nephrotic syndrome '.repeat(90).slice(0, 5000);
    expect(pasted).toHaveLength(5000);
    await input.fill(pasted);
    // The box keeps no more than its limit.
    expect((await input.inputValue()).length).toBeLessThanOrEqual(200);
    await expect(panel.getByRole('status')).not.toBeEmpty();

    // A script or extension that sets the value directly bypasses maxlength: still cut and answered.
    await input.evaluate((element, text) => {
      (element as HTMLInputElement).value = text;
      element.dispatchEvent(new Event('input', { bubbles: true }));
    }, 'x'.repeat(5000));
    const long = await waitForSearch(page, 'x'.repeat(200), 0);
    expect(long.ms).toBeLessThan(3_000);

    const started = Date.now();
    await fillQuery(page, input, 'Prograf');
    await expect(panel.locator('a.search-result-topic').first()).toHaveText('Formulations and brands');
    expect(Date.now() - started).toBeLessThan(3_000);

    // The search page cuts a huge ?q= the same way and still answers.
    await page.goto(`/search/?q=${encodeURIComponent('y'.repeat(5000))}`);
    expect((await page.locator('#page-search').inputValue()).length).toBe(200);
    await expect(panelOf(page, 'page-search').getByRole('status')).not.toBeEmpty();
    await fillQuery(page, page.locator('#page-search'), 'grapefruit');
    // Grapefruit is both an interaction and a rule for taking the doses: either topic answers.
    await expect(panelOf(page, 'page-search').locator('a.search-result-topic').first()).toHaveText(/^(Drug interactions|Formulations and brands)$/);
    expect(errors).toEqual([]);
  });

  test('control characters and unbalanced brackets do not break the search', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto('/topics/monitoring/');
    const input = page.locator('#header-search');
    const panel = panelOf(page, 'header-search');

    // Only brackets and quotes: nothing to search, the panel stays closed and nothing throws.
    await input.fill('(( [[ "');
    await page.waitForTimeout(300);
    await expect(panel).toBeHidden();

    for (const [typed, searched] of [
      ['trough ((', 'trough'],
      ['[[ "FK506', 'FK506'],
      ['\u0000\u0007creatinine\u001b', 'creatinine'],
      ['grapefruit\t\r\n))', 'grapefruit'],
      ['{"Prograf"} ) ] } \\', 'Prograf'],
    ]) {
      const search = await fillQuery(page, input, typed, searched);
      expect(search.count, typed).toBeGreaterThan(0);
      await expect(panel.locator('a.search-result-topic').first(), typed).toBeVisible();
    }
    expect(errors).toEqual([]);
  });
});

test.describe('corrections and filters', () => {
  test('"nephritic syndrome" says it searched for nephrotic syndrome instead', async ({ page }) => {
    await page.goto('/topics/monitoring/');
    const search = await typeQuery(page, page.locator('#header-search'), 'nephritic syndrome', 'nephrotic syndrome');
    expect(search.count).toBeGreaterThan(0);
    const panel = panelOf(page, 'header-search');
    await expect(panel.locator('.search-correction')).toHaveText('Nephritic syndrome is a different condition; showing results for nephrotic syndrome.');
    await expect(panel.locator('a.search-result-topic').first()).toBeVisible();
    // The results are for the corrected word.
    await expect(panel.locator('.search-excerpt mark', { hasText: /nephrotic/i }).first()).toBeVisible();

    // A correct query carries no note.
    await fillQuery(page, page.locator('#header-search'), 'nephrotic syndrome');
    await expect(panel.locator('.search-correction')).toHaveCount(0);
  });

  test('"tacrolimis" is corrected to tacrolimus', async ({ page }) => {
    await page.goto('/topics/monitoring/');
    await typeQuery(page, page.locator('#header-search'), 'tacrolimis level', 'tacrolimus level');
    await expect(panelOf(page, 'header-search').locator('.search-correction')).toHaveText('Showing results for tacrolimus.');
  });

  test('the filters offer what the topics carry, and the engine loads a filter only once one is chosen', async ({ page }) => {
    const filterFiles: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/filter/')) filterFiles.push(request.url());
    });
    await page.goto('/topics/overview/');
    const panel = panelOf(page, 'header-search');
    await typeQuery(page, page.locator('#header-search'), 'trough');
    await fillQuery(page, page.locator('#header-search'), 'trough level');
    const options = (name: string) => panel.locator(`select[data-search-filter="${name}"] option`).evaluateAll((elements) => elements.map((element) => (element as HTMLOptionElement).value));
    expect(await options('population')).toEqual(['', 'Adults', 'Children']);
    expect(await options('condition')).toEqual(expect.arrayContaining(['', 'MN', 'SRNS']));
    expect(await options('kind')).toEqual(expect.arrayContaining(['', 'Dosing', 'Monitoring']));
    // Searching without a filter never asks the engine for filter data (which would slow every search).
    expect(filterFiles).toEqual([]);
    const filterLoaded = page.waitForRequest((request) => request.url().includes('/pagefind/filter/'));
    await panel.locator('select[data-search-filter="population"]').selectOption('Children');
    await filterLoaded;
  });

  test('Condition = MN narrows the results to topics labelled MN', async ({ page }) => {
    await page.goto('/topics/overview/');
    const input = page.locator('#header-search');
    const panel = panelOf(page, 'header-search');
    const unfiltered = await typeQuery(page, input, 'trough');
    const unfilteredTopics = await hrefs(panel.locator('a.search-result-topic'));
    // Drug interactions discusses troughs but is not labelled with any condition.
    expect(unfilteredTopics).toContain('/topics/drug-interactions/?highlight=trough');

    const before = (await searchEvents(page)).length;
    await panel.locator('select[data-search-filter="condition"]').selectOption('MN');
    const filtered = await waitForSearch(page, 'trough', before);
    expect(filtered.count).toBeGreaterThan(0);
    expect(filtered.count).toBeLessThan(unfiltered.count);
    const filteredTopics = await hrefs(panel.locator('a.search-result-topic'));
    expect(filteredTopics).not.toContain('/topics/drug-interactions/?highlight=trough');

    for (const href of filteredTopics) {
      await page.goto(href);
      await expect(page.locator('.badge-condition', { hasText: /^MN$/ }), href).toHaveCount(1);
    }

    // Back to "Any" restores the full list.
    await page.goto('/topics/overview/');
    const again = await typeQuery(page, page.locator('#header-search'), 'trough');
    expect(again.count).toBe(unfiltered.count);
    const select = panel.locator('select[data-search-filter="condition"]');
    let seen = (await searchEvents(page)).length;
    await select.selectOption('MN');
    expect((await waitForSearch(page, 'trough', seen)).count).toBe(filtered.count);
    seen = (await searchEvents(page)).length;
    await select.selectOption('');
    expect((await waitForSearch(page, 'trough', seen)).count).toBe(unfiltered.count);
  });
});

test('no request leaves 127.0.0.1 while searching, filtering and following results, at the root and under the sub-path', async ({ page }) => {
  const hosts = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http')) hosts.add(url.hostname);
  });
  for (const base of ['/', sub()]) {
    await page.goto(`${base}topics/overview/`);
    const input = page.locator('#header-search');
    await typeQuery(page, input, 'Prograf');
    await fillQuery(page, input, 'live vaccine');
    const before = (await searchEvents(page)).length;
    await panelOf(page, 'header-search').locator('select[data-search-filter="population"]').selectOption('Children');
    await waitForSearch(page, 'live vaccine', before);
    await panelOf(page, 'header-search').locator('a.search-result-section').first().click();
    await expect(page.locator('mark.search-highlight').first()).toBeVisible();
  }
  expect([...hosts]).toEqual(['127.0.0.1']);
  // The afterEach check lists any request that left, by URL.
});
