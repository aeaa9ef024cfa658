/**
 * The bench's options (`npm run bench -- --quick --runs 7 ...`) and the fixed settings every run shares:
 * the CPU slowdown, the typing speed, the clinical queries and the budgets the report judges by.
 */
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

/** The project folder (this site). */
export const root = resolve(import.meta.dirname, '../../..');

/** Chromium's CPU is slowed this many times (Chrome DevTools Protocol throttling). */
export const cpuSlowdown = 4;
/** Search as felt types at this many ms a key. */
export const keyDelayMs = 50;
/** Runs a site at scale (the larger pair), fewer than the main runs. */
export const scaleRuns = 3;

/** Clinical queries, typed as a clinician would. None is a prefix of another, so "results for this query" is unambiguous. */
export const searchQueries = ['trough target maintenance', 'starting dose', 'creatinine rise', 'cyclophosphamide fertility', 'lupus nephritis', 'breastfeeding', 'grapefruit', 'tremor'];

export const budgets = {
  topicScriptGzipBytes: 3 * 1024,
  // 7.5 KB: the budget decided for issue 25 (print without scripting, the printed document control and the contents list stay).
  shellGzipBytes: 7.5 * 1024,
  /** Each topic page at most this share of Starlight's page for the same topic. */
  shareOfPeerPage: 1 / 3,
  /** Search as felt, first and later: at most this share of Starlight's median. */
  shareOfPeerFelt: 1 / 2,
  siteBuildSeconds: 15,
  largeBuildSeconds: 180,
};

export interface BenchOptions {
  /** --quick: no 1,000-topic build and no larger pair. */
  skipLargeBuild: boolean;
  /** --no-build: reuse dist/ and the peer's last build. */
  skipBuild: boolean;
  /** --pages-only: bytes and page shell only, no search timing. */
  pagesOnly: boolean;
  /** --runs N (default 5): runs a site, alternating. */
  runs: number;
  /** --engine-passes N (default 3): engine timings per run and site, cheap next to the felt runs, and a few ms apart, so more of them. */
  enginePasses: number;
  /** --scale-topics N (default 150): generated topics added to both sites for the larger pair. */
  scaleTopics: number;
  /** No larger pair: --quick or --no-scale. */
  skipScale: boolean;
  /** --server node|nginx; undefined: nginx where installed, else the Node server. */
  serverChoice: string | undefined;
  /** BENCH_PORT (default 4390) serves this site, the next port the peer, the two after those the larger pair. */
  port: number;
  /** PEER_DIR (default ../shared/peer): the Starlight peer's template, with its prepare.mjs. */
  peerTemplate: string;
  /** PEER_WORK (default under the system temp folder): where the peer is built. */
  peerWork: string;
}

/** The value after `flag` as a whole number of at least 1, or `fallback` when the flag is absent or its value is not a positive number. */
function count(args: string[], flag: string, fallback: number): number {
  const index = args.indexOf(flag);
  const value = index === -1 ? Number.NaN : Number(args[index + 1]);
  return Math.max(1, value || fallback);
}

export function parseOptions(args: string[], env: Record<string, string | undefined> = process.env): BenchOptions {
  const skipLargeBuild = args.includes('--quick');
  return {
    skipLargeBuild,
    skipBuild: args.includes('--no-build'),
    pagesOnly: args.includes('--pages-only'),
    runs: count(args, '--runs', 5),
    enginePasses: count(args, '--engine-passes', 3),
    scaleTopics: count(args, '--scale-topics', 150),
    skipScale: skipLargeBuild || args.includes('--no-scale'),
    serverChoice: args.includes('--server') ? args[args.indexOf('--server') + 1] : undefined,
    port: Number(env.BENCH_PORT || 4390),
    peerTemplate: resolve(env.PEER_DIR || join(root, '../shared/peer')),
    peerWork: resolve(env.PEER_WORK || join(tmpdir(), 'tacrolimus-bench-peer')),
  };
}
