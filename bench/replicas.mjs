// 6b. Two console servers on one PostgreSQL (issue 24): two `npm start` replicas with the same
// DATABASE_URL, 50 operators signed in on each, every operator sending its calls to the two
// replicas in turn (as a load balancer without sticky sessions would), for BENCH_SERVER_SECONDS
// (default 60), after BENCH_WARMUP_SECONDS (default 30) of the same load that is not counted: two
// replicas' heaps are still growing to their working size a minute in. Requests/s, p95, errors,
// audit rows against accepted writes, and each replica's RSS trend with its live heap (the lowest
// `nodejs_heap_size_used_bytes` of each third, read from /metrics: a leak raises it, a heap that is
// still sizing itself does not). Run with `--only console-server,replicas` for the single SQLite
// server beside it.
//
// PostgreSQL: a throw-away cluster from Debian's package (server/testing/postgres.ts, through tsx),
// stopped at the end. The IM host: one emulator started here, shared by both replicas.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
import { errorText, groupRss, laterThirds, load, mb, OPERATORS, pct, rssTrend, WRITE_USERS } from './console-server.mjs';
import { answers, startEmulator, startProcess, stopProcess } from './lib/procs.mjs';
import { int, ms } from './lib/stats.mjs';

export async function run({ ports, emulatorPort }) {
  const title = '6b. Two console servers on one PostgreSQL: 2 × 50 operators';
  const seconds = Number(process.env.BENCH_SERVER_SECONDS ?? 60);
  const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 30);
  register();
  const { startTestPostgres } = await import(pathToFileURL(join(import.meta.dirname, '..', 'server', 'testing', 'postgres.ts')).href);
  const pg = await startTestPostgres();
  const emulator = await startEmulator(emulatorPort);
  const servers = [];
  try {
    const databaseUrl = await pg.createDatabase('bench');
    const password = `bench-${Date.now().toString(36)}-password`;
    const metricsToken = `bench-${Date.now().toString(36)}-metrics`;
    const common = {
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      CONSOLE_STATIC_DIR: 'bench-dist',
      IM_HOST: `http://127.0.0.1:${emulatorPort}`,
      IM_SCHEME: 'easemob',
      IM_ORG: 'demo',
      IM_APP: 'console',
      IM_CLIENT_ID: 'demo-client-id',
      IM_CLIENT_SECRET: 'demo-client-secret',
      IM_APPS: '',
      REQUIRE_2FA: 'off',
      SEARCH_INDEX_AUTO: 'off',
      METRICS_TOKEN: metricsToken,
    };
    execFileSync(process.execPath, ['server/bin/operator.mjs', 'add', 'bench', '--role', 'admin'], { input: `${password}\n${password}\n`, env: { ...process.env, ...common }, stdio: ['pipe', 'ignore', 'pipe'] });
    const built = existsSync('dist-server/main.js');
    const [cmd, args] = built ? [process.execPath, ['dist-server/main.js']] : [process.execPath, ['--import', 'tsx', 'server/main.ts']];
    for (const port of ports) {
      const url = `http://127.0.0.1:${port}`;
      servers.push({ url, proc: await startProcess(`replica :${port}`, cmd, args, { env: { ...common, PORT: String(port) }, ready: answers(`${url}/healthz`), timeoutMs: 90_000 }) });
    }
    // 50 sessions opened on each replica.
    const sessions = [];
    for (let i = 0; i < OPERATORS * servers.length; i++) {
      const { url } = servers[i % servers.length];
      const signIn = await fetch(`${url}/im-console/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'bench', password }) });
      if (!signIn.ok) throw new Error(`sign-in on ${url} answered ${signIn.status}`);
      const { csrfToken } = await signIn.json();
      sessions.push({ Accept: 'application/json', Cookie: (signIn.headers.get('set-cookie') ?? '').split(';')[0], 'X-CSRF-Token': csrfToken });
    }
    // Operator `id`'s call `i` goes to replica (id + i) mod 2: every session is used on both.
    const run = (s) => load((id, i) => `${servers[(id + i) % servers.length].url}/im/main`, (id) => sessions[id], s, { writes: true, operators: sessions.length });
    const warm = warmup > 0 ? await run(warmup) : { written: 0 };
    const samples = servers.map(() => []);
    const heaps = servers.map(() => []);
    const heapUsed = async (url) => {
      const text = await (await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${metricsToken}` } })).text();
      return Number(/^nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1]);
    };
    const sampler = setInterval(() => {
      servers.forEach(async (s, i) => {
        samples[i].push(groupRss(s.proc.pid));
        heaps[i].push(await heapUsed(s.url).catch(() => NaN));
      });
    }, 5000);
    const result = await run(seconds);
    clearInterval(sampler);

    // One audit row per accepted write, whichever replica took it.
    const pgClient = await import('pg');
    const client = new pgClient.default.Client(databaseUrl);
    await client.connect();
    const { rows } = await client.query("SELECT count(*)::int AS n FROM audit WHERE action = 'PUT users/{username}'");
    const outcomes = await client.query("SELECT count(*)::int AS n FROM audit a JOIN audit_outcome o ON o.audit_id = a.id WHERE a.action = 'PUT users/{username}' AND o.status = 200");
    await client.end();
    const auditRows = rows[0].n;
    const written = warm.written + result.written;
    const trends = samples.map(rssTrend);
    const flat = trends.every((t) => Number.isFinite(t.growth) && t.growth <= 10);
    return {
      title: `${title} (${seconds} s)`,
      columns: ['measure', 'value'],
      rows: [
        ['requests (both replicas)', int(result.count)],
        ['req/s', result.rps.toFixed(0)],
        ['p50 / p95', `${ms(result.p50)} / ${ms(result.p95)}`],
        ['errors', errorText(result.errors)],
        ['writes accepted (warm-up included) / audit rows for them / with outcome 200', `${int(written)} / ${int(auditRows)} / ${int(outcomes.rows[0].n)}`],
        ...servers.map((s, i) => [`replica ${i + 1} RSS, middle → last third`, `${mb(trends[i].mid)} → ${mb(trends[i].late)} (${pct(trends[i].growth)})`]),
        ...servers.map((s, i) => [`replica ${i + 1} live heap (lowest sample), middle → last third`, liveHeap(heaps[i])]),
      ],
      summary: [
        [
          `Two replicas on PostgreSQL, 2 × ${OPERATORS} operators, ${seconds} s`,
          `${result.rps.toFixed(0)} req/s, p95 ${ms(result.p95)}, errors ${errorText(result.errors)}`,
          '0 errors',
          result.errors.size === 0 ? 'met' : 'MISSED',
        ],
        ['Audit rows = accepted writes (two replicas)', `${int(auditRows)} rows, ${int(written)} writes`, 'equal', auditRows === written ? 'met' : 'MISSED'],
        ['Replica RSS after the warm-up', trends.map((t) => pct(t.growth)).join(', '), 'flat (≤ +10 %)', flat ? 'met' : 'MISSED'],
      ],
      notes: [`${warmup} s of the same load before the ${seconds} s measured (BENCH_WARMUP_SECONDS), not counted but for its writes`, `replicas: ${servers.map((s) => s.proc.name).join(', ')} (${built ? 'dist-server/main.js' : 'server/main.ts under tsx'}); writes are push nicknames of ${WRITE_USERS.join(', ')}`],
    };
  } finally {
    for (const s of servers) await stopProcess(s.proc);
    await stopProcess(emulator);
    await pg.stop();
  }
}

/** The lowest live-heap sample of the middle and of the last third: what is left after a collection. */
function liveHeap(samples) {
  const thirds = laterThirds(samples);
  const low = (part) => Math.min(...part.filter(Number.isFinite));
  return thirds ? `${mb(low(thirds.middle))} → ${mb(low(thirds.last))}` : '–';
}
