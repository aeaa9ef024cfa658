/**
 * The documented nginx block under test (docs/deploying.md, "## nginx"). The config is written from
 * that file at test time, so the documented config is the tested one: its `types` and `server` blocks verbatim, with only the listen
 * address (a free loopback port) and the path to dist-sub/ filled in, wrapped in the minimum a
 * non-root nginx needs. Debian's nginx (NGINX_PATH to override) serves the sub-path build, and the
 * checks that matter for a hospital deployment run against it: pages, search, the 404 page, the
 * security headers, MIME types and gzip. nginx is stopped on every way out of the suite.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect as baseExpect, test } from '@playwright/test';

/** Search loads its code on first use: allow for a busy test machine. */
const expect = baseExpect.configure({ timeout: 15_000 });
import { nginxConfig, startNginx, type RunningNginx } from '../../src/cli/nginx-serve.ts';
import { mimeTypes } from '../../src/lib/mime-types.ts';
import { securityHeaders } from '../../src/lib/security-headers.ts';
import { nginxPath } from '../browser.ts';
import { subPath } from '../playwright.config.ts';
import { rootPort } from '../ports.ts';
import { builtPages } from './site-pages.ts';

test.describe.configure({ mode: 'serial', timeout: 60_000 });

const root = resolve(import.meta.dirname, '../..');
const siteDir = join(root, 'dist-sub');
/** The deployment guide the block is read from. */
const deployingGuide = 'docs/deploying.md';
/** The placeholders in the documented block that a real deployment (and this test) fills in. */
const listenPlaceholder = '# ...';
const aliasPlaceholder = '/var/www/tacrolimus/dist/';

