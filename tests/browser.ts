/**
 * Finds the browsers and the server the tests drive, each from an environment variable or Debian's
 * package: Chromium (CHROMIUM_PATH, /usr/bin/chromium), Firefox (FIREFOX_PATH, /usr/bin/firefox-esr),
 * nginx (NGINX_PATH, /usr/sbin/nginx). Browsers cannot be downloaded on these machines, so neither
 * Playwright's nor Puppeteer's own download is ever used.
 */
import { existsSync } from 'node:fs';

/**
 * The first of the given paths that exists (the environment variable's first, when set), or an error
 * that says where it looked and which Debian package to install.
 */
function findBinary(what: string, envVariable: string, defaults: string[], debianPackage: string): string {
  const candidates = [process.env[envVariable], ...defaults].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No ${what} found (looked in: ${candidates.join(', ')}). Install Debian's package with ` +
        `"apt-get update && apt-get install -y ${debianPackage}", or set ${envVariable} to a ${what} binary.`,
    );
  }
  return found;
}

export function chromiumPath(): string {
  return findBinary('Chromium', 'CHROMIUM_PATH', ['/usr/bin/chromium', '/usr/bin/chromium-browser'], 'chromium');
}

/** Flags that keep Chromium quiet on a closed network. */
export const chromiumArgs = ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--no-sandbox', '--disable-gpu'];

/**
 * Finds the Firefox the Firefox smoke suite drives: FIREFOX_PATH if set (it must exist), else Debian's
 * firefox-esr. puppeteer-core never downloads a browser, so a missing Firefox is a clear failure, not a download.
 */
export function firefoxPath(): string {
  const override = process.env.FIREFOX_PATH;
  if (override && !existsSync(override)) {
    throw new Error(`FIREFOX_PATH is set to "${override}", but no file is there. Point it at a Firefox binary, or unset it to use /usr/bin/firefox-esr.`);
  }
  return findBinary('Firefox', 'FIREFOX_PATH', ['/usr/bin/firefox-esr', '/usr/bin/firefox'], 'firefox-esr');
}

/** Finds nginx for the deployment test: NGINX_PATH if set, else Debian's /usr/sbin/nginx. */
export function nginxPath(): string {
  return findBinary('nginx', 'NGINX_PATH', ['/usr/sbin/nginx', '/usr/bin/nginx'], 'nginx');
}
