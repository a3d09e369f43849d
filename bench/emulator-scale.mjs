// 4. The emulator at scale (`--users 100000`), called directly over HTTP from Node (keep-alive):
// the first and the 1,000th cursor page of `GET /users?limit=100`, and 1,000-member roster pages
// of the 3,000-member group. Each timing is request sent → body read, median of 20 after 2 warm-ups.
import { emulatorClient } from './lib/emulator-api.mjs';
import { int, median, ms, percentile } from './lib/stats.mjs';

const BIG_GROUP = '180000000104729';

async function timeIt(url, token, times = 20) {
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  const samples = [];
  let bytes = 0;
  for (let i = 0; i < times + 2; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    const body = await res.arrayBuffer();
    const t = performance.now() - t0;
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    bytes = body.byteLength;
    if (i >= 2) samples.push(t);
  }
  return { median: median(samples), p95: percentile(samples, 95), min: Math.min(...samples), bytes };
}

export async function run({ emulatorPort, seedMs }) {
  const api = await emulatorClient(emulatorPort);
  // The 1,000th page's cursor, as a client gets it: by walking the 999 pages before it.
  let cursor;
  let total = 0;
  const walk0 = performance.now();
  for (let page = 1; page < 1000; page++) {
    const body = await api.call('GET', `/users?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    total += body.entities.length;
    cursor = body.cursor;
    if (!cursor) throw new Error(`only ${page} pages of users: is the emulator seeded with --users 100000?`);
  }
  const walkMs = performance.now() - walk0;
  const last = await api.call('GET', `/users?limit=100&cursor=${cursor}`);
  total += last.entities.length;

  const first = await timeIt(`${api.base}/users?limit=100`, api.token);
  const thousandth = await timeIt(`${api.base}/users?limit=100&cursor=${cursor}`, api.token);
  const roster1 = await timeIt(`${api.base}/chatgroups/${BIG_GROUP}/users?pagenum=1&pagesize=1000`, api.token);
  const roster3 = await timeIt(`${api.base}/chatgroups/${BIG_GROUP}/users?pagenum=3&pagesize=1000`, api.token);
  const ratio = thousandth.median / first.median;
  const row = (label, r, target = '') => [label, ms(r.median), ms(r.p95), ms(r.min), `${(r.bytes / 1024).toFixed(1)} KB`, target];
  return {
    title: '4. Emulator at scale: 100,000 users, direct HTTP (median of 20)',
    columns: ['call', 'median', 'p95', 'min', 'body', 'target'],
    rows: [
      row('GET /users?limit=100 (page 1)', first),
      row('GET /users?limit=100&cursor=… (page 1,000)', thousandth, '≤ 2× page 1'),
      row(`GET /chatgroups/{3,000 members}/users?pagenum=1&pagesize=1000`, roster1, '≤ 50 ms'),
      row(`GET /chatgroups/{3,000 members}/users?pagenum=3&pagesize=1000`, roster3, '≤ 50 ms'),
    ],
    summary: [
      ['Users page 1,000 vs page 1 (100,000 users)', `${ms(thousandth.median)} vs ${ms(first.median)} (${ratio.toFixed(2)}×)`, '≤ 2×', ratio <= 2 ? 'met' : 'MISSED'],
      ['Roster page of 1,000 (median)', ms(roster1.median), '≤ 50 ms', roster1.median <= 50 ? 'met' : 'MISSED'],
    ],
    notes: [
      `${int(total)} users seen by paging; the first 1,000 pages were walked in ${ms(walkMs)} (${ms(walkMs / 999)} a page)`,
      ...(seedMs ? [`start-up with --users 100000 (seed + listen), as the bench saw it: ${ms(seedMs)}`] : []),
    ],
  };
}
