/**
 * The medians, quantiles and paired ratios the search timings are judged by. Pure: unit-tested in
 * tests/unit/bench-options.test.ts.
 */
import type { EngineRun } from './engine-timing.ts';
import type { FeltRun } from './felt-timing.ts';

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The value at a share (0-1) of the way through the sorted values, interpolated. */
export function quantile(values: number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * share;
  const below = Math.floor(position);
  return sorted[below] + (sorted[Math.min(below + 1, sorted.length - 1)] - sorted[below]) * (position - below);
}

/** The medians a site's search is judged by: first and later queries, engine and felt. */
export function searchMedians(engineRuns: EngineRun[], feltRuns: FeltRun[]) {
  return {
    engineFirstMs: median(engineRuns.map((entry) => entry.firstMs)),
    engineLaterMs: median(engineRuns.flatMap((entry) => entry.laterMs)),
    feltFirstMs: median(feltRuns.map((entry) => entry.firstMs)),
    feltLaterMs: median(feltRuns.flatMap((entry) => entry.laterMs)),
  };
}

/**
 * Later queries compared in pairs: the same query, at the same place in the same pass, on both sites.
 * Queries differ in cost far more than the sites do, and the machine drifts; pairing takes both out.
 */
export function pairedRatios(ours: EngineRun[], theirs: EngineRun[]): { pairs: number; medianRatio: number; quartiles: [number, number]; oursNoSlower: number } {
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
