/**
 * `npm run bench`: holds the site to a hospital-PC budget and prints the figures.
 * 1. Builds the site and times it.
 * 2. Serves dist/ on loopback and loads the home page and every topic in headless Chromium with
 *    the CPU slowed 4x: bytes (gzip), requests, script before interaction, first paint.
 * 3. Times search on the slowed CPU: the first query (search code, WASM and index loading from
 *    focus) and the median of later queries.
 * 4. Builds 1,000 generated topics in a temporary copy and times it.
 * Writes bench-results/bench.json. Budgets are reported, not asserted: this is a benchmark.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { serve } from './serve.ts';
import { chromiumArgs, chromiumPath } from '../../tests/browser.ts';

const root = resolve(import.meta.dirname, '../..');
const port = 4390;
const origin = `http://127.0.0.1:${port}`;
const cpuSlowdown = 4;
const skipLargeBuild = process.argv.includes('--quick');

const budgets = {
  topicTotalGzipBytes: 15 * 1024,
  topicScriptGzipBytes: 3 * 1024,
  firstSearchMs: 200,
  laterSearchMs: 20,
  siteBuildSeconds: 15,
  largeBuildSeconds: 180,
};

const searchQueries = [
  'trough target maintenance',
  'starting dose mg/kg',
  'Prograf',
  'FK506 child dose',
  'creatinine rise',
  'gum hypertrophy',
  'cyclophosphamide fertility',
  'lupus nephritis',
  'breastfeeding',
  'grapefruit',
  'partial responders',
  'how long continue',
];

function timeBuild(cwd: string, label: string): number {
  const started = performance.now();
  const result = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--force'], { cwd, encoding: 'utf8', env: { ...process.env, BASE_PATH: '', OUT_DIR: '' } });
  if (result.status !== 0) {
    console.error(result.stdout.slice(-3000), result.stderr.slice(-3000));
    throw new Error(`${label} build failed`);
  }
  return (performance.now() - started) / 1000;
}

function gzipBytesOf(urlPath: string): number {
  const file = join(root, 'dist', decodeURIComponent(urlPath).replace(/\/$/, '/index.html'));
  return gzipSync(readFileSync(file)).length;
}

interface PageFigures {
  path: string;
  requests: number;
  totalGzipBytes: number;
  /** The page itself: what a later page costs once styles and scripts are in the browser cache. */
  htmlGzipBytes: number;
  scriptGzipBytes: number;
  pagefindRequests: number;
  firstPaintMs: number;
}

async function slowCpu(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
}

async function measurePage(page: Page, path: string): Promise<PageFigures> {
  const requested: string[] = [];
  const listener = (request: { url: () => string }) => requested.push(new URL(request.url()).pathname);
  page.on('request', listener);
  await slowCpu(page);
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  const firstPaintMs = await page.evaluate(() => {
    const paint = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint') ?? performance.getEntriesByType('paint')[0];
    return paint ? paint.startTime : Number.NaN;
  });
  page.off('request', listener);
  const sizes = requested.map((requestPath) => ({ requestPath, bytes: gzipBytesOf(requestPath) }));
  return {
    path,
    requests: requested.length,
    totalGzipBytes: sizes.reduce((sum, size) => sum + size.bytes, 0),
    htmlGzipBytes: sizes.filter((size) => size.requestPath.endsWith('/')).reduce((sum, size) => sum + size.bytes, 0),
    scriptGzipBytes: sizes.filter((size) => size.requestPath.endsWith('.js')).reduce((sum, size) => sum + size.bytes, 0),
    pagefindRequests: requested.filter((requestPath) => requestPath.includes('/pagefind/')).length,
    firstPaintMs: Math.round(firstPaintMs),
  };
}

/** Focuses the search box, which starts loading the search code, and waits until it is ready. */
async function focusSearch(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolvePromise) => {
        const input = document.querySelector<HTMLInputElement>('#header-search')!;
        const started = performance.now();
        input.closest('[data-search-root]')!.addEventListener('search:ready', () => resolvePromise(performance.now() - started), { once: true });
        input.focus();
      }),
  );
}

