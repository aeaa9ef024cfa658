import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
await page.goto('http://localhost:4500/weight-band-tables/');
const out = await page.evaluate(async (queries) => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.options({ baseUrl: '/', excerptLength: 22 });
  await pagefind.init();
  const res: Record<string, unknown> = {};
  for (const q of queries) {
    const s = await pagefind.search(q);
    res[q] = await Promise.all(s.results.slice(0, 2).map(async (r: any) => { const d = await r.data(); return { url: d.url, content: d.content.slice(d.content.indexOf('Weight band'), d.content.indexOf('Weight band') + 400) }; }));
  }
  return res;
}, ['24 kg', 'weight band', '22 kg']);
console.log(JSON.stringify(out, null, 1));
await browser.close();
