import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './browser.ts';
import { fixtureOrigin, fixturePort, rootOrigin, rootPort, subOrigin, subPort } from './ports.ts';

/** The repository root: servers and tests read dist/ and dist-sub/ from there. */
const root = resolve(import.meta.dirname, '..');

/** The sub-path build the tests serve, as a hospital intranet would. */
export const subPath = '/guidelines/tacrolimus/';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: rootOrigin,
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    trace: 'off',
  },
  webServer: [
    { command: `node src/cli/serve.ts --dir dist --base / --port ${rootPort}`, cwd: root, url: `${rootOrigin}/`, reuseExistingServer: false },
    { command: `node src/cli/serve.ts --dir dist-sub --base ${subPath} --port ${subPort}`, cwd: root, url: `${subOrigin}${subPath}`, reuseExistingServer: false },
    // The fixture build (sample local file, overdue reviews) is served only once `npm run build:fixture` has made it.
    ...(existsSync(resolve(root, 'dist-fixture'))
      ? [{ command: `node src/cli/serve.ts --dir dist-fixture --base / --port ${fixturePort}`, cwd: root, url: `${fixtureOrigin}/`, reuseExistingServer: false }]
      : []),
  ],
});
