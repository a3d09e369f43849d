// 6b. Two console servers on one PostgreSQL (issue 24): two `npm start` replicas with the same
// DATABASE_URL, 50 operators signed in on each, every operator sending its calls to the two
// replicas in turn (as a load balancer without sticky sessions would), for BENCH_SERVER_SECONDS
// (default 60). Requests/s, p95, errors, audit rows against accepted writes, and each replica's
// RSS trend. Run with `--only console-server,replicas` for the single SQLite server beside it.
//
// PostgreSQL: a throw-away cluster from Debian's package (server/testing/postgres.ts, through tsx),
// stopped at the end. The IM host: one emulator started here, shared by both replicas.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
import { errorText, groupRss, load, mb, OPERATORS, pct, rssTrend, WRITE_USERS } from './console-server.mjs';
import { answers, startEmulator, startProcess, stopProcess } from './lib/procs.mjs';
import { int, ms } from './lib/stats.mjs';

export async function run({ ports, emulatorPort }) {
  const title = '6b. Two console servers on one PostgreSQL: 2 × 50 operators';
  const seconds = Number(process.env.BENCH_SERVER_SECONDS ?? 60);
  register();
  const { startTestPostgres } = await import(pathToFileURL(join(import.meta.dirname, '..', 'server', 'testing', 'postgres.ts')).href);
  const pg = await startTestPostgres();
  const emulator = await startEmulator(emulatorPort);
  const servers = [];
  try {
    const databaseUrl = await pg.createDatabase('bench');
    const password = `bench-${Date.now().toString(36)}-password`;
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
    const samples = servers.map(() => []);
    const sampler = setInterval(() => servers.forEach((s, i) => samples[i].push(groupRss(s.proc.pid))), 5000);
    // Operator `id`'s call `i` goes to replica (id + i) mod 2: every session is used on both.
    const result = await load((id, i) => `${servers[(id + i) % servers.length].url}/im/main`, (id) => sessions[id], seconds, { writes: true, operators: sessions.length });
    clearInterval(sampler);

    // One audit row per accepted write, whichever replica took it.
    const pgClient = await import('pg');
    const client = new pgClient.default.Client(databaseUrl);
    await client.connect();
    const { rows } = await client.query("SELECT count(*)::int AS n FROM audit WHERE action = 'PUT users/{username}'");
    const outcomes = await client.query("SELECT count(*)::int AS n FROM audit a JOIN audit_outcome o ON o.audit_id = a.id WHERE a.action = 'PUT users/{username}' AND o.status = 200");
    await client.end();
    const auditRows = rows[0].n;
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
        ['writes accepted / audit rows for them / with outcome 200', `${int(result.written)} / ${int(auditRows)} / ${int(outcomes.rows[0].n)}`],
        ...servers.map((s, i) => [`replica ${i + 1} RSS, middle → last third`, `${mb(trends[i].mid)} → ${mb(trends[i].late)} (${pct(trends[i].growth)})`]),
      ],
      summary: [
        [
          `Two replicas on PostgreSQL, 2 × ${OPERATORS} operators, ${seconds} s`,
          `${result.rps.toFixed(0)} req/s, p95 ${ms(result.p95)}, errors ${errorText(result.errors)}`,
          '0 errors',
          result.errors.size === 0 ? 'met' : 'MISSED',
        ],
        ['Audit rows = accepted writes (two replicas)', `${int(auditRows)} rows, ${int(result.written)} writes`, 'equal', auditRows === result.written ? 'met' : 'MISSED'],
        ['Replica RSS after the warm-up', trends.map((t) => pct(t.growth)).join(', '), 'flat (≤ +10 %)', flat ? 'met' : 'MISSED'],
      ],
      notes: [`replicas: ${servers.map((s) => s.proc.name).join(', ')} (${built ? 'dist-server/main.js' : 'server/main.ts under tsx'}); writes are push nicknames of ${WRITE_USERS.join(', ')}`],
    };
  } finally {
    for (const s of servers) await stopProcess(s.proc);
    await stopProcess(emulator);
    await pg.stop();
  }
}
