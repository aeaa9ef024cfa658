import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 360, height: 740 } });
await p.goto('http://127.0.0.1:4550/card/');
console.log(await p.evaluate(() => {
  const out = [document.documentElement.scrollWidth];
  for (const e of document.querySelectorAll('main *')) { const r = e.getBoundingClientRect(); if (r.right > 361) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right)); }
  return out.slice(0, 15);
}));
await b.close();
