import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
await page.goto('http://localhost:4500/weight-band-tables/');
const out = await page.evaluate(async (q) => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.options({ baseUrl: '/' });
  await pagefind.init();
  const s = await pagefind.search(q);
  return Promise.all(s.results.slice(0, 6).map(async (r: any) => { const d = await r.data(); return [d.url, r.score, d.word_count]; }));
}, process.argv[2]);
console.log(JSON.stringify(out));
await browser.close();
