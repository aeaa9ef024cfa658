/**
 * The pages of each site on a first visit, in headless Chromium with the CPU slowed: everything
 * transferred (gzip), script before interaction, first paint; and this site's page shell.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { slowCpu, type Site } from './sites.ts';

/** The file a request path is served from, or undefined (a 404, a data: URL). */
export function fileFor(dist: string, urlPath: string): string | undefined {
  let file = join(dist, decodeURIComponent(urlPath));
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

export const gzipBytes = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

export interface PageFigures {
  path: string;
  requests: number;
  totalGzipBytes: number;
  /** The HTML alone: what a later page costs once styles and scripts are in the browser cache. */
  htmlGzipBytes: number;
  scriptGzipBytes: number;
  pagefindRequests: number;
  firstPaintMs: number;
}

/** A fresh page that records the path of every request it makes to the site's own origin. */
async function pageRecordingRequests(browser: Browser, site: Site) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === site.origin) requested.push(url.pathname);
  });
  return { context, page, requested };
}

/** Everything a first visit transfers, up to one second after `load` with no interaction. */
export async function measurePage(browser: Browser, site: Site, path: string): Promise<PageFigures> {
  const { context, page, requested } = await pageRecordingRequests(browser, site);
  await slowCpu(page);
  await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  const firstPaintMs = await page.evaluate(() => {
    const paint = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint') ?? performance.getEntriesByType('paint')[0];
    return paint ? paint.startTime : Number.NaN;
  });
  await context.close();
  const sizes = requested.map((requestPath) => {
    const file = fileFor(site.dist, requestPath);
    return { requestPath, file, bytes: file ? gzipBytes(readFileSync(file)) : 0 };
  });
  return {
    path,
    requests: requested.length,
    totalGzipBytes: sizes.reduce((sum, size) => sum + size.bytes, 0),
    htmlGzipBytes: sizes.filter((size) => size.file?.endsWith('.html')).reduce((sum, size) => sum + size.bytes, 0),
    scriptGzipBytes: sizes.filter((size) => /\.m?js$/.test(size.requestPath)).reduce((sum, size) => sum + size.bytes, 0),
    pagefindRequests: requested.filter((requestPath) => requestPath.includes('/pagefind/')).length,
    firstPaintMs: Math.round(firstPaintMs),
  };
}

/**
 * The page shell: everything on a topic page except its indexed text, its tools and its reference
 * list. The page's HTML is parsed (no scripts run) and those regions are removed by what they are
 * in the DOM ([data-pagefind-body], [data-dose-tools], the timeline, the reference list section), so the figure does
 * not depend on how the page head is marked up. Styles (other than the tools' own), scripts and icons
 * requested on a first visit are added.
 */
export interface ShellFigures {
  path: string;
  htmlGzipBytes: number;
  stylesGzipBytes: number;
  scriptGzipBytes: number;
  iconGzipBytes: number;
  totalGzipBytes: number;
  /** The shell's HTML by region, gzip bytes each on its own (they do not add up to the whole). */
  regions: Record<string, number>;
}

export async function measureShell(browser: Browser, site: Site, path: string): Promise<ShellFigures> {
  const { context, page, requested } = await pageRecordingRequests(browser, site);
  await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  const { shellHtml, regionHtml } = await page.evaluate(async () => {
    const source = await (await fetch(location.href)).text();
    const doc = new DOMParser().parseFromString(source, 'text/html');
    // The topic's change log is its own text too (it grows with every release), at the end of the page.
    // Tools are the page's own content too: the dose tools and the treatment timeline (drawn from the dose data).
    const excluded = ['[data-pagefind-body]', '[data-dose-tools]', 'section[data-section="treatment-timeline"]', '[data-timeline]', 'section.reference-list', 'section:has(> h2#references)', '.change-log'];
    for (const selector of excluded) doc.querySelectorAll(selector).forEach((element) => element.remove());
    const regionHtml: Record<string, string> = {};
    const regions: Array<[string, string]> = [
      ['head', 'head'],
      ['site header', 'body > header'],
      ['topic header', 'article > header, .topic-header'],
      ['contents list', 'nav.toc, nav[aria-labelledby*="toc"], .toc'],
      ['footer', 'body > footer'],
    ];
    for (const [name, selector] of regions) {
      const element = doc.querySelector(selector);
      if (element) regionHtml[name] = element.outerHTML;
    }
    return { shellHtml: `<!doctype html>\n${doc.documentElement.outerHTML}`, regionHtml };
  });
  await context.close();
  const sum = (filter: (requestPath: string) => boolean) =>
    [...new Set(requested.filter(filter))].reduce((total, requestPath) => {
      const file = fileFor(site.dist, requestPath);
      return total + (file ? gzipBytes(readFileSync(file)) : 0);
    }, 0);
  const htmlGzipBytes = gzipBytes(shellHtml);
  // A tool's own files (the dose tools', the timeline's stylesheet) load only on the pages that show it.
  const isTool = (requestPath: string) => /dose-?tools|timeline/i.test(requestPath);
  const stylesGzipBytes = sum((requestPath) => requestPath.endsWith('.css') && !isTool(requestPath));
  const scriptGzipBytes = sum((requestPath) => /\.m?js$/.test(requestPath) && !isTool(requestPath));
  const iconGzipBytes = sum((requestPath) => /\.(svg|ico|png)$/.test(requestPath));
  return {
    path,
    htmlGzipBytes,
    stylesGzipBytes,
    scriptGzipBytes,
    iconGzipBytes,
    totalGzipBytes: htmlGzipBytes + stylesGzipBytes + scriptGzipBytes + iconGzipBytes,
    regions: Object.fromEntries(Object.entries(regionHtml).map(([name, html]) => [name, gzipBytes(html)])),
  };
}
