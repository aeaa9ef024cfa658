/**
 * Quality and safety gates over the built site: links, HTML validity, accessibility, the
 * Content-Security-Policy, requests that stay on the origin, and pages that read with JavaScript off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { subPath } from '../playwright.config.ts';
import { rootOrigin } from '../ports.ts';
import { builtPages, clinicalPages } from './site-pages.ts';
import { checkLinks } from './site-links.ts';

const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')})`);
}

test.describe('links', () => {
  test('every internal link and #anchor resolves at the root', () => {
    for (const path of clinicalPages) expect(builtPages(), `${path} is built`).toContain(path);
    const result = checkLinks('dist', '/');
    expect(result.pages).toBeGreaterThan(15);
    expect(result.links).toBeGreaterThan(1000);
    expect(result.broken).toEqual([]);
  });

  test(`every internal link and #anchor resolves under ${subPath}`, () => {
    const result = checkLinks('dist-sub', subPath);
    expect(result.broken).toEqual([]);
  });
});

test('every page is valid HTML', async () => {
  // One rule switched off, and why: prefer-native-element asks for <section> instead of the
  // <div role="region" tabindex="0" aria-label="Table: ..."> around each wide table. That wrapper
  // exists only so a zoomed-in reader can scroll the table with the keyboard; it has no heading of its
  // own for a <section> to carry.
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: { 'prefer-native-element': 'off' },
  });
  const failures: string[] = [];
  for (const path of builtPages()) {
    const file = join('dist', path, 'index.html');
    const report = await validator.validateString(readFileSync(file, 'utf8'), file);
    for (const result of report.results) for (const message of result.messages) failures.push(`${file}:${message.line}: ${message.ruleId}: ${message.message}`);
  }
  expect(failures).toEqual([]);
});

test.describe('accessibility (axe-core)', () => {
  // One test per page, so the pages spread over the workers and each has its own time limit.
  for (const path of [...builtPages(), '/no-such-page/']) {
    test(`no violation on ${path}`, async ({ page }) => {
      // The binder is every topic and the weight-band tables in one page: axe needs longer there.
      test.setTimeout(path === '/binder/' ? 360_000 : 120_000);
      await page.goto(path);
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test('no violation with search results open', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search the guidance' }).first().fill('trough');
    await expect(page.locator('.search-result').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/topics/monitoring/');
    await page.locator('#header-search').fill('Prograf');
    await expect(page.locator('.search-result').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('no violation with calculator results and errors shown', async ({ page }) => {
    // The calculator's page (its forms and the trough ranges): axe needs longer on a shared machine.
    test.setTimeout(120_000);
    await page.goto('/dose-calculator/');
    await page.getByLabel('Weight (kg)').fill('abc');
    await page.getByRole('button', { name: 'Calculate dose' }).click();
    await page.getByLabel('Condition').selectOption({ label: 'Membranous nephropathy' });
    await page.getByLabel('Measured trough (ng/mL)').fill('6');
    await page.getByRole('button', { name: 'Check level' }).click();
    await expect(page.locator('[data-trough-result] li').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('keyboard', () => {
  test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
    await page.goto('/topics/monitoring/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });

  test('focus is visible and every control is reachable by Tab', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/dose-calculator/');
    const seen = new Set<string>();
    for (let step = 0; step < 400; step++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        return { key: element.id || element.getAttribute('href') || element.textContent?.trim().slice(0, 40) || element.tagName, outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none' };
      });
      if (!focused) continue;
      expect(focused.outline, `visible focus on ${focused.key}`).toBe(true);
      seen.add(focused.key);
    }
    for (const control of ['header-search', 'dose-weight', 'trough-level', 'Print this page', 'patient-child-srns']) {
      expect([...seen], control).toContain(control);
    }
  });
});

test.describe('no request leaves the origin, and nothing breaks under the CSP', () => {
  test('pages load, search runs and print is triggered without outside requests or CSP errors', async ({ page }) => {
    const outside: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['http:', 'https:'].includes(url.protocol) || url.host !== new URL(rootOrigin).host) {
        if (!['data:', 'blob:'].includes(url.protocol)) outside.push(request.url());
      }
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy|CSP/.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    for (const path of builtPages()) await page.goto(path);
    await page.goto('/topics/dosing-and-trough-targets/');
    await page.locator('#header-search').fill('Prograf');
    await expect(page.locator('.search-result').first()).toBeVisible();
    await page.goto('/dose-calculator/');
    await page.getByRole('radio', { name: /^Child, other/ }).check();
    await page.getByLabel('Weight (kg)').fill('20');
    await page.getByRole('button', { name: 'Calculate dose' }).click();
    await expect(page.locator('[data-dose-result]')).toContainText('mg/day');
    await page.evaluate(() => {
      window.print = () => {};
    });
    await page.getByRole('button', { name: 'Print this page' }).click();
    await page.pdf({ format: 'A4' });
    await page.goto('/topics/monitoring/?highlight=creatinine');
    await expect(page.locator('mark.search-highlight').first()).toBeVisible();
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('every page carries a strict Content-Security-Policy and no inline script', () => {
    for (const path of builtPages()) {
      const html = readFileSync(join('dist', path, 'index.html'), 'utf8');
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
      expect(csp, path).toBeDefined();
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).toContain("worker-src 'self' blob:");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        expect(script[1], `${path}: external script`).toMatch(/\ssrc="/);
        expect(script[2].trim(), `${path}: inline script body`).toBe('');
      }
      expect(html, `${path}: inline event handler`).not.toMatch(/\son[a-z]+="/);
      expect(html, `${path}: inline style attribute`).not.toMatch(/\sstyle="/);
    }
  });

  test('the build ships a web.config that lets IIS serve the search files, with the same headers', () => {
    const config = readFileSync('dist/web.config', 'utf8');
    for (const extension of ['.pagefind', '.pf_fragment', '.pf_index', '.pf_meta', '.pf_filter', '.wasm']) {
      expect(config).toContain(`<mimeMap fileExtension="${extension}"`);
    }
    expect(config).toContain('name="Content-Security-Policy"');
    expect(config).toContain('frame-ancestors');
  });

  test('the test server sends the documented security headers', async ({ request }) => {
    const response = await request.get('/');
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
  });
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('every topic and the weight-band tables read completely, and search says it needs JavaScript', async ({ page }) => {
    for (const path of builtPages().filter((p) => p.startsWith('/topics/'))) {
      await page.goto(path);
      const body = page.locator('.topic-body');
      await expect(body, path).toBeVisible();
      expect((await body.innerText()).length, path).toBeGreaterThan(1500);
      await expect(page.locator('.reference-list li').first(), path).toBeVisible();
      await expect(page.getByText('Search needs JavaScript').first(), path).toBeVisible();
      await expect(page.getByRole('button', { name: 'Print topic' }), path).toBeHidden();
    }
    for (const path of clinicalPages) {
      await page.goto(path);
      const tables = page.locator('main [role="region"] table');
      expect(await tables.count(), path).toBeGreaterThan(0);
      for (const table of await tables.all()) await expect(table, path).toBeVisible();
      await expect(page.locator('.reference-list li').first(), path).toBeVisible();
      await expect(page.getByRole('button', { name: /^Print/ }), path).toBeHidden();
    }
    await page.goto('/');
    await expect(page.locator('#topics li').first()).toBeVisible();
    await page.getByRole('link', { name: 'topic list' }).first().click();
    await expect(page.locator('#topics')).toBeInViewport();
  });
});
