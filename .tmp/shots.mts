import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const base = 'http://localhost:4500';
const shots: Array<[string, number, number, string]> = [
  ['/dose-calculator/', 1366, 768, 'calc-desktop'],
  ['/dose-calculator/', 360, 740, 'calc-mobile'],
  ['/weight-band-tables/', 1366, 768, 'tables-desktop'],
  ['/weight-band-tables/', 360, 740, 'tables-mobile'],
  ['/', 1366, 768, 'home-desktop'],
  ['/', 360, 740, 'home-mobile'],
  ['/dose-calculator/?weight=20&patient=child-other', 1366, 768, 'calc-20'],
];
for (const [path, width, height, name] of shots) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(base + path);
  await page.waitForTimeout(500);
  for (const sel of ['#dose-weight', '#home-dose-weight', '[data-home-dose] button']) {
    const box = await page.locator(sel).boundingBox().catch(() => null);
    if (box) console.log(name, sel, JSON.stringify(box));
  }
  await page.screenshot({ path: `/tmp/${name}.png` });
  if (name === 'calc-20') await page.screenshot({ path: `/tmp/${name}-full.png`, fullPage: true });
  await page.close();
}
await browser.close();
