/**
 * Does the margin hold as the content grows? A temporary copy of this project with generated topics
 * (copies of Monitoring): 1,000 of them to time the build, and a number of them (--scale-topics) added
 * to both sites to time search side by side again.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../../tests/browser.ts';
import { root, scaleRuns, type BenchOptions } from './options.ts';
import { buildScaledPeer, timeBuild } from './peer-site.ts';
import { timeSearch, type SearchTimings } from './search-timing.ts';
import { serveSites, type BenchServer } from './servers.ts';
import type { Site } from './sites.ts';
import { searchMedians } from './stats.ts';

/** A temporary copy of this project with `count` generated topics added; the caller removes it. */
export function generateLargeSite(count: number): string {
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

export interface ScaleFigures {
  /** Topics on each site, and how many of them are generated. */
  topics: number;
  generated: number;
  sites: Array<{ name: string } & ReturnType<typeof searchMedians>>;
}

/** Builds `count` generated topics in a temporary copy and times it. */
export function timeLargeBuild(count: number): number {
  const largeDir = generateLargeSite(count);
  try {
    return timeBuild(largeDir, '1,000-topic');
  } finally {
    rmSync(largeDir, { recursive: true, force: true });
  }
}

/**
 * Does the margin hold as the content grows? Both sites are built again with the same generated
 * topics added (copies of Monitoring), served on the next two ports, and timed as above, fewer runs.
 */
export async function measureAtScale(options: BenchOptions, server: BenchServer, sites: Site[], topicCount: number): Promise<ScaleFigures> {
  const { scaleTopics, port } = options;
  const dir = generateLargeSite(scaleTopics);
  try {
    timeBuild(dir, `${scaleTopics}-topic`);
    const peerDist = buildScaledPeer(options, dir);
    const scaled = sites.map((site, index) => ({ ...site, dist: index === 0 ? join(dir, 'dist') : peerDist, origin: `http://127.0.0.1:${port + 2 + index}` }));
    const stopServers = await serveSites(server, scaled.map((site, index) => ({ dist: site.dist, port: port + 2 + index })));
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
