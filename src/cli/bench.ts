/**
 * `npm run bench`: this site beside a Starlight peer built from the same topics, on the same machine,
 * in one run. Prints a table with the ratios and writes bench-results/bench.json. Budgets are
 * reported, not asserted: this is a benchmark.
 * 1. Builds this site and the Starlight peer (../shared/peer, or PEER_DIR) and serves both on loopback.
 * 2. Pages, headless Chromium with the CPU slowed 4x: every topic on both sites, everything
 *    transferred on a first visit (gzip), script before interaction, and this site's page shell
 *    (the page minus its indexed text, its tools and its reference list, measured by DOM region).
 * 3. Alternating the two sites, at least 5 runs each (medians):
 *    - the engine: Pagefind set up as each site's search box sets it up, then the time from a query
 *      to result data for the first 5 results, first query of a page and later ones, 3 passes a run
 *      (--engine-passes N), with later queries also compared in pairs (same query, same pass);
 *    - search as felt: each query typed into each site's own search box at 50 ms a key, timed from
 *      the last keystroke to the frame in which the first result for that query is on screen.
 * 4. Builds 1,000 generated topics in a temporary copy and times it, and times search on both sites
 *    again with 150 generated topics added to each (--scale-topics N), 3 runs a site: does the margin
 *    hold as the content grows? Both skipped with --quick; the second with --no-scale.
 * Served by nginx where installed (NGINX_PATH to point at one), else the Node preview server;
 * --server node|nginx chooses.
 * Options: --quick, --runs N (default 5), --engine-passes N (default 3), --no-build (reuse dist/ and the peer's last build),
 * --pages-only (bytes and page shell only, no search timing).
 * BENCH_PORT (default 4390) serves this site, BENCH_PORT+1 the peer.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { serve } from './serve.ts';
import { serveWithNginx } from './nginx-serve.ts';
import { chromiumArgs, chromiumPath, nginxPath } from '../../tests/browser.ts';
import { debounceMs, pagefindOptions } from '../lib/search-options.ts';

const root = resolve(import.meta.dirname, '../..');
const port = Number(process.env.BENCH_PORT || 4390);
const cpuSlowdown = 4;
const keyDelayMs = 50;
const args = process.argv.slice(2);
const skipLargeBuild = args.includes('--quick');
const skipBuild = args.includes('--no-build');
const pagesOnly = args.includes('--pages-only');
const runs = Math.max(1, Number(args[args.indexOf('--runs') + 1]) || 5);
/** Engine timings per run and site: cheap next to the felt runs, and a few ms apart, so more of them. */
const enginePasses = Math.max(1, Number(args[args.indexOf('--engine-passes') + 1]) || 3);
/** Search side by side once the content has grown: this many generated topics added to both sites. */
const scaleTopics = Math.max(1, Number(args[args.indexOf('--scale-topics') + 1]) || 150);
const skipScale = skipLargeBuild || args.includes('--no-scale');
const scaleRuns = 3;
/**
 * The web server both sites are served by: nginx (what a hospital runs) where it is installed, else the
 * Node server of `npm run preview`; `--server node` or `--server nginx` chooses.
 */
const serverChoice = args.includes('--server') ? args[args.indexOf('--server') + 1] : undefined;
function benchServer(): { name: 'nginx' | 'node'; binary?: string } {
  if (serverChoice === 'node') return { name: 'node' };
  try {
    return { name: 'nginx', binary: nginxPath() };
  } catch (error) {
    if (serverChoice === 'nginx') throw error;
    return { name: 'node' };
  }
}
const server = benchServer();

/** Serves each dist on its port, this site (the first) with its security headers; returns a stop function. */
async function serveSites(list: Array<{ dist: string; port: number }>): Promise<() => Promise<void>> {
  const sites = list.map((site, index) => ({ dir: site.dist, port: site.port, securityHeaders: index === 0 }));
  if (server.binary) return (await serveWithNginx(server.binary, sites)).stop;
  const servers = await Promise.all(sites.map((site) => serve({ dir: site.dir, base: '/', port: site.port, securityHeaders: site.securityHeaders })));
  return async () => servers.forEach((running) => running.close());
}
const peerTemplate = resolve(process.env.PEER_DIR || join(root, '../shared/peer'));
const peerWork = resolve(process.env.PEER_WORK || join(tmpdir(), 'tacrolimus-bench-peer'));

