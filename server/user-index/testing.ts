import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../emulator/src/testing/harness.js';
import { emulatorApps, type ImAppConfig } from '../im-config.js';
import type { ConsoleDatabase } from '../store/database.js';

// What the index's tests share (only tests import this file).

export interface DemoEmulator {
  t: TestEmulator;
  /** The emulator's two apps (demo, demo-agora), with the same users. */
  apps: ImAppConfig[];
  /** Its users, and the pages of 100 a full walk asks for. */
  total: number;
  pages: number;
}

/** An emulator with the demo data (3,200 users) for a test file: started before its tests, stopped after. */
export function demoEmulator(): DemoEmulator {
  const demo = {} as DemoEmulator;
  beforeAll(async () => {
    demo.t = await startTestEmulator({ seed: 'demo' });
    demo.apps = emulatorApps(demo.t.emulator.port);
    Object.assign(demo, await countUsers(demo.t));
  }, 60_000);
  afterAll(() => demo.t.close());
  return demo;
}

/** The emulator's users as a full walk sees them: how many, and in how many pages of 100. */
async function countUsers(t: TestEmulator): Promise<{ total: number; pages: number }> {
  let total = 0;
  let pages = 0;
  let cursor: string | undefined;
  do {
    const res = await t.call('GET', `/users?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    pages += 1;
    total += res.body.count as number;
    cursor = res.body.cursor ?? undefined;
  } while (cursor);
  return { total, pages };
}

/** What must never be: a name held twice, an app whose kept count is not its rows'. */
export async function indexProblems(database: Pick<ConsoleDatabase, 'db'>): Promise<{ duplicates: number; miscounted: string[] }> {
  const twice = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT username_lc FROM user_index GROUP BY app, username_lc HAVING count(*) > 1) d`.execute(database.db);
  const miscounted = await sql<{ app: string }>`
    SELECT app FROM user_index_state s WHERE user_count <> (SELECT count(*) FROM user_index u WHERE u.app = s.app)`.execute(database.db);
  return { duplicates: Number(twice.rows[0]!.n), miscounted: miscounted.rows.map((r) => r.app) };
}

export const SOUND = { duplicates: 0, miscounted: [] };

/** Polls until `done` holds (or fails after `ms`): a test waits for a state, never a fixed time. */
export async function until<T>(read: () => Promise<T> | T, done: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`still not there: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
