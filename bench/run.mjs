#!/usr/bin/env node
// `npm run bench`: builds the console once, serves it with `vite preview` against in-memory
// emulators on loopback ports, and prints one table per topic and a summary. Figures only: nothing
// here asserts or fails on a number (the first-screen budget check lives in `npm test`).
//
//   node bench/run.mjs [--only first-screen,big-tables,bulk,emulator-scale,network,console-server,search-index,replicas]
//                      [--skip-build] [--runs N] [--markdown FILE]
//
// Ports: previews 4301/4302, emulators 5301 (plain), 5302 (--rate 100), 5303 (--users 100000),
// the production server (if any) 4303, two replicas on PostgreSQL 4304/4305 (emulator 5305). Every process started here is stopped at the end.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { launch } from './lib/browser.mjs';
import { startEmulator, startPreview, stopAll, stopProcess } from './lib/procs.mjs';
import { markdownTable, table } from './lib/stats.mjs';

const TOPICS = ['first-screen', 'big-tables', 'bulk', 'emulator-scale', 'network', 'console-server', 'search-index', 'replicas'];
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    markdown: { type: 'string' },
  },
});
const only = new Set(values.only ? values.only.split(',') : TOPICS);
for (const t of only) if (!TOPICS.includes(t)) throw new Error(`unknown topic ${t}; topics: ${TOPICS.join(', ')}`);
const runs = Number(values.runs);
const OUT_DIR = 'bench-dist';
const PORTS = { preview: 4301, previewRated: 4302, server: 4303, replicas: [4304, 4305], emulator: 5301, emulatorRated: 5302, emulatorBig: 5303, emulatorServer: 5304, emulatorReplicas: 5305, previewFar: 4306, emulatorFar: 5306 };
/** The big roster is also opened from an emulator this much further away (`--latency`), as a remote IM host. */
const FAR_LATENCY = 150;

/** An emulator started with `flags` and the built console in front of it, for as long as `measure` runs. */
async function withConsole(flags, emulatorPort, previewPort, measure) {
  const emulator = await startEmulator(emulatorPort, flags);
  const preview = await startPreview(OUT_DIR, previewPort, emulatorPort);
  try {
    return await measure(`http://127.0.0.1:${previewPort}`);
  } finally {
    await stopProcess(preview);
    await stopProcess(emulator);
  }
}

function machine() {
  const sh = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '?';
    }
  };
  let chromiumVersion = sh('/usr/bin/chromium', ['--version']);
  return {
    cpu: cpus()[0]?.model ?? '?',
    nproc: sh('nproc', []),
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free at start`,
    freeH: sh('free', ['-h']),
    node: process.version,
    // Other work on the machine moves every timing: say how busy it was.
    load: loadavg().map((n) => n.toFixed(1)).join(' '),
    chromium: chromiumVersion,
    date: new Date().toISOString(),
  };
}

const results = [];
const started = Date.now();
const m = machine();
console.log(`IM console bench — ${m.date}\n${m.cpu} · ${m.nproc} CPUs · ${m.memory} · load ${m.load} · Node ${m.node} · ${m.chromium}`);

const topic = async (name, fn) => {
  if (!only.has(name)) return;
  const t0 = Date.now();
  process.stdout.write(`\n… ${name}`);
  try {
    const r = await fn();
    r.seconds = (Date.now() - t0) / 1000;
    results.push({ name, ...r });
    console.log(` (${r.seconds.toFixed(0)} s)${table(r.title, r.columns, r.rows)}`);
    for (const n of r.notes ?? []) console.log(`  note: ${n}`);
  } catch (e) {
    console.log(`\n## ${name}: FAILED — ${e.stack ?? e}`);
    results.push({ name, title: name, failed: String(e.message ?? e), summary: [[name, 'not measured', '', `failed: ${String(e.message ?? e).split('\n')[0]}`]] });
  }
};