const budgets = {
  topicScriptGzipBytes: 3 * 1024,
  shellGzipBytes: 6 * 1024,
  /** Each topic page at most this share of Starlight's page for the same topic. */
  shareOfPeerPage: 1 / 3,
  /** Search as felt, first and later: at most this share of Starlight's median. */
  shareOfPeerFelt: 1 / 2,
  siteBuildSeconds: 15,
  largeBuildSeconds: 180,
};

/** Clinical queries, typed as a clinician would. None is a prefix of another, so "results for this query" is unambiguous. */
const searchQueries = ['trough target maintenance', 'starting dose', 'creatinine rise', 'cyclophosphamide fertility', 'lupus nephritis', 'breastfeeding', 'grapefruit', 'tremor'];

/** What the benchmark needs to know about each site's search box. */
interface Site {
  name: string;
  dist: string;
  origin: string;
  /** Opens the search (a click, as a person would). */
  openSelector: string;
  inputSelector: string;
  /** The text that says which query the results are for. */
  statusSelector: string;
  resultSelector: string;
  /** Pagefind set up as the site's own search box sets it up (before `baseUrl`). */
  pagefindOptions: Record<string, unknown>;
  /** Whether the search box asks Pagefind for its filters when it starts (which loads them all into the engine). */
  loadsFilters: boolean;
}

function timeBuild(cwd: string, label: string): number {
  const started = performance.now();
  const result = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--force'], { cwd, encoding: 'utf8', env: { ...process.env, BASE_PATH: '', OUT_DIR: '' } });
  if (result.status !== 0) {
    console.error(result.stdout.slice(-3000), result.stderr.slice(-3000));
    throw new Error(`${label} build failed`);
  }
  return (performance.now() - started) / 1000;
}

/** Builds the Starlight peer from this project's topics; returns its dist folder, or undefined when there is no peer. */
function buildPeer(): { dist: string; seconds?: number } | undefined {
  const dist = join(peerWork, 'dist');
  if (skipBuild && existsSync(dist)) return { dist };
  if (!existsSync(join(peerTemplate, 'prepare.mjs'))) return undefined;
  const output = execFileSync(process.execPath, [join(peerTemplate, 'prepare.mjs'), root, peerWork], { encoding: 'utf8' });
  const report = JSON.parse(output.trim().split('\n').pop()!) as { buildMs: number; dist: string };
  return { dist: report.dist, seconds: report.buildMs / 1000 };
}

