import { test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
const aliases = parse(readFileSync('content/search-aliases.yaml', 'utf8')).aliases as { terms: string[]; sections: string[] }[];
test('explore aliases', async ({ page }) => {
  await page.goto('/about/');
  const out = await page.evaluate(async (aliases) => {
    const pf: any = await import('/pagefind/pagefind.js');
    await pf.options({ baseUrl: '/', excerptLength: 22 });
    await pf.init();
    const res: string[] = [];
    for (const a of aliases) for (const term of a.terms) {
      const s = await pf.search(term);
      const pages = await Promise.all(s.results.slice(0, 6).map((r: any) => r.data()));
      const shown = new Set<string>(), any = new Set<string>();
      for (const p of pages) {
        const slug = p.url.split('/')[2];
        const subs = p.sub_results.filter((x: any) => x.anchor);
        subs.forEach((x: any) => any.add(`${slug}#${x.anchor.id}`));
        subs.sort((a: any, b: any) => b.locations.length - a.locations.length).slice(0, 3).forEach((x: any) => shown.add(`${slug}#${x.anchor.id}`));
      }
      const hitShown = a.sections.filter((x) => shown.has(x));
      const hitAny = a.sections.filter((x) => any.has(x));
      res.push(`${hitShown.length ? 'OK  ' : hitAny.length ? 'ANY ' : 'MISS'} ${JSON.stringify(term)} n=${s.results.length} shown=${hitShown.length}/${a.sections.length} any=${hitAny.length} top=${pages.slice(0,3).map((p: any) => p.url.split('/')[2]).join(',')}`);
    }
    return res;
  }, aliases);
  console.log(out.join('\n'));
});
