/**
 * Finds the browsers and the server the tests drive, each from an environment variable or Debian's
 * package: Chromium (CHROMIUM_PATH, /usr/bin/chromium), Firefox (FIREFOX_PATH, /usr/bin/firefox-esr),
 * nginx (NGINX_PATH, /usr/sbin/nginx). Browsers cannot be downloaded on these machines, so neither
 * Playwright's nor Puppeteer's own download is ever used.
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

/**
 * Finds the Firefox the Firefox smoke suite drives: FIREFOX_PATH if set, else Debian's firefox-esr.
 * puppeteer-core never downloads a browser, so a missing Firefox is a clear failure, not a download.
 */
export function firefoxPath(): string {
  const override = process.env.FIREFOX_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`FIREFOX_PATH is set to "${override}", but no file is there. Point it at a Firefox binary, or unset it to use /usr/bin/firefox-esr.`);
    return override;
  }
  const found = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Firefox found (looked in: /usr/bin/firefox-esr, /usr/bin/firefox). Install Debian\'s package with ' +
        '"apt-get update && apt-get install -y firefox-esr", or set FIREFOX_PATH to a Firefox binary.',
    );
  }
  return found;
}

/** Finds nginx for the deployment test: NGINX_PATH if set, else Debian's /usr/sbin/nginx. */
export function nginxPath(): string {
  const candidates = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No nginx found (looked in: ${candidates.join(', ')}). Install Debian's package with ` +
        '"apt-get update && apt-get install -y nginx", or set NGINX_PATH to an nginx binary.',
    );
  }
  return found;
}
