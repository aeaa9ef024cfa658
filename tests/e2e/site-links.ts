/**
 * A small link checker over a built site folder: every internal link and every #anchor must
 * resolve to a file and an element id that exist. Works on the HTML files, so it checks citations,
 * table-of-contents and back links as well as navigation.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
    .sort();
}

const decode = (value: string) => value.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"');

function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => decode(match[1])));
}

/** The file a site path maps to, or undefined. */
function fileFor(dir: string, sitePath: string): string | undefined {
  const clean = decodeURIComponent(sitePath.split(/[?#]/)[0]);
  const candidate = join(dir, clean);
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Checks every page in `dir`, whose files are served under `base` (e.g. "/" or "/guidelines/tacrolimus/"). */
export function checkLinks(dir: string, base: string): { pages: number; links: number; broken: BrokenLink[] } {
  const broken: BrokenLink[] = [];
  let links = 0;
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    if (!idCache.has(file)) idCache.set(file, idsIn(readFileSync(file, 'utf8')));
    return idCache.get(file)!;
  };
  const files = htmlFiles(dir);
  for (const file of files) {
    const html = readFileSync(join(dir, file), 'utf8');
    const pagePath = `${base}${file.replace(/index\.html$/, '').replace(/^404\.html$/, '404.html')}`;
    for (const match of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const href = decode(match[1]);
      if (/^(https?:|mailto:|tel:|data:)/.test(href)) continue;
      links += 1;
      const url = new URL(href, `http://site${pagePath}`);
      if (!url.pathname.startsWith(base)) {
        broken.push({ page: file, href, reason: `outside the base path ${base}` });
        continue;
      }
      const target = fileFor(dir, url.pathname.slice(base.length - 1));
      if (!target) {
        broken.push({ page: file, href, reason: 'no such page or file' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && !ids(target).has(fragment)) broken.push({ page: file, href, reason: `no element with id "${fragment}"` });
    }
  }
  return { pages: files.length, links, broken };
}
