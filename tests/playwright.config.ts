import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './browser.ts';

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
    baseURL: 'http://127.0.0.1:4321',
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    trace: 'off',
  },
  webServer: [
    { command: 'node src/cli/serve.ts --dir dist --base / --port 4321', cwd: root, url: 'http://127.0.0.1:4321/', reuseExistingServer: false },
    { command: `node src/cli/serve.ts --dir dist-sub --base ${subPath} --port 4322`, cwd: root, url: `http://127.0.0.1:4322${subPath}`, reuseExistingServer: false },
  ],
});
