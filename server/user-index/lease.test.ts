import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUpstream } from '../proxy/upstream.js';
import { openConsoleDatabase, type ConsoleDatabase } from '../store/database.js';
import { DIALECTS, newPostgresDatabase } from '../testing/test-database.js';
import { createUserIndex, IndexBusyError, startUpkeep, type IndexUpstream, type UserIndex, type Upkeep } from './index.js';
import { demoEmulator, indexProblems, SOUND, until } from './testing.js';

// One walk per app across servers: several console servers on one database, each with its own
// index object and connections. The clock of the leases is the test's: a lease runs out when the
// test moves the clock, never because the machine is slow.

const demo = demoEmulator();
/** One app is enough here. */
const apps = () => demo.apps.filter((a) => a.id === 'demo');

const LEASE = { ms: 60_000, renewMs: 10 };

/**
 * The IM host as the servers see it: which server asked for which page, and the `holdAt`th call
 * overall held until `release()` — the walking server stalls there. Then it fails (the server is
 * gone) or answers (the server comes back late).
 */
function imHost(holdAt: number, then: 'fail' | 'answer') {
  const real = createUpstream();
  const calls: { server: string; path: string }[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let reached!: () => void;
  const held = new Promise<void>((r) => (reached = r));
  const upstream = (server: string): IndexUpstream => ({
    call: async (app, path, init) => {
      calls.push({ server, path });
      if (calls.length === holdAt) {
        reached();
        await gate;
        if (then === 'fail') throw new Error('this server is gone');
      }
      return real.call(app, path, init);
    },
  });
  return { calls, upstream, held, release, by: (server: string) => calls.filter((c) => c.server === server) };
}

describe('two servers on one PostgreSQL', () => {
  const closing: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
  });

  it('walk each app once: when the walking one dies, the other takes the walk over from its cursor as soon as the lease has run out', async () => {
    const url = await newPostgresDatabase();
    const clock = { now: Date.parse('2026-12-03T10:00:00Z') };
    const host = imHost(3, 'fail');
    const log = { error: vi.fn(), info: vi.fn() };
    const checks: Record<string, number> = { a: 0, b: 0 };
    const tookOverAt: Record<string, number> = {};
    const servers = await Promise.all(
      ['a', 'b'].map(async (name) => {
        const database = await openConsoleDatabase({ url });
        const index = createUserIndex({ database, upstream: host.upstream(name), apps: apps(), rate: 1000, now: () => clock.now, lease: LEASE, holder: name, log });
        const takeOver = async () => {
          const check = ++checks[name]!;
          const started = await index.takeOver();
          if (started.length > 0) tookOverAt[name] = check;
          return started;
        };
        // Each server looks for walks to take over every 20 ms.
        const upkeep: Upkeep = startUpkeep({ ...index, takeOver }, { auto: true, refreshMs: 3_600_000, takeoverMs: 20, log });
        closing.push(async () => {
          await upkeep.stop();
          await index.close();
          await database.close();
        });
        return { name, database, index, upkeep };
      }),
    );
    closing.push(async () => host.release());
    // Both started at once on a database without an index, and both tried to build it: one walks.
    await Promise.all(servers.map((s) => s.upkeep.ready));
    await host.held;
    expect(servers.filter((s) => s.index.isBuilding('demo'))).toHaveLength(1);
    const holder = servers.find((s) => s.index.isBuilding('demo'))!;
    const other = servers.find((s) => s !== holder)!;
    expect(host.calls.every((c) => c.server === holder.name)).toBe(true);
    // The other one sees the walk under way, two pages in.
    expect(await other.index.status('demo')).toMatchObject({ count: 200, building: { mode: 'build', usersIndexed: 200, calls: 2 }, resumable: false });
    await expect(other.index.start('demo', 'build')).rejects.toBeInstanceOf(IndexBusyError);

    // The walking server dies in its third call: its connections close, nothing renews the lease.
    await holder.database.close();
    // While the lease lasts, the other leaves the walk alone, however often it looks.
    const seen = checks[other.name]!;
    await until(() => checks[other.name]!, (n) => n >= seen + 3);
    expect(other.index.isBuilding('demo')).toBe(false);
    expect(await other.index.status('demo')).toMatchObject({ building: { usersIndexed: 200 } });

    // The lease runs out: the other's next look takes the walk over.
    clock.now += LEASE.ms + 1;
    const expiredAt = checks[other.name]!;
    const done = await until(() => other.index.status('demo'), (s) => s.lastBuiltAt !== null);
    expect(tookOverAt[other.name]).toBeLessThanOrEqual(expiredAt + 1);
    expect(done).toMatchObject({ count: demo.total, building: null, resumable: false, lastError: null });
    expect(await indexProblems(other.database)).toEqual(SOUND);
    // From the saved cursor: the pages after the second, each asked for once.
    const taken = host.by(other.name);
    expect(taken).toHaveLength(demo.pages - 2);
    expect(taken[0]!.path).toContain('cursor=');
    expect(new Set(taken.map((c) => c.path)).size).toBe(taken.length);
  }, 60_000);
});

