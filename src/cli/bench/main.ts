/**
 * `npm run bench`: this site beside a Starlight peer built from the same topics, on the same machine,
 * in one run. Prints a table with the ratios and writes bench-results/bench.json. Budgets are
 * reported, not asserted: this is a benchmark. docs/performance.md describes it and its latest figures.
 * 1. Builds this site and the Starlight peer (../shared/peer, or PEER_DIR) and serves both on loopback
 *    (peer-site.ts, servers.ts).
 * 2. Pages, headless Chromium with the CPU slowed 4x: every topic on both sites, everything
 *    transferred on a first visit (gzip), script before interaction, and this site's page shell
 *    (the page minus its indexed text, its tools and its reference list, measured by DOM region) (pages.ts).
 * 3. Alternating the two sites, at least 5 runs each (medians) (search-timing.ts, stats.ts):
 *    - the engine: Pagefind set up as each site's search box sets it up, then the time from a query
 *      to result data for the first 5 results, first query of a page and later ones, 3 passes a run
 *      (--engine-passes N), with later queries also compared in pairs (same query, same pass) (engine-timing.ts);
 *    - search as felt: each query typed into each site's own search box at 50 ms a key, timed from
 *      the last keystroke to the frame in which the first result for that query is on screen (felt-timing.ts).
 * 4. Builds 1,000 generated topics in a temporary copy and times it, and times search on both sites
 *    again with 150 generated topics added to each (--scale-topics N), 3 runs a site: does the margin
 *    hold as the content grows? Both skipped with --quick; the second with --no-scale (scale.ts).
 * 5. Prints the tables and the budgets, and writes bench-results/bench.json (report.ts).
 * Served by nginx where installed (NGINX_PATH to point at one), else the Node preview server;
 * --server node|nginx chooses.
 * Options (options.ts): --quick, --runs N (default 5), --engine-passes N (default 3), --no-build (reuse dist/ and the peer's last build),
 * --pages-only (bytes and page shell only, no search timing).
 * BENCH_PORT (default 4390) serves this site, BENCH_PORT+1 the peer.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../../tests/browser.ts';
import { parseOptions, root, type BenchOptions } from './options.ts';
import { fileFor, measurePage, measureShell, type PageFigures, type ShellFigures } from './pages.ts';
import { buildPeer, timeBuild } from './peer-site.ts';
import { printReport, writeReport } from './report.ts';
import { measureAtScale, timeLargeBuild, type ScaleFigures } from './scale.ts';
import { timeSearch } from './search-timing.ts';
import { benchServer, serveSites } from './servers.ts';
import { benchSites } from './sites.ts';

async function main(options: BenchOptions): Promise<void> {
  const { skipBuild, skipLargeBuild, skipScale, pagesOnly, runs, enginePasses, scaleTopics, port } = options;
  const server = benchServer(options.serverChoice);
  const chromiumVersion = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromiumVersion}`);
  let siteBuildSeconds: number | undefined;
  if (!skipBuild || !existsSync(join(root, 'dist/index.html'))) {
    console.log('Building the site...');
    siteBuildSeconds = timeBuild(root, 'site');
  }
  console.log('Building the Starlight peer from the same topics...');
  const peer = buildPeer(options);
  if (!peer) console.log(`No Starlight peer at ${options.peerTemplate}: measuring this site alone.`);

  const sites = benchSites(port, peer?.dist);
  console.log(`Serving both sites with ${server.name === 'nginx' ? `nginx (${server.binary})` : 'the Node preview server'}`);
  const stopServers = await serveSites(server, sites.map((site, index) => ({ dist: site.dist, port: port + index })));
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
    largeBuildSeconds = timeLargeBuild(1000);
  }

  let scale: ScaleFigures | undefined;
  if (!skipScale && !pagesOnly && peer) {
    console.log(`Timing search with ${scaleTopics} generated topics added to both sites...`);
    scale = await measureAtScale(options, server, sites, topicSlugs.length);
  }

  const results = { options, server, chromiumVersion, sites, pages, shells, engine, felt, scale, peer, siteBuildSeconds, largeBuildSeconds };
  printReport(results);
  writeReport(results);
  console.log('\nWrote bench-results/bench.json');
}

await main(parseOptions(process.argv.slice(2)));
