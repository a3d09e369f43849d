// 1. First screen: what /demo/users costs opened cold, from the build's manifest (every chunk, raw
// and gzip) and as Chromium actually loads it (every JS and CSS response, gzip -9).
import { BUDGET, firstScreen, recordAssets } from '../scripts/first-screen.mjs';
import { apiSettled, newContext, open, trackApi } from './lib/browser.mjs';
import { kb, median } from './lib/stats.mjs';

export async function run({ outDir, browser, baseURL, runs = 3 }) {
  const manifest = firstScreen(outDir);
  const measured = [];
  let lastFiles = [];
  for (let i = 0; i < runs; i++) {
    const context = await newContext(browser);
    const page = await context.newPage();
    const api = trackApi(page);
    const assets = recordAssets(page);
    await open(page, `${baseURL}/demo/users`, page.getByRole('table', { name: 'Users' }).getByRole('link', { name: 'alice', exact: true }));
    await apiSettled(page, api.inflight);
    // Anything lazily loaded once the page is up (notifications, idle prefetches) counts too.
    await page.waitForTimeout(500);
    const { files, js, css } = await assets.files();
    measured.push({ js, css, count: files.length });
    lastFiles = files;
    await context.close();
  }
  const browserJs = median(measured.map((m) => m.js));
  const browserCss = median(measured.map((m) => m.css));
  const inManifest = new Set(manifest.rows.map((r) => r.file));
  const extra = lastFiles.filter((f) => !inManifest.has(f.file));

  const rows = manifest.rows.map((r) => [r.file, r.kind, r.why, kb(r.raw), kb(r.gzip)]);
  for (const f of extra) rows.push([f.file, f.kind, 'loaded by the browser only', kb(f.raw), kb(f.gzip)]);
  rows.push(['TOTAL (manifest)', '', '', '', `${kb(manifest.js)} JS / ${kb(manifest.css)} CSS`]);
  rows.push([`TOTAL (Chromium, cold, median of ${runs})`, '', `${measured[0]?.count ?? 0} files`, '', `${kb(browserJs)} JS / ${kb(browserCss)} CSS`]);

  const ok = (v, b) => (v <= b ? 'within budget' : 'OVER BUDGET');
  return {
    title: '1. First screen: /demo/users opened cold (gzip -9)',
    columns: ['chunk', 'kind', 'why', 'raw', 'gzip'],
    rows,
    summary: [
      ['First screen JS (Chromium, gzip)', kb(browserJs), `≤ ${kb(BUDGET.js)}`, ok(browserJs, BUDGET.js)],
      ['First screen CSS (Chromium, gzip)', kb(browserCss), `≤ ${kb(BUDGET.css)}`, ok(browserCss, BUDGET.css)],
      ['First screen JS (manifest, gzip)', kb(manifest.js), `≤ ${kb(BUDGET.js)}`, ok(manifest.js, BUDGET.js)],
    ],
    notes: extra.length ? [`Chromium loaded ${extra.length} file(s) the manifest walk does not count: ${extra.map((f) => f.file).join(', ')}`] : [],
  };
}
