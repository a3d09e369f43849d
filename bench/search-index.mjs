// The user search index (issue 15) at scale: N generated users inserted directly (no API walk —
// a walk is limited by the app's rate, not by the console), then the build's time, the database
// size, the process's memory, and query latency p50/p95 for 1-, 2- and 3+-character queries. In
// each of the console's databases: the SQLite file, and PostgreSQL (a throw-away cluster of
// server/testing/postgres.ts, durability off as in the tests) when its server programs are installed.
//
//   node bench/search-index.mjs [N]        (default BENCH_SEARCH_USERS or 1,000,000)
//   BENCH_SEARCH_DATABASES=sqlite          (default: sqlite,postgres)
//
// Loads server/user-index/index.ts through tsx (a devDependency). `run({ users })` returns the rows
// for bench/run.mjs, the database in each row's measure.
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
import { int, ms, percentile } from './lib/stats.mjs';

const LATIN_FIRST = ['emma', 'liam', 'olivia', 'noah', 'ava', 'lucas', 'mia', 'ethan', 'sofia', 'leo', 'chloe', 'mason', 'zoe', 'ryan', 'ivy', 'owen', 'nora', 'jack', 'lily', 'kai'];
const LATIN_LAST = ['smith', 'tan', 'nguyen', 'garcia', 'kim', 'muller', 'rossi', 'silva', 'ong', 'lee', 'khan', 'sato', 'lopez', 'brown', 'wong'];
const HANZI_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const HANZI_GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '强', '燕', '杰', '涛', '明', '超', '秀', '慧', '平', '刚', '宇', '红', '波', '欣'];

/** A small deterministic PRNG (mulberry32): the same N gives the same users. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function* generate(n) {
  const r = random(15);
  const pick = (list) => list[Math.floor(r() * list.length)];
  for (let i = 0; i < n; i++) {
    const kind = r();
    const first = pick(LATIN_FIRST);
    const last = pick(LATIN_LAST);
    const nickname = kind < 0.4 ? `${pick(HANZI_SURNAMES)}${pick(HANZI_GIVEN)}${r() < 0.5 ? pick(HANZI_GIVEN) : ''}` : kind < 0.8 ? `${first[0].toUpperCase()}${first.slice(1)} ${last}` : `${first} ${pick(HANZI_SURNAMES)}${pick(HANZI_GIVEN)}`;
    yield { username: `${first}.${last}${i}`, nickname, activated: r() > 0.02, created: 1_700_000_000_000 + i * 1000 };
  }
}

const QUERIES = {
  '1 char': ['王', '丽', '伟', 'a', 'z', '7'],
  '2 chars': ['王伟', '李娜', 'wo', 'xq', '张静', 'em'],
  '3+ chars': ['wong', 'smith', 'emma.kim', '王伟明', 'nguyen12', 'zzz-none', 'lucas.sato99'],
};

const load = (...path) => import(pathToFileURL(join(import.meta.dirname, '..', 'server', ...path)).href);

/** The console's database in a temp directory, or in a throw-away PostgreSQL cluster; its size on disk. */
async function openDatabase(kind) {
  const { openConsoleDatabase } = await load('store', 'database.ts');
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'search-index-'));
    const database = await openConsoleDatabase({ url: join(dir, 'console.sqlite') });
    return {
      database,
      settle: async () => void database.sqlite.pragma('wal_checkpoint(TRUNCATE)'),
      bytes: async () => readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0),
      close: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const { startTestPostgres } = await load('testing', 'postgres.ts');
  const cluster = await startTestPostgres();
  try {
    const database = await openConsoleDatabase({ url: await cluster.createDatabase('bench') });
    const { sql } = await import('kysely');
    return {
      database,
      // What autovacuum does in a running cluster: the GIN indexes' pending entries merged, statistics taken.
      settle: async () => void (await sql`VACUUM ANALYZE`.execute(database.db)),
      bytes: async () =>
        Number(
          (
            await sql`SELECT sum(pg_total_relation_size(t::regclass)) AS n FROM unnest(ARRAY['user_index', 'user_index_grams', 'user_index_trigrams', 'user_index_state']) t`.execute(
              database.db,
            )
          ).rows[0].n,
        ),
      close: async () => {
        await database.close();
        await cluster.stop();
      },
    };
  } catch (e) {
    await cluster.stop();
    throw e;
  }
}

async function runOn(kind, users, queriesPerKind) {
  const { createUserIndex } = await load('user-index', 'index.ts');
  const opened = await openDatabase(kind);
  try {
    const index = createUserIndex({ database: opened.database, upstream: { call: () => Promise.reject(new Error('no API in the bench')) }, apps: [] });
    const started = performance.now();
    let batch = [];
    for (const u of generate(users)) {
      batch.push(u);
      // One transaction per API page's worth, like a walk (its pages are 100 users).
      if (batch.length === 1000) {
        await index.put('bench', batch);
        batch = [];
      }
    }
    if (batch.length) await index.put('bench', batch);
    await opened.settle();
    const buildMs = performance.now() - started;
    const size = `${((await opened.bytes()) / 1048576).toFixed(0)} MB`;
    const rows = [{ measure: `build (${kind})`, users: int(users), time: ms(buildMs), size, rss: `${(process.memoryUsage().rss / 1048576).toFixed(0)} MB` }];
    for (const [what, list] of Object.entries(QUERIES)) {
      const times = [];
      for (let i = 0; i < queriesPerKind; i++) {
        const q = list[i % list.length];
        const t0 = performance.now();
        await index.search('bench', q, { limit: 20 });
        times.push(performance.now() - t0);
      }
      rows.push({ measure: `query ${what} (${kind})`, users: int(users), p50: ms(percentile(times, 50)), p95: ms(percentile(times, 95)), max: ms(Math.max(...times)) });
    }
    return rows;
  } finally {
    await opened.close();
  }
}

export async function run({ users = Number(process.env.BENCH_SEARCH_USERS ?? 1_000_000), queriesPerKind = 200, databases = (process.env.BENCH_SEARCH_DATABASES ?? 'sqlite,postgres').split(',') } = {}) {
  register();
  const rows = [];
  for (const kind of databases.map((d) => d.trim()).filter(Boolean)) {
    if (kind === 'postgres' && !(await hasPostgres())) {
      rows.push({ measure: 'postgres: not installed (apt-get install -y postgresql)' });
      continue;
    }
    rows.push(...(await runOn(kind, users, queriesPerKind)));
  }
  return rows;
}

async function hasPostgres() {
  try {
    (await load('testing', 'postgres.ts')).postgresBin();
    return true;
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const users = process.argv[2] ? Number(process.argv[2]) : undefined;
  const rows = await run(users ? { users } : {});
  console.table(rows);
}
