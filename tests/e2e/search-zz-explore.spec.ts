import { test } from '@playwright/test';
const queries = process.env.Q!.split('|');
test('explore', async ({ page }) => {
  await page.goto('/about/');
  const out = await page.evaluate(async (queries) => {
    const pf: any = await import('/pagefind/pagefind.js');
    await pf.options({ baseUrl: '/', excerptLength: 22 });
    await pf.init();
    const res: any[] = [];
    for (const q of queries) {
      const s = await pf.search(q);
      const pages = await Promise.all(s.results.slice(0, 6).map((r: any) => r.data()));
      res.push({ q, n: s.results.length, pages: pages.map((p: any) => ({ url: p.url, subs: p.sub_results.filter((x: any) => x.anchor).sort((a: any, b: any) => b.locations.length - a.locations.length).slice(0, 3).map((x: any) => x.url.replace(/\?.*#/, '#') + ' ' + x.locations.length) })) });
    }
    return res;
  }, queries);
  for (const r of out) {
    console.log(`\n### ${r.q} (${r.n})`);
    for (const p of r.pages.slice(0, 4)) console.log(`  ${p.url}  ${p.subs.join(' | ')}`);
  }
});
