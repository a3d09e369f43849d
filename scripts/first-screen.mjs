#!/usr/bin/env node
// The weight of the console's first screen — the users list opened cold — in a production build:
// the entry with everything it imports statically, plus the lazily loaded route chunks that
// /{app}/users needs, and their CSS. Sizes are gzip -9, as a server would send them.
//
//   node scripts/first-screen.mjs <outDir> [--json]
//
// Exits 1 when the first screen is over budget (180 KB of JS, 20 KB of CSS): `npm test` runs it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET = { js: 180 * 1024, css: 20 * 1024 };
/** The route modules (split by the router plugin) that load and render /{app}/users. */
export const FIRST_SCREEN_ROUTES = ['$app/route.tsx', '$app/users/index.tsx'].flatMap((r) => ['component', 'loader'].map((part) => `src/routes/${r}?tsr-split=${part}`));
/** Loaded lazily on every first screen: before its first render, the core strings of the language
 * shown (English measured); once the list is up, the search index's notice. */
const FIRST_SCREEN_LAZY = { 'src/lib/i18n/core-en.ts': 'language', 'src/features/user-search/components/index-build-notice.tsx': 'after the list' };

export function firstScreen(outDir) {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
  const files = new Map();
  const visit = (key, why) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build's manifest: has the route moved? Update FIRST_SCREEN_ROUTES / FIRST_SCREEN_LAZY.`);
    if (files.has(chunk.file)) return;
    files.set(chunk.file, why);
    for (const css of chunk.css ?? []) if (!files.has(css)) files.set(css, why);
    // Static imports load with the chunk; dynamic ones (dialogs, other pages) do not.
    for (const dep of chunk.imports ?? []) visit(dep, why);
  };
  visit('index.html', 'entry');
  for (const route of FIRST_SCREEN_ROUTES) visit(route, 'users route');
  for (const [key, why] of Object.entries(FIRST_SCREEN_LAZY)) visit(key, why);

  const rows = [...files].map(([file, why]) => {
    const bytes = readFileSync(join(outDir, file));
    return { file, why, kind: file.endsWith('.css') ? 'css' : 'js', raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const total = (kind) => rows.filter((r) => r.kind === kind).reduce((n, r) => n + r.gzip, 0);
  return { rows: rows.sort((a, b) => b.gzip - a.gzip), js: total('js'), css: total('css') };
}

/**
 * The first screen as a browser fetches it: every JS and CSS response of a Playwright `page` from
 * now on, sized as the walk above sizes them. `files()` waits for their bodies; `js` and `css` are
 * the totals, to hold against BUDGET.
 */
export function recordAssets(page) {
  const bodies = [];
  page.on('response', (res) => {
    const type = res.request().resourceType();
    const path = new URL(res.url()).pathname;
    const kind = type === 'script' || path.endsWith('.js') ? 'js' : type === 'stylesheet' || path.endsWith('.css') ? 'css' : undefined;
    if (kind) bodies.push(res.body().then((b) => ({ file: path.slice(1), kind, raw: b.length, gzip: gzipSync(b, { level: 9 }).length })));
  });
  return {
    files: async () => {
      const files = await Promise.all(bodies);
      const total = (kind) => files.filter((f) => f.kind === kind).reduce((n, f) => n + f.gzip, 0);
      return { files, js: total('js'), css: total('css') };
    },
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.argv[2] ?? 'dist';
  const result = firstScreen(outDir);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log('First screen (/{app}/users, cold):');
    for (const r of result.rows) console.log(`  ${r.kind.padEnd(3)} ${kb(r.gzip).padStart(9)} gzip ${kb(r.raw).padStart(9)} raw  ${r.file}  (${r.why})`);
  }
  const over = result.js > BUDGET.js || result.css > BUDGET.css;
  console.log(`First screen: ${kb(result.js)} JS (budget ${kb(BUDGET.js)}), ${kb(result.css)} CSS (budget ${kb(BUDGET.css)}), gzip -9${over ? ' — OVER BUDGET' : ''}`);
  process.exit(over ? 1 : 0);
}
