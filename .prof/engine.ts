import { chromium } from '@playwright/test';
import { serve } from '../src/cli/serve.ts';
const servers = [await serve({ dir: '/work/wt-search/dist', port: 4345 }), await serve({ dir: '/work/wt-search/dist', port: 4346, securityHeaders: false }), await serve({ dir: '/tmp/peer-work-search/dist', port: 4347, securityHeaders: false })];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const sites = [['ours+csp', 4345, { highlightParam: 'highlight', excerptLength: 22 }], ['ours-nocsp', 4346, { highlightParam: 'highlight', excerptLength: 22 }], ['starlight', 4347, { ranking: { pageLength: 0.1, termFrequency: 0.1, termSaturation: 2, termSimilarity: 9, diacriticSimilarity: 0.8 } }]] as const;
const queries = ['trough target maintenance', 'starting dose', 'creatinine rise', 'cyclophosphamide fertility', 'lupus nephritis', 'breastfeeding', 'grapefruit', 'tremor'];
const rounds = Number(process.argv[2] || 3);
for (let r = 0; r < rounds; r++) for (const [name, port, options] of sites) {
  const context = await browser.newContext(); const page = await context.newPage();
  const s = await context.newCDPSession(page); await s.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  page.on('console', (m) => { if (m.type() === 'error' || m.type()==='warning') console.log(name, 'console', m.text().slice(0, 200)); });
  await page.goto(`http://127.0.0.1:${port}/topics/monitoring/`); await page.waitForTimeout(500);
  const out = await page.evaluate(async ({ options, queries }) => {
    const t: Record<string, number> = {}; let t0 = performance.now(); const lap = (k: string) => { const n = performance.now(); t[k] = Math.round(n - t0); t0 = n; };
    const pf = await import('/pagefind/pagefind.js' as string); lap('import');
    await pf.options({ ...options, baseUrl: '/' }); lap('options');
    await pf.init(); lap('init');
    await pf.search(''); lap('emptysearch');
    await pf.filters(); lap('filters');
    const qs: string[] = [];
    for (const q of queries) { const a = performance.now(); const res = await pf.search(q); const b = performance.now(); const d = await Promise.all(res.results.slice(0, 5).map((x: any) => x.data())); const c = performance.now(); qs.push(`${Math.round(b - a)}+${Math.round(c - b)}(${res.results.length})`); }
    return { t, qs, worker: typeof Worker };
  }, { options, queries });
  console.log(name, JSON.stringify(out.t), out.qs.join(' '));
  await context.close();
}
await browser.close(); servers.forEach((s) => s.close());
