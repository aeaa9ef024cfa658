/**
 * Finds the Chromium the tests drive: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium.
 * Browsers cannot be downloaded on these machines, so Playwright's own download is never used.
 */
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export function chromiumPath(): string {
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No Chromium found (looked in: ${candidates.join(', ')}). Install Debian's package with ` +
        '"apt-get update && apt-get install -y chromium", or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return found;
}

/** Flags that keep Chromium quiet on a closed network. */
export const chromiumArgs = ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--no-sandbox', '--disable-gpu'];