let browser;
try {
  if (!values['skip-build']) {
    process.stdout.write('building the console (vite build → bench-dist/)…');
    const t0 = Date.now();
    execFileSync('node_modules/.bin/vite', ['build', '--outDir', OUT_DIR, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], { stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(` ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  const needsBrowser = ['first-screen', 'big-tables', 'bulk', 'network'].some((t) => only.has(t));
  const needsPlain = ['first-screen', 'big-tables', 'network'].some((t) => only.has(t));
  let plain;
  if (needsPlain) {
    await startEmulator(PORTS.emulator);
    plain = await startPreview(OUT_DIR, PORTS.preview, PORTS.emulator);
  }
  if (needsBrowser) browser = await launch();
  const baseURL = `http://127.0.0.1:${PORTS.preview}`;

  await topic('first-screen', async () => (await import('./first-screen.mjs')).run({ outDir: OUT_DIR, browser, baseURL, runs: Math.min(runs, 3) }));
  await topic('network', async () => (await import('./network.mjs')).run({ browser, baseURL }));
  await topic('big-tables', () =>
    withConsole(['--latency', String(FAR_LATENCY)], PORTS.emulatorFar, PORTS.previewFar, async (farBaseURL) =>
      (await import('./big-tables.mjs')).run({ browser, baseURL, emulatorPort: PORTS.emulator, farBaseURL, farLatency: FAR_LATENCY, runs }),
    ),
  );
  if (plain) await stopProcess(plain);

  await topic('bulk', () =>
    withConsole(['--rate', '100'], PORTS.emulatorRated, PORTS.previewRated, async (ratedURL) =>
      (await import('./bulk.mjs')).run({ browser, baseURL: ratedURL, emulatorPort: PORTS.emulatorRated, rate: 100 }),
    ),
  );
  if (browser) {
    await browser.close();
    browser = undefined;
  }

  await topic('emulator-scale', async () => {
    const emulator = await startEmulator(PORTS.emulatorBig, ['--users', '100000']);
    try {
      return await (await import('./emulator-scale.mjs')).run({ emulatorPort: PORTS.emulatorBig, seedMs: emulator.readyMs });
    } finally {
      await stopProcess(emulator);
    }
  });

  await topic('console-server', async () => (await import('./console-server.mjs')).run({ port: PORTS.server, emulatorPort: PORTS.emulatorServer }));
  await topic('replicas', async () => (await import('./replicas.mjs')).run({ ports: PORTS.replicas, emulatorPort: PORTS.emulatorReplicas }));
  // Issue 15's scale: 1,000,000 rows inserted directly (about two minutes here); BENCH_SEARCH_USERS to change.
  await topic('search-index', async () => {
    const users = Number(process.env.BENCH_SEARCH_USERS ?? 1_000_000);
    const rows = await (await import('./search-index.mjs')).run({ users });
    const columns = ['measure', 'users', 'time', 'size', 'rss', 'p50', 'p95', 'max'];
    const worst = Math.max(...rows.filter((r) => r.p95).map((r) => parseFloat(r.p95)));
    return {
      title: `7. User search index: ${users.toLocaleString('en-US')} users inserted directly, then queries (issue 15)`,
      columns,
      rows: rows.map((r) => columns.map((c) => r[c] ?? '')),
      summary: [['Search index: query p95, worst of 1/2/3+ characters', `${worst} ms`, '≤ 50 ms', worst <= 50 ? 'met' : 'MISSED']],
    };
  });
} finally {
  await browser?.close().catch(() => {});
  await stopAll();
}

const summary = results.flatMap((r) => r.summary ?? []);
console.log(table('Summary', ['figure', 'value', 'target', 'verdict'], summary));
const loadEnd = loadavg().map((n) => n.toFixed(1)).join(' ');
console.log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(0)} s (load average at the end ${loadEnd}); every process it started is stopped.`);

if (values.markdown) {
  const md = [
    `Run ${m.date} · ${m.cpu} · ${m.nproc} CPUs · ${m.memory} · load average ${m.load} at the start, ${loadEnd} at the end · Node ${m.node} · ${m.chromium} · ${((Date.now() - started) / 1000).toFixed(0)} s in all`,
    '',
    '```',
    m.freeH,
    '```',
    '',
    '### Summary',
    '',
    markdownTable(['figure', 'value', 'target', 'verdict'], summary),
    ...results.flatMap((r) => (r.rows ? ['', `### ${r.title}`, '', markdownTable(r.columns, r.rows), ...(r.notes ?? []).map((n) => `\n_${n}_`)] : ['', `### ${r.title}`, '', `Failed: ${r.failed}`])),
    '',
  ].join('\n');
  writeFileSync(values.markdown, md);
  console.log(`figures written to ${values.markdown}`);
}
