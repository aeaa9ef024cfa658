import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseOptions, root } from '../../src/cli/bench/options.ts';
import { median, pairedRatios, quantile, searchMedians } from '../../src/cli/bench/stats.ts';

describe('the bench options', () => {
  it('defaults: full run, 5 runs, 3 engine passes, 150 scale topics, port 4390, the peer in ../shared/peer', () => {
    expect(parseOptions([], {})).toEqual({
      skipLargeBuild: false,
      skipBuild: false,
      pagesOnly: false,
      runs: 5,
      enginePasses: 3,
      scaleTopics: 150,
      skipScale: false,
      serverChoice: undefined,
      port: 4390,
      peerTemplate: join(root, '../shared/peer'),
      peerWork: join(tmpdir(), 'tacrolimus-bench-peer'),
    });
  });

  it('reads each flag and its value', () => {
    const options = parseOptions(['--no-build', '--pages-only', '--runs', '7', '--engine-passes', '2', '--scale-topics', '40', '--server', 'node'], { BENCH_PORT: '5000', PEER_DIR: '/srv/peer', PEER_WORK: '/srv/work' });
    expect(options).toMatchObject({ skipBuild: true, pagesOnly: true, runs: 7, enginePasses: 2, scaleTopics: 40, serverChoice: 'node', port: 5000, peerTemplate: '/srv/peer', peerWork: '/srv/work' });
    expect(options.skipLargeBuild).toBe(false);
    expect(options.skipScale).toBe(false);
  });

  it('--quick skips the 1,000-topic build and the larger pair; --no-scale only the pair', () => {
    expect(parseOptions(['--quick'], {})).toMatchObject({ skipLargeBuild: true, skipScale: true });
    expect(parseOptions(['--no-scale'], {})).toMatchObject({ skipLargeBuild: false, skipScale: true });
  });

  it('a count that is missing, zero or not a number falls back to its default; a negative one to 1', () => {
    expect(parseOptions(['--runs'], {}).runs).toBe(5);
    expect(parseOptions(['--runs', '0'], {}).runs).toBe(5);
    expect(parseOptions(['--runs', 'many'], {}).runs).toBe(5);
    expect(parseOptions(['--engine-passes', '-2'], {}).enginePasses).toBe(1);
    // A number elsewhere on the line is not taken for a flag that is absent.
    expect(parseOptions(['--server', 'nginx', '9'], {}).runs).toBe(5);
  });
});

describe('the bench medians', () => {
  it('median: the middle value, or the mean of the two middle ones; NaN for none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it('quantile: interpolated between the sorted values', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([4, 1, 3, 2], 0.75)).toBe(3.25);
    expect(quantile([10, 20], 0.5)).toBe(15);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('searchMedians: first queries and all later queries of every run, engine and felt', () => {
    const engine = [
      { setupMs: 100, firstMs: 80, laterMs: [20, 30] },
      { setupMs: 110, firstMs: 60, laterMs: [10] },
      { setupMs: 120, firstMs: 70, laterMs: [40, 50] },
    ];
    const felt = [
      { firstMs: 200, laterMs: [130, 120], phases: [] },
      { firstMs: 190, laterMs: [110, 140], phases: [] },
    ];
    expect(searchMedians(engine, felt)).toEqual({ engineFirstMs: 70, engineLaterMs: 30, feltFirstMs: 195, feltLaterMs: 125 });
  });

  it('pairedRatios: the same later query in the same pass on both sites, theirs over ours', () => {
    const ours = [
      { setupMs: 0, firstMs: 0, laterMs: [10, 20, 40] },
      { setupMs: 0, firstMs: 0, laterMs: [10, 0] },
    ];
    const theirs = [
      { setupMs: 0, firstMs: 0, laterMs: [20, 10] },
      { setupMs: 0, firstMs: 0, laterMs: [10, 5] },
    ];
    // Pairs: 20/10, 10/20, 10/10 (40 has no partner, 0 ms is not divided by).
    expect(pairedRatios(ours, theirs)).toEqual({ pairs: 3, medianRatio: 1, quartiles: [0.75, 1.5], oursNoSlower: 2 });
  });
});