/** The file a request path is served from, or undefined (a 404, a data: URL). */
function fileFor(dist: string, urlPath: string): string | undefined {
  let file = join(dist, decodeURIComponent(urlPath));
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

const gzipBytes = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

interface PageFigures {
  path: string;
  requests: number;
  totalGzipBytes: number;
  /** The HTML alone: what a later page costs once styles and scripts are in the browser cache. */
  htmlGzipBytes: number;
  scriptGzipBytes: number;
  pagefindRequests: number;
  firstPaintMs: number;
}

async function slowCpu(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
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
async function measurePage(browser: Browser, site: Site, path: string): Promise<PageFigures> {
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
 * in the DOM ([data-pagefind-body], [data-dose-tools], the reference list section), so the figure does
 * not depend on how the page head is marked up. Styles (other than the tools' own), scripts and icons
 * requested on a first visit are added.
 */
interface ShellFigures {
  path: string;
  htmlGzipBytes: number;
  stylesGzipBytes: number;
  scriptGzipBytes: number;
  iconGzipBytes: number;
  totalGzipBytes: number;
  /** The shell's HTML by region, gzip bytes each on its own (they do not add up to the whole). */
  regions: Record<string, number>;
}

async function measureShell(browser: Browser, site: Site, path: string): Promise<ShellFigures> {
  const { context, page, requested } = await pageRecordingRequests(browser, site);
  await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  const { shellHtml, regionHtml } = await page.evaluate(async () => {
    const source = await (await fetch(location.href)).text();
    const doc = new DOMParser().parseFromString(source, 'text/html');
    // The topic's change log is its own text too (it grows with every release), at the end of the page.
    const excluded = ['[data-pagefind-body]', '[data-dose-tools]', 'section.reference-list', 'section:has(> h2#references)', '.change-log'];
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
  const isTool = (requestPath: string) => /dose-?tools/i.test(requestPath);
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

interface EngineRun {
  /** Loading pagefind.js, init and filters, as the search box does before the first query. */
  setupMs: number;
  firstMs: number;
  laterMs: number[];
}

/** Pagefind as the site's search box sets it up; then each query, to result data for the first 5 results. */
async function engineRun(browser: Browser, site: Site, queries: string[]): Promise<EngineRun> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await slowCpu(page);
  await page.goto(`${site.origin}/topics/monitoring/`, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  const result = await page.evaluate(
    async ({ options, queries, loadsFilters }) => {
      const started = performance.now();
      const pagefindUrl = '/pagefind/pagefind.js';
      const pagefind = await import(/* @vite-ignore */ pagefindUrl);
      await pagefind.options({ ...options, baseUrl: '/' });
      await pagefind.init();
      if (loadsFilters) await pagefind.filters();
      else await pagefind.search('');
      const setupMs = performance.now() - started;
      const times: number[] = [];
      for (const query of queries) {
        const issued = performance.now();
        const search = await pagefind.search(query);
        await Promise.all(search.results.slice(0, 5).map((entry: { data: () => Promise<unknown> }) => entry.data()));
        times.push(performance.now() - issued);
      }
      return { setupMs, times };
    },
    { options: site.pagefindOptions, queries, loadsFilters: site.loadsFilters },
  );
  await context.close();
  return { setupMs: result.setupMs, firstMs: result.times[0], laterMs: result.times.slice(1) };
}

/** Where this site's search box spent the time on one query, from its `search:results` event. */
type Phases = Record<'debounceMs' | 'waitMs' | 'searchMs' | 'dataMs' | 'checkMs' | 'renderMs', number>;

interface FeltRun {
  firstMs: number;
  laterMs: number[];
  /** This site only: the search box's own phases for each query, in order. */
  phases: Array<Phases | undefined>;
}

/**
 * Search as felt: open the site's search box with a click, type each query at 50 ms a key, and time
 * from the last keystroke to the frame in which the first result for that query is on screen.
 */
async function feltRun(browser: Browser, site: Site, queries: string[]): Promise<FeltRun> {
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

interface SearchTimings {
  engine: Map<string, EngineRun[]>;
  felt: Map<string, FeltRun[]>;
}

/**
 * The engine and search as felt on each site, `count` runs alternating the sites, each run starting
 * from a different query (so "first query" is not one query's figure), with `passes` engine passes a
 * run, alternating too, so each pass of one site sits next to a pass of the other (paired below).
 */
async function timeSearch(browser: Browser, sites: Site[], count: number, passes: number): Promise<SearchTimings> {
  const engine = new Map<string, EngineRun[]>(sites.map((site) => [site.name, []]));
  const felt = new Map<string, FeltRun[]>(sites.map((site) => [site.name, []]));
  for (let run = 0; run < count; run++) {
    const queries = [...searchQueries.slice(run % searchQueries.length), ...searchQueries.slice(0, run % searchQueries.length)];
    const order = run % 2 === 0 ? sites : [...sites].reverse();
    for (let pass = 0; pass < passes; pass++) {
      for (const site of pass % 2 === 0 ? order : [...order].reverse()) engine.get(site.name)!.push(await engineRun(browser, site, queries));
    }
    for (const site of order) felt.get(site.name)!.push(await feltRun(browser, site, queries));
  }
  return { engine, felt };
}

/** The medians a site's search is judged by: first and later queries, engine and felt. */
function searchMedians(engineRuns: EngineRun[], feltRuns: FeltRun[]) {
  return {
    engineFirstMs: median(engineRuns.map((entry) => entry.firstMs)),
    engineLaterMs: median(engineRuns.flatMap((entry) => entry.laterMs)),
    feltFirstMs: median(feltRuns.map((entry) => entry.firstMs)),
    feltLaterMs: median(feltRuns.flatMap((entry) => entry.laterMs)),
  };
}

/** The value at a share (0-1) of the way through the sorted values, interpolated. */
function quantile(values: number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * share;
  const below = Math.floor(position);
  return sorted[below] + (sorted[Math.min(below + 1, sorted.length - 1)] - sorted[below]) * (position - below);
}

/**
 * Later queries compared in pairs: the same query, at the same place in the same pass, on both sites.
 * Queries differ in cost far more than the sites do, and the machine drifts; pairing takes both out.
 */
function pairedRatios(ours: EngineRun[], theirs: EngineRun[]): { pairs: number; medianRatio: number; quartiles: [number, number]; oursNoSlower: number } {
  const ratios: number[] = [];
  for (const [index, run] of ours.entries()) {
    const other = theirs[index];
    if (!other) continue;
    run.laterMs.forEach((ms, position) => {
      if (other.laterMs[position] !== undefined && ms > 0) ratios.push(other.laterMs[position] / ms);
    });
  }
  return { pairs: ratios.length, medianRatio: median(ratios), quartiles: [quantile(ratios, 0.25), quantile(ratios, 0.75)], oursNoSlower: ratios.filter((ratio) => ratio >= 1).length };
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
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

interface ScaleFigures {
  /** Topics on each site, and how many of them are generated. */
  topics: number;
  generated: number;
  sites: Array<{ name: string } & ReturnType<typeof searchMedians>>;
}

/**
 * Does the margin hold as the content grows? Both sites are built again with the same generated
 * topics added (copies of Monitoring), served on the next two ports, and timed as above, fewer runs.
 */
async function measureAtScale(sites: Site[], topicCount: number): Promise<ScaleFigures> {
  const dir = generateLargeSite(scaleTopics);
  const peerScaleWork = `${peerWork}-scale`;
  try {
    timeBuild(dir, `${scaleTopics}-topic`);
    // The peer's packages are the same as for its first build: shared, not installed again.
    mkdirSync(peerScaleWork, { recursive: true });
    if (!existsSync(join(peerScaleWork, 'node_modules')) && existsSync(join(peerWork, 'node_modules'))) symlinkSync(join(peerWork, 'node_modules'), join(peerScaleWork, 'node_modules'));
    const output = execFileSync(process.execPath, [join(peerTemplate, 'prepare.mjs'), dir, peerScaleWork], { encoding: 'utf8' });
    const peerDist = (JSON.parse(output.trim().split('\n').pop()!) as { dist: string }).dist;
    const scaled = sites.map((site, index) => ({ ...site, dist: index === 0 ? join(dir, 'dist') : peerDist, origin: `http://127.0.0.1:${port + 2 + index}` }));
    const stopServers = await serveSites(scaled.map((site, index) => ({ dist: site.dist, port: port + 2 + index })));
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
    let timed: SearchTimings;
    try {
      timed = await timeSearch(browser, scaled, scaleRuns, 1);
    } finally {
      await browser.close();
      await stopServers();
    }
    return {
      topics: topicCount + scaleTopics,
      generated: scaleTopics,
      sites: scaled.map((site) => ({ name: site.name, ...searchMedians(timed.engine.get(site.name)!, timed.felt.get(site.name)!) })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pad = (text: string | number, width: number) => String(text).padEnd(width);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const verdict = (ok: boolean) => (ok ? 'within budget' : 'OVER BUDGET');
const ratio = (theirs: number, ours: number) => `${(theirs / ours).toFixed(2)}x`;

async function main(): Promise<void> {
  const chromiumVersion = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromiumVersion}`);
  let siteBuildSeconds: number | undefined;
  if (!skipBuild || !existsSync(join(root, 'dist/index.html'))) {
    console.log('Building the site...');
    siteBuildSeconds = timeBuild(root, 'site');
  }
  console.log('Building the Starlight peer from the same topics...');
  const peer = buildPeer();
  if (!peer) console.log(`No Starlight peer at ${peerTemplate}: measuring this site alone.`);

  const sites: Site[] = [
    {
      name: 'ours',
      dist: join(root, 'dist'),
      origin: `http://127.0.0.1:${port}`,
      openSelector: '#header-search',
      inputSelector: '#header-search',
      statusSelector: '[data-search-root]:has(#header-search) [data-search-status]',
      resultSelector: '[data-search-root]:has(#header-search) .search-result a',
      pagefindOptions: { ...pagefindOptions },
      loadsFilters: false,
    },
  ];
  if (peer) {
    sites.push({
      name: 'Starlight',
      dist: peer.dist,
      origin: `http://127.0.0.1:${port + 1}`,
      openSelector: 'button[data-open-modal]',
      inputSelector: '.pagefind-ui__search-input',
      statusSelector: '.pagefind-ui__message',
      resultSelector: '.pagefind-ui__result-link',
      // As Starlight's Search component sets up Pagefind UI: its ranking, Pagefind's default excerpt.
      pagefindOptions: { ranking: { pageLength: 0.1, termFrequency: 0.1, termSaturation: 2, termSimilarity: 9, diacriticSimilarity: 0.8 } },
      loadsFilters: true,
    });
  }
  console.log(`Serving both sites with ${server.name === 'nginx' ? `nginx (${server.binary})` : 'the Node preview server'}`);
  const stopServers = await serveSites(sites.map((site, index) => ({ dist: site.dist, port: port + index })));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });

  const topicSlugs = readdirSync(join(root, 'dist/topics')).sort();
  console.log('Measuring pages...');
  const pages = new Map<string, PageFigures[]>();
  for (const site of sites) {
    const figures: PageFigures[] = [];
    const paths = site.name === 'ours' ? ['/', ...topicSlugs.map((slug) => `/topics/${slug}/`)] : topicSlugs.map((slug) => `/topics/${slug}/`);
    for (const path of paths) {
      if (site.name !== 'ours' && !fileFor(site.dist, path)) continue;
      figures.push(await measurePage(browser, site, path));
    }
    pages.set(site.name, figures);
  }
  const shells: ShellFigures[] = [];
  for (const slug of topicSlugs) shells.push(await measureShell(browser, sites[0], `/topics/${slug}/`));

  console.log(`Timing search, ${runs} runs a site, alternating...`);
  const { engine, felt } = await timeSearch(browser, sites, pagesOnly ? 0 : runs, enginePasses);
  await browser.close();
  await stopServers();

  let largeBuildSeconds: number | undefined;
  if (!skipLargeBuild && !pagesOnly) {
    console.log('Building 1,000 generated topics...');
    const largeDir = generateLargeSite(1000);
    try {
      largeBuildSeconds = timeBuild(largeDir, '1,000-topic');
    } finally {
      rmSync(largeDir, { recursive: true, force: true });
    }
  }

  let scale: ScaleFigures | undefined;
  if (!skipScale && !pagesOnly && peer) {
    console.log(`Timing search with ${scaleTopics} generated topics added to both sites...`);
    scale = await measureAtScale(sites, topicSlugs.length);
  }

  // Summaries per site.
  const summary = sites.map((site) => {
    const topics = pages.get(site.name)!.filter((figures) => figures.path.startsWith('/topics/'));
    const engineRuns = engine.get(site.name)!;
    const feltRuns = felt.get(site.name)!;
    return {
      name: site.name,
      topicMedianGzipBytes: median(topics.map((figures) => figures.totalGzipBytes)),
      topicMaxGzipBytes: Math.max(...topics.map((figures) => figures.totalGzipBytes)),
      scriptMaxGzipBytes: Math.max(...topics.map((figures) => figures.scriptGzipBytes)),
      engineSetupMs: median(engineRuns.map((entry) => entry.setupMs)),
      ...searchMedians(engineRuns, feltRuns),
      feltFirstRange: [Math.min(...feltRuns.map((entry) => entry.firstMs)), Math.max(...feltRuns.map((entry) => entry.firstMs))],
      feltLaterRange: [Math.min(...feltRuns.flatMap((entry) => entry.laterMs)), Math.max(...feltRuns.flatMap((entry) => entry.laterMs))],
    };
  });
  const ours = summary[0];
  const theirs = summary[1];
  const pairedLater = theirs ? pairedRatios(engine.get('ours')!, engine.get('Starlight')!) : undefined;

  console.log(`\nPages (CPU slowed ${cpuSlowdown}x; gzip sizes of everything requested on a first visit; "cached" = the HTML alone)`);
  const peerPages = new Map((pages.get('Starlight') ?? []).map((figures) => [figures.path, figures]));
  console.log(`${pad('page', 44)}${pad('requests', 10)}${pad('total KB', 10)}${pad('cached KB', 11)}${pad('script KB', 11)}${pad('first paint', 13)}${theirs ? 'Starlight KB  share' : ''}`);
  for (const figures of pages.get('ours')!) {
    const other = peerPages.get(figures.path);
    const comparison = other ? `${pad(kb(other.totalGzipBytes), 14)}${(figures.totalGzipBytes / other.totalGzipBytes).toFixed(2)}` : '';
    console.log(`${pad(figures.path, 44)}${pad(figures.requests, 10)}${pad(kb(figures.totalGzipBytes), 10)}${pad(kb(figures.htmlGzipBytes), 11)}${pad(kb(figures.scriptGzipBytes), 11)}${pad(`${figures.firstPaintMs} ms`, 13)}${comparison}`);
  }

  console.log('\nPage shell of each topic (gzip; the page minus its indexed text, tools and reference list)');
  console.log(`${pad('page', 44)}${pad('html KB', 9)}${pad('styles KB', 11)}${pad('script KB', 11)}${pad('icon KB', 9)}total KB`);
  for (const shell of shells) console.log(`${pad(shell.path, 44)}${pad(kb(shell.htmlGzipBytes), 9)}${pad(kb(shell.stylesGzipBytes), 11)}${pad(kb(shell.scriptGzipBytes), 11)}${pad(kb(shell.iconGzipBytes), 9)}${kb(shell.totalGzipBytes)}`);
  const heaviestShell = shells.reduce((a, b) => (b.totalGzipBytes > a.totalGzipBytes ? b : a));
  console.log(`regions of the heaviest shell (${heaviestShell.path}), gzip each alone: ${Object.entries(heaviestShell.regions).map(([name, bytes]) => `${name} ${kb(bytes)} KB`).join(', ')}`);

  if (!pagesOnly) {
  console.log(`\nSearch (CPU slowed ${cpuSlowdown}x; medians of ${runs} runs a site, alternating, the engine ${enginePasses} times a run; ${searchQueries.length} clinical queries, each run starting from a different one)`);
  console.log(`${pad('measure', 58)}${pad('ours', 12)}${theirs ? `${pad('Starlight', 12)}Starlight / ours` : ''}`);
  const row = (label: string, key: 'engineSetupMs' | 'engineFirstMs' | 'engineLaterMs' | 'feltFirstMs' | 'feltLaterMs') =>
    console.log(`${pad(label, 58)}${pad(`${ours[key].toFixed(0)} ms`, 12)}${theirs ? `${pad(`${theirs[key].toFixed(0)} ms`, 12)}${ratio(theirs[key], ours[key])}` : ''}`);
  row('engine: load pagefind.js, init, filters', 'engineSetupMs');
  row('engine: first query to result data (5 results)', 'engineFirstMs');
  row('engine: later queries to result data', 'engineLaterMs');
  row(`felt: first query, last keystroke to first result shown`, 'feltFirstMs');
  row(`felt: later queries, last keystroke to first result shown`, 'feltLaterMs');
  if (pairedLater) {
    console.log(`engine later queries, paired (the same query in the same pass of both sites, ${pairedLater.pairs} pairs): Starlight / ours median ${pairedLater.medianRatio.toFixed(2)}x, interquartile ${pairedLater.quartiles.map((value) => value.toFixed(2)).join('-')}x; this site as fast or faster in ${pairedLater.oursNoSlower} of ${pairedLater.pairs}`);
  }
  for (const entry of summary) {
    console.log(`felt, ${entry.name}: first query ${entry.feltFirstRange.map((value) => value.toFixed(0)).join('-')} ms over the runs, later queries ${entry.feltLaterRange.map((value) => value.toFixed(0)).join('-')} ms (a shared machine spreads these; the medians are the figures)`);
  }

  const phaseRuns = felt.get('ours')!;
  const phaseNames: Array<[keyof Phases, string]> = [
    ['debounceMs', `debounce (${debounceMs} ms set): last input event to search start`],
    ['waitMs', 'waiting for Pagefind and the search data'],
    ['searchMs', 'engine search (index chunks, scoring)'],
    ['dataMs', 'result data: fragments, excerpts, sub-results'],
    ['checkMs', 'match check (marked words against the query)'],
    ['renderMs', 'building the result list (alias stripping, excerpts, DOM)'],
  ];
  console.log(`\nProfile of this site's search box, inside the felt runs (medians, ms); the rest of the felt time is the keystroke reaching the page and the frame that paints`);
  console.log(`${pad('phase', 58)}${pad('first', 10)}later`);
  for (const [key, label] of phaseNames) {
    const firsts = phaseRuns.map((entry) => entry.phases[0]?.[key]).filter((value): value is number => value !== undefined);
    const laters = phaseRuns.flatMap((entry) => entry.phases.slice(1).map((phase) => phase?.[key])).filter((value): value is number => value !== undefined);
    console.log(`${pad(label, 58)}${pad(firsts.length ? median(firsts).toFixed(1) : '-', 10)}${laters.length ? median(laters).toFixed(1) : '-'}`);
  }
  if (scale) {
    const [mine, other] = scale.sites;
    console.log(`\nSearch with ${scale.topics} topics on each site (${scale.topics - scale.generated} + ${scale.generated} generated copies of Monitoring; medians of ${scaleRuns} runs a site, alternating)`);
    console.log(`${pad('measure', 58)}${pad('ours', 12)}${pad('Starlight', 12)}Starlight / ours`);
    for (const [label, key] of [
      ['engine: first query to result data (5 results)', 'engineFirstMs'],
      ['engine: later queries to result data', 'engineLaterMs'],
      ['felt: first query, last keystroke to first result shown', 'feltFirstMs'],
      ['felt: later queries, last keystroke to first result shown', 'feltLaterMs'],
    ] as const) console.log(`${pad(label, 58)}${pad(`${mine[key].toFixed(0)} ms`, 12)}${pad(`${other[key].toFixed(0)} ms`, 12)}${ratio(other[key], mine[key])}`);
  }

  }

  console.log('\nBudgets');
  const heaviest = pages.get('ours')!.filter((figures) => figures.path.startsWith('/topics/')).reduce((a, b) => (b.totalGzipBytes > a.totalGzipBytes ? b : a));
  // The old fixed 15 KB a topic gave way to the shell budget and the share of Starlight's page, so that clinical text can grow.
  console.log(`heaviest topic page: ${heaviest.path} ${kb(heaviest.totalGzipBytes)} KB gzip (reported; held by the shell budget and the share below)`);
  console.log(`page shell, heaviest: ${heaviestShell.path} ${kb(heaviestShell.totalGzipBytes)} KB gzip (budget 6 KB): ${verdict(heaviestShell.totalGzipBytes <= budgets.shellGzipBytes)}`);
  console.log(`most script before interaction: ${kb(ours.scriptMaxGzipBytes)} KB gzip (budget 3 KB): ${verdict(ours.scriptMaxGzipBytes <= budgets.topicScriptGzipBytes)}`);
  console.log(`Pagefind files before search is used: ${Math.max(...pages.get('ours')!.map((figures) => figures.pagefindRequests))} (budget 0)`);
  if (theirs) {
    const shares = pages.get('ours')!.filter((figures) => peerPages.has(figures.path)).map((figures) => ({ path: figures.path, share: figures.totalGzipBytes / peerPages.get(figures.path)!.totalGzipBytes }));
    const worst = shares.reduce((a, b) => (b.share > a.share ? b : a));
    console.log(`topic page as a share of Starlight's for the same topic, largest: ${worst.path} ${worst.share.toFixed(2)} (budget 0.33): ${verdict(worst.share <= budgets.shareOfPeerPage)}`);
    console.log(`felt first search: ${ours.feltFirstMs.toFixed(0)} ms, ${(ours.feltFirstMs / theirs.feltFirstMs).toFixed(2)} of Starlight's (budget 0.5): ${verdict(ours.feltFirstMs <= theirs.feltFirstMs * budgets.shareOfPeerFelt)}`);
    console.log(`felt later searches: ${ours.feltLaterMs.toFixed(0)} ms, ${(ours.feltLaterMs / theirs.feltLaterMs).toFixed(2)} of Starlight's (budget 0.5): ${verdict(ours.feltLaterMs <= theirs.feltLaterMs * budgets.shareOfPeerFelt)}`);
    console.log(`engine first query: ${ours.engineFirstMs.toFixed(0)} ms against Starlight's ${theirs.engineFirstMs.toFixed(0)} ms (budget: no slower): ${verdict(ours.engineFirstMs <= theirs.engineFirstMs)}`);
    console.log(`engine later queries: ${ours.engineLaterMs.toFixed(1)} ms against Starlight's ${theirs.engineLaterMs.toFixed(1)} ms (budget: no slower): ${verdict(ours.engineLaterMs <= theirs.engineLaterMs)}`);
  }
  if (scale) {
    const [mine, other] = scale.sites;
    console.log(`felt first search at ${scale.topics} topics: ${(mine.feltFirstMs / other.feltFirstMs).toFixed(2)} of Starlight's (budget 0.5): ${verdict(mine.feltFirstMs <= other.feltFirstMs * budgets.shareOfPeerFelt)}`);
    console.log(`felt later searches at ${scale.topics} topics: ${(mine.feltLaterMs / other.feltLaterMs).toFixed(2)} of Starlight's (budget 0.5): ${verdict(mine.feltLaterMs <= other.feltLaterMs * budgets.shareOfPeerFelt)}`);
  }
  if (siteBuildSeconds !== undefined) console.log(`site build with index: ${siteBuildSeconds.toFixed(1)} s (budget 15 s): ${verdict(siteBuildSeconds <= budgets.siteBuildSeconds)}`);
  if (peer?.seconds !== undefined) console.log(`Starlight peer build (same topics): ${peer.seconds.toFixed(1)} s`);
  if (largeBuildSeconds !== undefined) console.log(`1,000 generated topics: ${largeBuildSeconds.toFixed(1)} s (budget 180 s): ${verdict(largeBuildSeconds <= budgets.largeBuildSeconds)}`);

  const report = {
    date: new Date().toISOString(),
    server: server.name,
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: chromiumVersion },
    cpuSlowdown,
    keyDelayMs,
    runs,
    enginePasses,
    queries: searchQueries,
    pairedLater,
    summary,
    pages: Object.fromEntries(pages),
    shells,
    engine: Object.fromEntries(engine),
    felt: Object.fromEntries(felt),
    scale,
    build: { siteSeconds: siteBuildSeconds, peerSeconds: peer?.seconds, thousandTopicsSeconds: largeBuildSeconds },
    budgets,
  };
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results/bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log('\nWrote bench-results/bench.json');
}

await main();
