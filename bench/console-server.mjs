// 6. The console's own server under load: 50 simulated operators making proxied GET calls for a
// bounded time (BENCH_SERVER_SECONDS, default 60 s — the issue asks for 10 minutes; run with
// BENCH_SERVER_SECONDS=600 for that), against the same calls made to the emulator directly.
// Requests/s, p95 latency, errors, and the server's RSS (its whole process group) over the run.
//
// The server is `npm start` (dist-server/main.js, built by `npm run build`; without that build,
// server/main.ts under tsx), started on 127.0.0.1:<port> against an emulator started here, with a
// throw-away CONSOLE_DB holding one operator the bench creates (`npm run operator -- add`) and signs
// in as: every operator shares that session cookie. Without a start script: not measured.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorClient } from './lib/emulator-api.mjs';
import { answers, startEmulator, startProcess, stopProcess } from './lib/procs.mjs';
import { int, ms, percentile } from './lib/stats.mjs';

const OPERATORS = 50;
const CALLS = ['/users?limit=10', '/users/alice', '/users/bob/status', '/chatgroups?limit=10', '/chatgroups/180000000104729', '/users/alice/contacts/users'];

/** Resident memory of every process in the group `pgid`, in bytes (Linux /proc). */
function groupRss(pgid) {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const rss = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

/** `OPERATORS` loops calling `base + CALLS[i]` for `seconds`; every answer's time and status. */
async function load(base, headers, seconds) {
  const until = Date.now() + seconds * 1000;
  const times = [];
  const errors = new Map();
  const operator = async (id) => {
    for (let i = id; Date.now() < until; i++) {
      const t0 = performance.now();
      try {
        const res = await fetch(base + CALLS[i % CALLS.length], { headers, signal: AbortSignal.timeout(10_000) });
        await res.arrayBuffer();
        if (!res.ok) errors.set(res.status, (errors.get(res.status) ?? 0) + 1);
      } catch (e) {
        errors.set(e.name, (errors.get(e.name) ?? 0) + 1);
      }
      times.push(performance.now() - t0);
    }
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: OPERATORS }, (_, i) => operator(i)));
  const elapsed = (Date.now() - t0) / 1000;
  return { count: times.length, rps: times.length / elapsed, p50: percentile(times, 50), p95: percentile(times, 95), errors };
}

const errorText = (m) => ([...m].map(([k, v]) => `${v}× ${k}`).join(', ') || '0');

export async function run({ port, emulatorPort }) {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const title = '6. The console’s own server: 50 operators through the proxy';
  if (!pkg.scripts?.start) {
    return {
      title,
      columns: ['measure', 'value'],
      rows: [['not measured', 'no production server (package.json has no "start" script)']],
      summary: [['Console server under 50 operators', 'not measured: no production server', '0 errors, flat RSS', '–']],
    };
  }
  const seconds = Number(process.env.BENCH_SERVER_SECONDS ?? 60);
  const emulator = await startEmulator(emulatorPort);
  const dir = mkdtempSync(join(tmpdir(), 'im-console-bench-'));
  let server;
  try {
    const url = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), HOST: '127.0.0.1', EMULATOR_PORT: String(emulatorPort), EMULATOR_DB: ':memory:', IM_HOST: '', IM_APPS: '', CONSOLE_DB: join(dir, 'console.sqlite'), CONSOLE_STATIC_DIR: 'bench-dist' };
    const password = `bench-${Date.now().toString(36)}-password`;
    execFileSync(process.execPath, ['server/bin/operator.mjs', 'add', 'bench', '--role', 'admin'], { input: `${password}\n${password}\n`, env: { ...process.env, ...env }, stdio: ['pipe', 'ignore', 'pipe'] });
    const built = existsSync('dist-server/main.js');
    const [cmd, args] = built ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', 'server/main.ts']];
    server = await startProcess(built ? 'npm start' : 'server/main.ts (tsx)', cmd, args, { env, ready: answers(url), timeoutMs: 90_000 });
    const signIn = await fetch(`${url}/im-console/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'bench', password }) });
    await signIn.arrayBuffer();
    if (!signIn.ok) throw new Error(`sign-in answered ${signIn.status}`);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const headers = { Accept: 'application/json', Cookie: cookie };
    const probe = await fetch(`${url}/im/demo/users?limit=1`, { headers });
    await probe.arrayBuffer();
    if (!probe.ok) throw new Error(`GET ${url}/im/demo/users answered ${probe.status}`);

    const api = await emulatorClient(emulatorPort);
    const direct = await load(api.base, { Accept: 'application/json', Authorization: `Bearer ${api.token}` }, Math.min(seconds, 20));
    const rssStart = groupRss(server.pid);
    const samples = [];
    const sampler = setInterval(() => samples.push(groupRss(server.pid)), 5000);
    const proxied = await load(`${url}/im/demo`, headers, seconds);
    clearInterval(sampler);
    const rssEnd = groupRss(server.pid);
    const mb = (n) => `${(n / 2 ** 20).toFixed(0)} MB`;
    return {
      title: `${title} (${seconds} s) vs the emulator directly (${Math.min(seconds, 20)} s)`,
      columns: ['path', 'requests', 'req/s', 'p50', 'p95', 'errors'],
      rows: [
        ['through the console server (/im/demo/…)', int(proxied.count), proxied.rps.toFixed(0), ms(proxied.p50), ms(proxied.p95), errorText(proxied.errors)],
        ['the emulator directly', int(direct.count), direct.rps.toFixed(0), ms(direct.p50), ms(direct.p95), errorText(direct.errors)],
        ['server RSS at start / end / max', '', '', mb(rssStart), mb(rssEnd), mb(Math.max(rssEnd, ...samples))],
      ],
      summary: [
        [`Console server, 50 operators, ${seconds} s`, `${proxied.rps.toFixed(0)} req/s, p95 ${ms(proxied.p95)} (direct ${ms(direct.p95)}), errors ${errorText(proxied.errors)}`, '0 errors', proxied.errors.size === 0 ? 'met' : 'MISSED'],
        ['Console server RSS start → end', `${mb(rssStart)} → ${mb(rssEnd)}`, 'flat', '–'],
      ],
      notes: [
        `server: ${server.name}; RSS is its whole process group (npm and node)`,
        `calls, in rotation per operator: ${CALLS.join(', ')}`, `bounded at ${seconds} s, not the 10 minutes the issue names: BENCH_SERVER_SECONDS=600 for that`,
      ],
    };
  } finally {
    if (server) await stopProcess(server);
    await stopProcess(emulator);
    rmSync(dir, { recursive: true, force: true });
  }
}
