/**
 * npm 11 runs a dependency's install scripts only when package.json's `allowScripts` covers it
 * (unreviewed ones warn today and fail under `strict-allow-scripts`). The project's own Node 24 is
 * installed by the `node` package's preinstall script, so an uncovered entry would leave npm scripts
 * without their Node: every package in the lockfile that has an install script must be declared.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string; hasInstallScript?: boolean; optional?: boolean }> };

function covered(name: string, version: string | undefined): boolean | undefined {
  const rules = manifest.allowScripts ?? {};
  return rules[name] ?? (version ? rules[`${name}@${version}`] : undefined);
}

describe('install scripts', () => {
  const withScripts = Object.entries(lock.packages)
    .filter(([path, entry]) => path && entry.hasInstallScript)
    .map(([path, entry]) => ({ name: path.replace(/^.*node_modules\//, ''), version: entry.version, optional: entry.optional }));

  it('declares every dependency that has an install script in allowScripts', () => {
    const uncovered = withScripts.filter((entry) => covered(entry.name, entry.version) === undefined).map((entry) => `${entry.name}@${entry.version}`);
    expect(uncovered).toEqual([]);
  });

  it('allows the scripts that install the project Node and esbuild', () => {
    for (const name of ['node', 'esbuild']) {
      expect(withScripts.map((entry) => entry.name), name).toContain(name);
      expect(covered(name, withScripts.find((entry) => entry.name === name)?.version), name).toBe(true);
    }
  });
});
