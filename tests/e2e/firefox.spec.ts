/**
 * Firefox ESR smoke suite. Playwright 1.65 cannot drive Debian's Firefox ESR 153 (its Firefox channel
 * sends commands ESR does not know), so these Playwright tests launch puppeteer-core, which drives
 * Firefox over WebDriver BiDi, against the same test server as the Chromium suite. The binary is
 * FIREFOX_PATH or /usr/bin/firefox-esr (tests/browser.ts); puppeteer-core never downloads one.
 */
import { expect, test } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { site } from '../../src/site.ts';
import { firefoxPath } from '../browser.ts';
import { rootOrigin } from '../ports.ts';
import { readPdf } from './pdf.ts';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

let browser: Browser | undefined;
let page: Page;
const problems: string[] = [];

test.beforeAll(async () => {
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    timeout: 60_000,
    // A closed network: no update checks, no telemetry, no captive-portal probe.
    extraPrefsFirefox: { 'app.update.enabled': false, 'network.captive-portal-service.enabled': false, 'toolkit.telemetry.enabled': false },
  });
  page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
});

test.afterAll(async () => {
  await browser?.close();
});

test.afterEach(() => {
  const seen = problems.splice(0);
  expect(seen, 'errors in the Firefox console').toEqual([]);
});

/** Opens a path on the root test server and checks it answered 200. */
async function open(path: string): Promise<void> {
  const response = await page.goto(`${rootOrigin}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
}

test('a topic reads in full, styled, with its references', async () => {
  await open('/topics/dosing-and-trough-targets/');
  expect(await browser!.version()).toMatch(/firefox/i);
  const read = await page.evaluate(() => ({
    h1: document.querySelectorAll('h1').length,
    body: (document.querySelector('.topic-body') as HTMLElement | null)?.innerText.length ?? 0,
    references: document.querySelectorAll('.reference-list li').length,
    callouts: document.querySelectorAll('.callout').length,
    calloutEdge: parseFloat(getComputedStyle(document.querySelector('.callout')!).borderLeftWidth),
    headerBackground: getComputedStyle(document.querySelector('.site-header')!).backgroundColor,
    sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
  }));
  expect(read.h1).toBe(1);
  expect(read.body).toBeGreaterThan(1500);
  expect(read.references).toBeGreaterThan(3);
  expect(read.callouts).toBeGreaterThan(0);
  // The shared stylesheet loaded and applied.
  expect(read.calloutEdge).toBeGreaterThan(0);
  expect(read.headerBackground).not.toBe('rgba(0, 0, 0, 0)');
  expect(read.sideways).toBe(false);
});

test('search answers and lands on the section, with the words marked', async () => {
  await open('/topics/monitoring/');
  await page.type('#header-search', 'trough target maintenance');
  const section = await page.waitForSelector('#header-search-results a.search-result-section');
  const href = await section!.evaluate((link) => link.getAttribute('href')!);
  expect(href).toMatch(/^\/topics\/[a-z-]+\/\?highlight=[^#]+#[a-z0-9-]+$/);
  const topicCount = await page.$$eval('#header-search-results a.search-result-topic', (links) => links.length);
  expect(topicCount).toBeGreaterThan(0);

  await Promise.all([page.waitForNavigation(), section!.click()]);
  const anchor = decodeURIComponent(href.split('#')[1]);
  expect(page.url()).toBe(`${rootOrigin}${href}`);
  await page.waitForSelector('[data-pagefind-body] mark.search-highlight');
  const landed = await page.evaluate((id) => {
    const box = document.getElementById(id)!.getBoundingClientRect();
    return { top: box.top, height: window.innerHeight, marks: document.querySelectorAll('[data-pagefind-body] mark.search-highlight').length };
  }, anchor);
  expect(landed.top).toBeGreaterThanOrEqual(-1);
  expect(landed.top).toBeLessThan(landed.height);
  expect(landed.marks).toBeGreaterThan(0);
});

test('the dose calculator gives one dose for a 20 kg child: 0.5 mg twice a day = 1 mg/day', async () => {
  await open('/dose-calculator/');
  await page.click('#patient-child-other');
  await page.type('#dose-weight', '20');
  await page.click('form[data-dose-form] button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('[data-dose-result]')?.textContent?.includes('mg'));
  const result = await page.$eval('[data-dose-result]', (output) => output.textContent!.replace(/\s+/g, ' '));
  expect(result).toContain('0.5 mg twice a day = 1 mg/day');
  expect(result).toContain('band 16.1-20 kg');
  expect(result).not.toMatch(/Nearest|High end/);
});

test('printing to PDF carries the document control', async () => {
  await open('/topics/level-sampling/');
  const pdf = readPdf(await page.pdf({ format: 'A4' }));
  expect(pdf.text).toContain('Uncontrolled when printed');
  expect(pdf.text).toContain(`${site.title} ${site.version}`);
  expect(pdf.text).toContain('/topics/level-sampling/');
  expect(pdf.text).not.toContain('Skip to content');
  expect(pdf.pages).toBeGreaterThan(1);
});
