/**
 * Building the sites: this site (or a generated copy of it) with Astro, timed, and the Starlight peer
 * from the same topics with the peer's own prepare.mjs (../shared/peer, or PEER_DIR).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { root, type BenchOptions } from './options.ts';

/** Builds the site in `cwd` at the root path; returns the seconds it took. */
export function timeBuild(cwd: string, label: string): number {
  const started = performance.now();
  const result = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--force'], { cwd, encoding: 'utf8', env: { ...process.env, BASE_PATH: '', OUT_DIR: '' } });
  if (result.status !== 0) {
    console.error(result.stdout.slice(-3000), result.stderr.slice(-3000));
    throw new Error(`${label} build failed`);
  }
  return (performance.now() - started) / 1000;
}

/** Runs the peer's prepare.mjs on the topics of `projectDir`, building in `work`; its last line of output is its report. */
function preparePeer(template: string, projectDir: string, work: string): { buildMs: number; dist: string } {
  const output = execFileSync(process.execPath, [join(template, 'prepare.mjs'), projectDir, work], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop()!) as { buildMs: number; dist: string };
}

/** Builds the Starlight peer from this project's topics; returns its dist folder, or undefined when there is no peer. */
export function buildPeer(options: BenchOptions): { dist: string; seconds?: number } | undefined {
  const dist = join(options.peerWork, 'dist');
  if (options.skipBuild && existsSync(dist)) return { dist };
  if (!existsSync(join(options.peerTemplate, 'prepare.mjs'))) return undefined;
  const report = preparePeer(options.peerTemplate, root, options.peerWork);
  return { dist: report.dist, seconds: report.buildMs / 1000 };
}

/** Builds the peer from the topics of another project folder (the generated copy), in its own scratch folder; returns its dist. */
export function buildScaledPeer(options: BenchOptions, projectDir: string): string {
  const peerScaleWork = `${options.peerWork}-scale`;
  // The peer's packages are the same as for its first build: shared, not installed again.
  mkdirSync(peerScaleWork, { recursive: true });
  if (!existsSync(join(peerScaleWork, 'node_modules')) && existsSync(join(options.peerWork, 'node_modules'))) symlinkSync(join(options.peerWork, 'node_modules'), join(peerScaleWork, 'node_modules'));
  return preparePeer(options.peerTemplate, projectDir, peerScaleWork).dist;
}