/** The fenced ```nginx block under the guide's "## nginx" heading. */
function documentedNginxBlock(guide: string): string {
  const section = guide.split(/^#{2,3} nginx\s*$/m)[1];
  if (!section) throw new Error(`${deployingGuide} has no "## nginx" section`);
  const block = /```nginx\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!block) throw new Error(`${deployingGuide}'s nginx section has no \`\`\`nginx block`);
  return block;
}

/** A top-level `name { ... }` block of an nginx config, braces matched outside quotes and comments. */
function topLevelBlock(config: string, name: string): string {
  const start = new RegExp(`^${name}\\s*\\{`, 'm').exec(config);
  if (!start) throw new Error(`The documented nginx block has no top-level "${name} { ... }" block`);
  let depth = 0;
  let quote: string | null = null;
  for (let index = start.index; index < config.length; index++) {
    const char = config[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#') index = config.indexOf('\n', index) === -1 ? config.length : config.indexOf('\n', index);
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return config.slice(start.index, index + 1);
  }
  throw new Error(`The documented "${name}" block is not closed`);
}

function once(text: string, placeholder: string, what: string): void {
  const count = text.split(placeholder).length - 1;
  if (count !== 1) throw new Error(`The documented nginx server block should hold "${placeholder}" (${what}) exactly once; found ${count}`);
}

/** The whole nginx.conf: the guide's own blocks, in the minimal wrapper a loopback nginx needs. */
function documentedNginxConfig(guide: string, port: number, work: string): string {
  const block = documentedNginxBlock(guide);
  const types = topLevelBlock(block, 'types');
  let server = topLevelBlock(block, 'server');
  once(server, listenPlaceholder, 'where the listen address goes');
  once(server, aliasPlaceholder, 'the path to the built site');
  expect(server, 'the documented block serves the sub-path the tests build for').toContain(`location ${subPath} {`);
  server = server.replace(listenPlaceholder, `listen 127.0.0.1:${port};`).replace(aliasPlaceholder, `${siteDir}/`);
  return nginxConfig(
    work,
    [`    access_log ${join(work, 'access.log')};`, '', types.replace(/^/gm, '    '), '', server.replace(/^/gm, '    ')],
    `Written by tests/e2e/nginx.spec.ts from ${deployingGuide}; deleted after the run.`,
  );
}

/** The first loopback port from TEST_PORT+2 on that nothing listens on. */
async function freePort(): Promise<number> {
  for (let port = rootPort + 2; port < rootPort + 9; port++) {
    const free = await new Promise<boolean>((done) => {
      const probe = createServer();
      probe.once('error', () => done(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free loopback port between ${rootPort + 2} and ${rootPort + 8} for nginx`);
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw GET, so the test sees exactly what nginx sent (no automatic decompression). */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', fail);
    request.end();
  });
}

let port = 0;
let origin = '';
let nginx: RunningNginx | undefined;

test.beforeAll(async () => {
  port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const guide = readFileSync(join(root, deployingGuide), 'utf8');
  nginx = await startNginx(
    nginxPath(),
    (work) => documentedNginxConfig(guide, port, work),
    () => get(subPath).then((answer) => answer.status === 200, () => false),
    `written from ${deployingGuide}`,
  );
});

test.afterAll(async () => {
  await nginx?.stop();
  nginx = undefined;
});

/** A header as one string (nginx sends each of ours once). */
function header(answer: Answer, name: string): string {
  const value = answer.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

function expectSecurityHeaders(answer: Answer, what: string): void {
  for (const [name, value] of Object.entries(securityHeaders())) expect(header(answer, name), `${what}: ${name}`).toBe(value);
}

/** A built file of each kind, as sub-path URLs. */
function builtFiles(extension: string, under = ''): string[] {
  return readdirSync(join(siteDir, under), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(extension))
    .map((file) => `${subPath}${under ? `${under}/` : ''}${file}`);
}

test('every page answers at the sub-path with the security headers', async () => {
  const pages = builtPages(siteDir);
  expect(pages.length).toBeGreaterThan(12);
  for (const page of pages) {
    const answer = await get(`${subPath}${page.slice(1)}`);
    expect(answer.status, page).toBe(200);
    expect(header(answer, 'content-type'), page).toMatch(/^text\/html/);
    expectSecurityHeaders(answer, page);
  }
});

test('files are sent with the MIME types the browser and search need', async () => {
  const nginxTypes: Record<string, RegExp> = {
    '.css': /^text\/css/,
    '.js': /^(application|text)\/javascript/,
    '.json': /^application\/json/,
    '.svg': /^image\/svg\+xml/,
  };
  const checked = new Set<string>();
  for (const extension of ['.pagefind', '.pf_fragment', '.pf_index', '.pf_meta', '.pf_filter', '.css', '.js', '.json', '.svg']) {
    const files = builtFiles(extension);
    expect(files.length, `a built ${extension} file`).toBeGreaterThan(0);
    for (const file of files.slice(0, 3)) {
      const answer = await get(file);
      expect(answer.status, file).toBe(200);
      const type = header(answer, 'content-type');
      if (nginxTypes[extension]) expect(type, file).toMatch(nginxTypes[extension]);
      else expect(type, file).toBe(mimeTypes[extension]);
      expect(header(answer, 'x-content-type-options'), file).toBe('nosniff');
      checked.add(extension);
    }
  }
  expect(checked.size).toBe(9);
});

test('text is sent gzipped, and unzips to the built file', async () => {
  const samples = [
    { url: `${subPath}topics/monitoring/`, file: 'topics/monitoring/index.html' },
    ...builtFiles('.css', '_astro').slice(0, 1).map((url) => ({ url, file: url.slice(subPath.length) })),
    ...builtFiles('.js', '_astro').slice(0, 1).map((url) => ({ url, file: url.slice(subPath.length) })),
    { url: `${subPath}pagefind/pagefind-entry.json`, file: 'pagefind/pagefind-entry.json' },
  ];
  expect(samples).toHaveLength(4);
  for (const sample of samples) {
    const answer = await get(sample.url, { 'Accept-Encoding': 'gzip' });
    expect(answer.status, sample.url).toBe(200);
    expect(header(answer, 'content-encoding'), `${sample.url} (${extname(sample.file) || 'page'})`).toBe('gzip');
    expect(gunzipSync(answer.body).equals(readFileSync(join(siteDir, sample.file))), sample.url).toBe(true);
  }
  const plain = await get(`${subPath}topics/monitoring/`);
  expect(header(plain, 'content-encoding')).toBe('');
});

test('a missing page gets the site\'s own 404 page, with the headers', async ({ page }) => {
  const answer = await get(`${subPath}no-such-page/`);
  expect(answer.status).toBe(404);
  expect(answer.body.toString('utf8')).toBe(readFileSync(join(siteDir, '404.html'), 'utf8'));
  expectSecurityHeaders(answer, '404 page');

  const response = await page.goto(`${origin}${subPath}topics/no-such-topic/`);
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.getByRole('searchbox').first()).toBeVisible();
  // Its styles load from the sub-path, so the page is laid out, not bare HTML.
  expect(await page.locator('.site-header').evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
});

test('in the browser: a topic reads, search answers under the sub-path and lands on the section', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));

  await page.goto(`${origin}${subPath}topics/monitoring/`);
  await expect(page.locator('h1')).toHaveCount(1);
  expect(await page.locator('.callout').first().evaluate((element) => parseFloat(getComputedStyle(element).borderLeftWidth))).toBeGreaterThan(0);

  await page.locator('#header-search').fill('trough target maintenance');
  const section = page.locator('#header-search-results a.search-result-section').first();
  await expect(section).toBeVisible();
  const href = (await section.getAttribute('href'))!;
  expect(href.startsWith(`${subPath}topics/`), href).toBe(true);
  await section.click();
  await expect(page).toHaveURL(`${origin}${href}`);
  const anchor = decodeURIComponent(href.split('#')[1]);
  await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();
  await expect(page.locator('[data-pagefind-body] mark.search-highlight').first()).toBeVisible();
  expect(problems).toEqual([]);
});