/** Time from a query being issued to result data ready, as the search box reports it. */
async function timeQuery(page: Page, query: string): Promise<{ fromIssueMs: number; searchMs: number }> {
  return page.evaluate(
    (query) =>
      new Promise<{ fromIssueMs: number; searchMs: number }>((resolvePromise) => {
        const input = document.querySelector<HTMLInputElement>('#header-search')!;
        const searchRoot = input.closest('[data-search-root]')!;
        const issued = performance.now();
        searchRoot.addEventListener(
          'search:results',
          (event) => resolvePromise({ fromIssueMs: performance.now() - issued, searchMs: (event as CustomEvent<{ ms: number }>).detail.ms }),
          { once: true },
        );
        input.focus();
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function generateLargeSite(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-large-'));
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'content']) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const template = readFileSync(join(root, 'content/topics/monitoring.md'), 'utf8');
  for (let index = 1; index <= count; index++) {
    const topic = template
      .replace(/^title: .*$/m, `title: "Generated topic ${index}"`)
      .replace(/^order: .*$/m, `order: ${1000 + index}`);
    writeFileSync(join(dir, `content/topics/generated-${index}.md`), topic);
  }
  return dir;
}

function pad(text: string | number, width: number): string {
  return String(text).padEnd(width);
}

const verdict = (value: number, budget: number) => (value <= budget ? 'within budget' : 'OVER BUDGET');

async function main(): Promise<void> {
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log('Building the site...');
  const siteBuildSeconds = timeBuild(root, 'site');

  const server = await serve({ dir: join(root, 'dist'), base: '/', port });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const topicPaths = readdirSync(join(root, 'dist/topics')).map((slug) => `/topics/${slug}/`).sort();
  const pages: PageFigures[] = [];
  for (const path of ['/', ...topicPaths]) {
    const context = await browser.newContext();
    pages.push(await measurePage(await context.newPage(), path));
    await context.close();
  }

  // Fully cold: the query is typed at the very moment of focus, so loading the search code, WASM
  // and index all fall inside the measurement.
  const coldContext = await browser.newContext();
  const coldPage = await coldContext.newPage();
  await slowCpu(coldPage);
  await coldPage.goto(`${origin}/topics/monitoring/`, { waitUntil: 'load' });
  const coldest = await timeQuery(coldPage, searchQueries[0]);
  await coldContext.close();

  // As a person searches: focus starts loading the search code; the first query follows.
  const context = await browser.newContext();
  const page = await context.newPage();
  await slowCpu(page);
  await page.goto(`${origin}/topics/monitoring/`, { waitUntil: 'load' });
  const searchReadyMs = await focusSearch(page);
  const first = await timeQuery(page, searchQueries[0]);
  const later: Array<{ fromIssueMs: number; searchMs: number }> = [];
  for (const query of searchQueries.slice(1)) later.push(await timeQuery(page, query));
  await context.close();
  await browser.close();
  server.close();

  let largeBuildSeconds: number | undefined;
  if (!skipLargeBuild) {
    console.log('Building 1,000 generated topics...');
    const largeDir = generateLargeSite(1000);
    try {
      largeBuildSeconds = timeBuild(largeDir, '1,000-topic');
    } finally {
      rmSync(largeDir, { recursive: true, force: true });
    }
  }

  console.log(`\nPages (CPU slowed ${cpuSlowdown}x; bytes are gzip sizes of what was requested; "cached" = the page alone, once styles and scripts are cached)`);
  console.log(`${pad('page', 44)}${pad('requests', 10)}${pad('total KB', 10)}${pad('cached KB', 11)}${pad('script KB', 11)}${pad('pagefind', 10)}first paint ms`);
  for (const figures of pages) {
    console.log(
      `${pad(figures.path, 44)}${pad(figures.requests, 10)}${pad((figures.totalGzipBytes / 1024).toFixed(1), 10)}${pad((figures.htmlGzipBytes / 1024).toFixed(1), 11)}${pad((figures.scriptGzipBytes / 1024).toFixed(1), 11)}${pad(figures.pagefindRequests, 10)}${figures.firstPaintMs}`,
    );
  }
  const topics = pages.filter((figures) => figures.path.startsWith('/topics/'));
  const heaviest = Math.max(...topics.map((figures) => figures.totalGzipBytes));
  const heaviestScript = Math.max(...topics.map((figures) => figures.scriptGzipBytes));
  const laterMedianSearch = median(later.map((timing) => timing.searchMs));
  const laterMedianFromIssue = median(later.map((timing) => timing.fromIssueMs));

  console.log(`\nSearch (CPU slowed ${cpuSlowdown}x, ${searchQueries.length} clinical queries)`);
  console.log(`search code ready after focus: ${searchReadyMs.toFixed(0)} ms (loads while the user types)`);
  console.log(`first query after focus: ${first.searchMs.toFixed(0)} ms to result data, cold index chunks and fragments (${first.fromIssueMs.toFixed(0)} ms including the 80 ms typing debounce)`);
  console.log(`first query typed at the instant of focus, everything cold: ${coldest.searchMs.toFixed(0)} ms to result data (${coldest.fromIssueMs.toFixed(0)} ms including the debounce)`);
  console.log(`later queries, median: ${laterMedianSearch.toFixed(1)} ms to result data (${laterMedianFromIssue.toFixed(0)} ms including the debounce)`);

  console.log('\nBudgets');
  console.log(`heaviest topic page: ${(heaviest / 1024).toFixed(1)} KB gzip (budget 15 KB): ${verdict(heaviest, budgets.topicTotalGzipBytes)}`);
  console.log(`most script before interaction: ${(heaviestScript / 1024).toFixed(1)} KB gzip (budget 3 KB): ${verdict(heaviestScript, budgets.topicScriptGzipBytes)}`);
  console.log(`Pagefind files before search is used: ${Math.max(...pages.map((figures) => figures.pagefindRequests))} (budget 0)`);
  console.log(`first search: ${first.searchMs.toFixed(0)} ms (budget 200 ms): ${verdict(first.searchMs, budgets.firstSearchMs)}`);
  console.log(`later searches: ${laterMedianSearch.toFixed(1)} ms (budget 20 ms): ${verdict(laterMedianSearch, budgets.laterSearchMs)}`);
  console.log(`site build with index: ${siteBuildSeconds.toFixed(1)} s (budget 15 s): ${verdict(siteBuildSeconds, budgets.siteBuildSeconds)}`);
  if (largeBuildSeconds !== undefined) {
    console.log(`1,000 generated topics: ${largeBuildSeconds.toFixed(1)} s (budget 180 s): ${verdict(largeBuildSeconds, budgets.largeBuildSeconds)}`);
  }

  const report = {
    date: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() },
    cpuSlowdown,
    pages,
    search: { queries: searchQueries, searchReadyMs, coldest, first, later, laterMedianSearchMs: laterMedianSearch, laterMedianFromIssueMs: laterMedianFromIssue },
    build: { siteSeconds: siteBuildSeconds, thousandTopicsSeconds: largeBuildSeconds },
    budgets,
  };
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results/bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log('\nWrote bench-results/bench.json');
}

await main();