describe.each(DIALECTS)('a walk held by one server, on %s', (dialect) => {
  const clock = { now: Date.parse('2026-12-03T10:00:00Z') };
  let databases: ConsoleDatabase[] = [];
  let indexes: UserIndex[] = [];
  afterEach(async () => {
    for (const i of indexes) await i.close();
    for (const d of databases) await d.close();
    databases = [];
    indexes = [];
  });

  /** Two servers on one new database (SQLite: one file, here in memory, so one handle). */
  async function twoServers(host: ReturnType<typeof imHost>, renewMs = LEASE.renewMs) {
    const url = dialect === 'postgres' ? await newPostgresDatabase() : ':memory:';
    const first = await openConsoleDatabase({ url });
    const second = dialect === 'postgres' ? await openConsoleDatabase({ url }) : first;
    databases = dialect === 'postgres' ? [first, second] : [first];
    const open = (name: string, database: ConsoleDatabase, lease: { ms: number; renewMs: number }) =>
      createUserIndex({ database, upstream: host.upstream(name), apps: apps(), rate: 1000, now: () => clock.now, lease, holder: name, log: { error: vi.fn(), info: vi.fn() } });
    // The first one's renewals stop (a stalled server): only the pages it saves extend its lease.
    indexes = [open('a', first, { ms: LEASE.ms, renewMs }), open('b', second, LEASE)];
    return { a: indexes[0]!, b: indexes[1]!, database: first };
  }

  const stateRow = (database: ConsoleDatabase) => database.db.selectFrom('user_index_state').selectAll().where('app', '=', 'demo').executeTakeFirstOrThrow();

  it('a server that stalls past its lease and comes back writes nothing more: the walk is the other’s', async () => {
    const host = imHost(3, 'answer');
    const { a, b, database } = await twoServers(host, 3_600_000);
    await a.start('demo', 'build');
    await host.held;
    await expect(b.start('demo', 'build')).rejects.toBeInstanceOf(IndexBusyError);
    expect(await b.takeOver()).toEqual([]);

    clock.now += LEASE.ms + 1;
    expect(await b.takeOver()).toEqual(['demo']);
    await b.settled('demo');
    const finished = await stateRow(database);
    expect(finished).toMatchObject({ walking: 0, lease_holder: null, last_error: null });
    expect(await b.status('demo')).toMatchObject({ count: demo.total, building: null });

    // The stalled server's third page arrives now: refused with its cursor, nothing written.
    host.release();
    await a.settled('demo');
    expect(await stateRow(database)).toEqual(finished);
    expect(await indexProblems(database)).toEqual(SOUND);
    expect(await a.status('demo')).toMatchObject({ count: demo.total, building: null, resumable: false });
    expect(host.by('b')).toHaveLength(demo.pages - 2);
  }, 30_000);

  it('an operator’s cancel on another server stops the walk at its next renewal or page', async () => {
    const host = imHost(3, 'answer');
    const { a, b, database } = await twoServers(host);
    await a.start('demo', 'build');
    await host.held;
    // Not walking here: the cancel is written to the walk's state…
    expect(await b.cancel('demo', { byOperator: true })).toBe(false);
    // …which the walking server reads at its next renewal or page: it stops, the page in flight unsaved.
    host.release();
    await a.settled('demo');
    expect(await stateRow(database)).toMatchObject({ walking: 2, walk_users: 200, lease_holder: null });
    expect(await b.status('demo')).toMatchObject({ count: 200, building: null, resumable: true });
    // Continue is an operator's, on either server: from the saved cursor.
    await b.start('demo', 'build');
    await b.settled('demo');
    expect(await b.status('demo')).toMatchObject({ count: demo.total, resumable: false });
    expect(host.by('b')).toHaveLength(demo.pages - 2);
  }, 30_000);
});
