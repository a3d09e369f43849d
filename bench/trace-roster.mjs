// Where a cold load of the 1,000-row roster spends the main thread (issue 21's cold figure): a
// Chromium trace of each load: when the group's calls were sent and when the page took their
// answers up, and every main-thread task of 5 ms or more with what it did (script, style, layout,
// paint), in ms since the page's own request. A map, not a figure with a target (those are
// bench/big-tables.mjs's).
//
//   node bench/trace-roster.mjs [--dist bench-dist] [--runs 3]
//
// Build first (`npm run bench` does, into bench-dist/); `vite build --minify false --outDir DIR`
// and `--dist DIR` keep function names readable for a profiler. Ports 4401 and 5401.
import { parseArgs } from 'node:util';
import { launch, newContext } from './lib/browser.mjs';
import { startEmulator, startPreview, stopAll } from './lib/procs.mjs';

const GROUP = '180000000104729';
const { values } = parseArgs({ options: { dist: { type: 'string', default: 'bench-dist' }, runs: { type: 'string', default: '3' } } });
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading'];
/** Trace events nested in a task, by what they stand for. */
const KINDS = { FunctionCall: 'script', EvaluateScript: 'script', TimerFire: 'script', FireAnimationFrame: 'script', UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'paint', Paint: 'paint', Layerize: 'paint', Commit: 'paint', ParseHTML: 'html', ParseAuthorStyleSheet: 'style' };

/** The page's main thread: the one that sent the roster call (fetches start there). */
function mainThread(events) {
  const send = events.find((e) => e.name === 'ResourceSendRequest' && e.args.data.url.includes(`/chatgroups/${GROUP}/users`));
  return `${send.pid}:${send.tid}`;
}

function summarise(events) {
  const main = mainThread(events);
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts);
  // Time zero: the page's own request.
  const t0 = events.find((e) => e.name === 'ResourceSendRequest' && new URL(e.args.data.url).pathname === `/demo/groups/${GROUP}`).ts;
  const at = (ts) => (ts - t0) / 1000;
  const calls = new Map();
  for (const e of events) {
    const d = e.args?.data;
    if (e.name === 'ResourceSendRequest' && d.url.includes(`/im/demo/chatgroups/${GROUP}`)) calls.set(d.requestId, { path: new URL(d.url).pathname.split(GROUP)[1] || '(details)', sent: at(e.ts) });
    if (e.name === 'ResourceFinish' && calls.has(d.requestId)) calls.get(d.requestId).takenUp = at(e.ts);
  }
  const tasks = onMain
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur >= 5000)
    .map((task) => {
      const kinds = {};
      // A kind's events nest (a timer's function call): each stretch counted once.
      const countedUntil = {};
      for (const e of onMain) {
        const kind = KINDS[e.name];
        if (!kind || e.ph !== 'X' || e.ts < task.ts || e.ts >= task.ts + task.dur || e.ts < (countedUntil[kind] ?? 0)) continue;
        kinds[kind] = (kinds[kind] ?? 0) + e.dur / 1000;
        countedUntil[kind] = e.ts + e.dur;
      }
      return { start: at(task.ts), ms: task.dur / 1000, kinds };
    });
  return { calls: [...calls.values()], tasks };
}

await startEmulator(5401);
await startPreview(values.dist, 4401, 5401);
const browser = await launch();
try {
  for (let run = 1; run <= Number(values.runs); run++) {
    const context = await newContext(browser);
    const page = await context.newPage();
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(`http://127.0.0.1:4401/demo/groups/${GROUP}?pagesize=1000`);
    await page.locator('table[aria-rowcount="1001"] tbody tr[aria-rowindex]').first().waitFor({ timeout: 30_000 });
    // Long tasks right after the rows still count.
    await page.waitForTimeout(1000);
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
    await context.close();
    const { calls, tasks } = summarise(traceEvents);
    console.log(`\nrun ${run} (ms since the page was requested)`);
    for (const c of calls.sort((a, b) => a.sent - b.sent)) console.log(`  call ${c.path.padEnd(14)} sent ${c.sent.toFixed(0).padStart(5)}  taken up ${c.takenUp?.toFixed(0).padStart(5) ?? '    –'}`);
    for (const t of tasks) {
      const kinds = Object.entries(t.kinds)
        .filter(([, v]) => v >= 1)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ');
      console.log(`  task at ${t.start.toFixed(0).padStart(5)}  ${t.ms.toFixed(0).padStart(4)} ms  ${kinds}`);
    }
  }
} finally {
  await browser.close();
  await stopAll();
}
