import { test } from '@playwright/test';
const queries = process.env.Q!.split('|');
test('explore excerpts', async ({ page }) => {
  await page.goto('/about/');
  const out = await page.evaluate(async (queries) => {
    const pf: any = await import('/pagefind/pagefind.js');
    await pf.options({ baseUrl: '/', excerptLength: 22 });
    await pf.init();
    const res: any[] = [];
    for (const q of queries) {
      const s = await pf.search(q);
      const pages = await Promise.all(s.results.slice(0, 3).map((r: any) => r.data()));
      res.push({ q, n: s.results.length, pages: pages.map((p: any) => ({ url: p.url, ex: p.excerpt, subs: p.sub_results.slice(0,2).map((x: any) => x.url + ' :: ' + x.excerpt) })) });
    }
    return res;
  }, queries);
  for (const r of out) {
    console.log(`\n### ${r.q} (${r.n})`);
    for (const p of r.pages) console.log(`  ${p.url}\n    ${p.ex}\n    ${p.subs.join('\n    ')}`);
  }
});
