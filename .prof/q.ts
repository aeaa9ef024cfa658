import { chromium } from '@playwright/test';
import { serve } from '../src/cli/serve.ts';
const server = await serve({ dir: 'dist', port: 4348 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto('http://127.0.0.1:4348/topics/overview/');
const queries = process.argv.slice(2);
const out = await page.evaluate(async (queries) => {
  const pf = await import('/pagefind/pagefind.js' as string);
  await pf.options({ baseUrl: '/', highlightParam: 'highlight', excerptLength: 22 }); await pf.init();
  const lines: string[] = [];
  for (const q of queries) {
    const s = await pf.search(q);
    const d = await Promise.all(s.results.slice(0, 5).map((r: any) => r.data()));
    lines.push(`${q} (${s.results.length}): ` + d.map((x: any) => `${x.url.replace(/^\/topics\/|\/.*$/g, '')}[${x.sub_results.filter((y: any) => y.anchor).sort((a: any, b: any) => b.locations.length - a.locations.length).slice(0, 3).map((y: any) => y.anchor.id).join(',')}]`).join(' | '));
  }
  return lines;
}, queries);
console.log(out.join('\n'));
await browser.close(); server.close();
