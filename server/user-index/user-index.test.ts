import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestEmulator } from '../../emulator/src/testing/harness.js';
import { emulatorApps, pathPrefix, type ImAppConfig } from '../im-config.js';
import { openConsoleDatabase, type ConsoleDatabase } from '../store/database.js';
import type { ConsoleUnderTest } from '../testing/console-harness.js';
import { DIALECTS, newPostgresDatabase, openTestDatabase } from '../testing/test-database.js';
import { createUserIndex, shortGrams, type IndexedUser, type IndexUpstream, type UserIndex, type UserIndexEvent } from './index.js';
import { demoEmulator, indexProblems, SOUND, until } from './testing.js';

// The search index against a real emulator seeded with the demo data (3,200 users), in SQLite and
// in PostgreSQL: one suite, the same expected answers.

/**
 * The IM host as the proxy's upstream presents it to the index: one app token per app, and a
 * failed token request as an Error carrying its status (a 429 there slows the walk). Kept here so
 * the index's tests do not depend on the proxy loading.
 */
function createUpstream(): IndexUpstream {
  const tokens = new Map<string, Promise<string>>();
  async function fetchToken(app: ImAppConfig): Promise<string> {
    const res = await fetch(`${app.host}${pathPrefix(app)}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret }),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; error_description?: string };
    if (!res.ok || !body.access_token) throw Object.assign(new Error(body.error_description ?? `HTTP ${res.status}`), { status: res.status === 429 ? 429 : 502 });
    return body.access_token;
  }
  return {
    async call(app, path, init) {
      let token = tokens.get(app.id);
      if (!token) {
        token = fetchToken(app);
        tokens.set(app.id, token);
        token.catch(() => tokens.delete(app.id));
      }
      return fetch(`${app.host}${pathPrefix(app)}${path}`, init(await token));
    },
  };
}

const demo = demoEmulator();

const noApi: IndexUpstream = { call: () => Promise.reject(new Error('no API here')) };
const quiet = () => ({ error: vi.fn(), info: vi.fn() });

describe('shortGrams', () => {
  it('keeps 1- and 2-character fragments of non-Latin runs only', () => {
    expect(shortGrams('alice', 'Alice 爱丽丝').sort()).toEqual(['丝', '丽', '丽丝', '爱', '爱丽'].sort());
    expect(shortGrams('bob', 'Bob')).toEqual([]);
  });
});

describe('a SQLite file whose index an earlier version made', () => {
  it('keeps its rows and search, and gains the kept count and the walk lease', async () => {
    const first = await openConsoleDatabase({ url: ':memory:' });
    const index = createUserIndex({ database: first, upstream: noApi, apps: [], log: quiet() });
    await index.put('app', [{ username: 'alice', nickname: 'Alice 爱丽丝', activated: true, created: 1 }]);
    // As the index left it before its tables were a migration: no lease, no 0003 row.
    first.sqlite!.exec(`
      ALTER TABLE user_index_state DROP COLUMN user_count; ALTER TABLE user_index_state DROP COLUMN walk_routine; ALTER TABLE user_index_state DROP COLUMN lease_holder;
      ALTER TABLE user_index_state DROP COLUMN lease_until; DELETE FROM kysely_migration WHERE name = '0003-user-index';`);
    const again = await openConsoleDatabase({ url: ':memory:', sqlite: first.sqlite });
    try {
      const reopened = createUserIndex({ database: again, upstream: noApi, apps: [], log: quiet() });
      expect((await reopened.search('app', '丽丝')).users.map((u) => u.username)).toEqual(['alice']);
      expect((await reopened.search('app', 'ice 爱')).users.map((u) => u.username)).toEqual(['alice']);
      expect(await reopened.status('app')).toMatchObject({ count: 1, building: null, resumable: false });
      expect(await again.db.selectFrom('user_index_state').select(['lease_holder', 'walk_routine']).execute()).toEqual([{ lease_holder: null, walk_routine: 0 }]);
    } finally {
      await again.close();
    }
  });
});

describe.each(DIALECTS)('the index on %s', (dialect) => {
  /** Databases a test opened, closed after it. */
  let opened: ConsoleDatabase[] = [];
  const open = async () => {
    const database = await openTestDatabase(dialect);
    opened.push(database);
    return database;
  };
  afterEach(async () => {
    for (const d of opened) await d.close();
    opened = [];
  });

  // Behind older users too, that match none of the queries: a substring search may then find
  // its matches among the app's oldest rows or not (postgres-store.ts looks there first).
  describe.each([0, 2500])('answers, behind %i older users', (older) => {
    const user = (username: string, nickname: string, created = 1): IndexedUser => ({ username, nickname, activated: true, created });
    // In this order: substring matches come oldest first.
    const USERS = [
      user('wang', '王小明'),
      user('Wangwei', 'Wei 王伟'),
      user('alice', 'Alice 爱丽丝'),
      user('bob.wong', 'Bobby'),
      user('xiaowang', '小王'),
      user('li.na', '李娜'),
      user('grace', '格蕾丝 Grace'),
      user('ng-ok', 'wang'),
      user('percent%_x', '100% 真'),
      user('wong', ''),
      user('zz', 'Zz王'),
    ];
    let index: UserIndex;
    beforeEach(async () => {
      index = createUserIndex({ database: await open(), upstream: noApi, apps: [], log: quiet() });
      if (older > 0) await index.put('app', Array.from({ length: older }, (_, i) => user(`f${i}`, '')));
      await index.put('app', USERS);
    });
    const names = async (q: string, limit = 100) => (await index.search('app', q, { limit })).users.map((u) => u.username);

    it('ranks the exact username, username prefixes, nickname prefixes, then the rest oldest first', async () => {
      expect(await names('wang')).toEqual(['wang', 'Wangwei', 'ng-ok', 'xiaowang']);
      expect(await names('WANG')).toEqual(['wang', 'Wangwei', 'ng-ok', 'xiaowang']);
      // One Latin letter: prefixes only, each bucket in its index's order.
      expect(await names('w')).toEqual(['wang', 'Wangwei', 'wong', 'ng-ok']);
      expect(await names('a')).toEqual(['alice']);
      expect(await names('zz')).toEqual(['zz']);
      expect((await index.search('app', 'alice')).users[0]).toEqual({ username: 'alice', nickname: 'Alice 爱丽丝', activated: true, created: 1 });
    });

    it('finds Chinese and Latin fragments of 1, 2 and 3+ characters inside names', async () => {
      expect(await names('王')).toEqual(['wang', 'Wangwei', 'xiaowang', 'zz']);
      expect(await names('丝')).toEqual(['alice', 'grace']);
      expect(await names('小王')).toEqual(['xiaowang']);
      expect(await names('丽丝')).toEqual(['alice']);
      expect(await names('爱丽丝')).toEqual(['alice']);
      expect(await names('ng')).toEqual(['ng-ok', 'wang', 'Wangwei', 'bob.wong', 'xiaowang', 'wong']);
      expect(await names('bo')).toEqual(['bob.wong']);
      expect(await names('ong')).toEqual(['bob.wong', 'wong']);
      expect(await names('ce 爱')).toEqual(['alice']);
      expect(await names('nothing')).toEqual([]);
    });

    it('takes %, _ and spaces literally', async () => {
      expect(await names('t%_')).toEqual(['percent%_x']);
      expect(await names('  0% ')).toEqual(['percent%_x']);
      expect(await names('a_i')).toEqual([]);
      expect(await names('%')).toEqual([]);
      expect(await names('   ')).toEqual([]);
    });

    it('pages with a cursor, without repeats', async () => {
      const first = await index.search('app', 'ng', { limit: 2 });
      expect(first).toMatchObject({ cursor: '2' });
      const second = await index.search('app', 'ng', { limit: 2, cursor: first.cursor });
      expect(second).toMatchObject({ cursor: '4' });
      const third = await index.search('app', 'ng', { limit: 2, cursor: second.cursor });
      expect(third.cursor).toBeUndefined();
      expect([...first.users, ...second.users, ...third.users].map((u) => u.username)).toEqual(['ng-ok', 'wang', 'Wangwei', 'bob.wong', 'xiaowang', 'wong']);
      // The limit is kept within 1…100.
      expect((await index.search('app', 'ng', { limit: 0 })).users).toHaveLength(1);
    });

    it('keeps a renamed user in its place, and finds it by the new name only', async () => {
      await index.put('app', [user('WONG', 'Wang Wong', 2), user('wang', '王小明')]);
      expect(await names('wang')).toEqual(['wang', 'Wangwei', 'ng-ok', 'WONG', 'xiaowang']);
      expect((await index.search('app', 'wong')).users[0]).toEqual({ username: 'WONG', nickname: 'Wang Wong', activated: true, created: 2 });
      await index.put('app', [user('zz', 'Zz')]);
      expect(await names('王')).toEqual(['wang', 'Wangwei', 'xiaowang']);
      expect((await index.status('app')).count).toBe(older + USERS.length);
      expect(await indexProblems(opened[0]!)).toEqual(SOUND);
    });
  });

  it('finds a fragment a few of the oldest names hold, and the rest further on, oldest first', async () => {
    // One name in 400 holds "needle": 5 among the oldest 2,000 rows, 30 in all.
    const users: IndexedUser[] = Array.from({ length: 12_000 }, (_, i) => ({ username: i % 400 === 7 ? `x${i}-needle` : `f${i}`, nickname: '', activated: true, created: i }));
    const index = createUserIndex({ database: await open(), upstream: noApi, apps: [], log: quiet() });
    for (let i = 0; i < users.length; i += 1000) await index.put('app', users.slice(i, i + 1000));
    const holders = users.filter((u) => u.username.endsWith('-needle')).map((u) => u.username);
    for (const q of ['needle', 'dl']) {
      expect((await index.search('app', q, { limit: 12 })).users.map((u) => u.username)).toEqual(holders.slice(0, 12));
      expect((await index.search('app', q, { limit: 100 })).users.map((u) => u.username)).toEqual(holders);
    }
  });

  describe('apply: the console’s own changes', () => {
    const setup = async () => {
      const database = await open();
      const log = quiet();
      const index = createUserIndex({ database, upstream: noApi, apps: [], log });
      await index.put('app', [{ username: 'bob', nickname: 'Bob', activated: true, created: 1 }]);
      return { database, log, index };
    };
    const names = async (index: UserIndex, q: string) => (await index.search('app', q, { limit: 100 })).users.map((u) => u.username);

    it('registers, renames, bans, unbans and deletes at once', async () => {
      const { database, log, index } = await setup();
      await index.apply('app', [{ type: 'registered', users: [{ username: 'Wang', nickname: '小王测试', activated: true, created: 2 }] }]);
      expect((await index.search('app', '小王')).users).toEqual([{ username: 'Wang', nickname: '小王测试', activated: true, created: 2 }]);
      await index.apply('app', [{ type: 'activation', username: 'wang', activated: false }]);
      expect((await index.search('app', 'wang')).users[0]).toMatchObject({ username: 'Wang', activated: false });
      await index.apply('app', [{ type: 'activation', username: 'WANG', activated: true }]);
      expect((await index.search('app', 'wang')).users[0]).toMatchObject({ activated: true });
      await index.apply('app', [{ type: 'nickname', username: 'wang', nickname: 'Renamed 李' }]);
      expect(await names(index, '小王')).toEqual([]);
      expect(await names(index, 'renamed')).toEqual(['Wang']);
      expect(await names(index, '李')).toEqual(['Wang']);
      // A nickname for someone the index does not hold changes nothing.
      await index.apply('app', [{ type: 'nickname', username: 'nobody', nickname: 'X' }]);
      await index.apply('app', [{ type: 'deleted', usernames: ['wang', 'bob', 'nobody'] }]);
      expect((await index.status('app')).count).toBe(0);
      expect(await names(index, '李')).toEqual([]);
      expect(log.error).not.toHaveBeenCalled();
      expect(await indexProblems(database)).toEqual(SOUND);
    });

    it('leaves apps without an index alone', async () => {
      const { index } = await setup();
      await index.apply('other', [{ type: 'registered', users: [{ username: 'eve', nickname: '', activated: true, created: null }] }]);
      expect(await index.status('other')).toMatchObject({ count: 0, lastBuiltAt: null, resumable: false });
      expect((await index.search('other', 'eve')).users).toEqual([]);
    });

    it('applies one call’s events together, and logs a failure instead of throwing', async () => {
      const { database, log, index } = await setup();
      await sql`DROP TABLE user_index_grams`.execute(database.db);
      const events: UserIndexEvent[] = [
        { type: 'deleted', usernames: ['bob'] },
        { type: 'registered', users: [{ username: 'eve', nickname: '', activated: true, created: null }] },
      ];
      await expect(index.apply('app', events)).resolves.toBeUndefined();
      expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ app: 'app', events: ['deleted', 'registered'] }), 'search index update failed');
      // Rolled back: bob is still there, and counted once.
      expect((await index.status('app')).count).toBe(1);
      expect((await index.search('app', 'bob')).users.map((u) => u.username)).toEqual(['bob']);
    });
  });

  describe('the index over the emulator', () => {
    let database: ConsoleDatabase;
    let index: UserIndex;
    const pages: number[] = [];

    beforeAll(async () => {
      database = await openTestDatabase(dialect);
      index = createUserIndex({ database, upstream: createUpstream(), apps: demo.apps, rate: 1000, onPage: (_app, p) => pages.push(p.calls) });
      await index.start('demo', 'build');
      await index.settled('demo');
    }, 60_000);
    afterAll(() => database.close());

    it('indexes every user once', async () => {
      const s = await index.status('demo');
      expect(s.count).toBe(demo.total);
      expect(s.building).toBeNull();
      expect(s.lastBuiltAt).not.toBeNull();
      expect(s.lastError).toBeNull();
      expect(pages.at(-1)).toBe(demo.pages);
      expect(await indexProblems(database)).toEqual(SOUND);
    });

    it('finds substrings in Chinese and Latin script', async () => {
      const alice = (await index.search('demo', '爱丽丝')).users;
      expect(alice.map((u) => u.username)).toContain('alice');
      expect(alice.find((u) => u.username === 'alice')).toEqual({ username: 'alice', nickname: 'Alice 爱丽丝', activated: true, created: expect.any(Number) });
      const wong = (await index.search('demo', 'wong', { limit: 100 })).users;
      expect(wong.length).toBeGreaterThan(0);
      for (const u of wong) expect(`${u.username} ${u.nickname}`.toLowerCase()).toContain('wong');
      // Inside a word, not only at its start.
      const ong = (await index.search('demo', 'ong', { limit: 100 })).users;
      expect(ong.some((u) => u.username.includes('wong'))).toBe(true);
    });

    it('finds one- and two-character Chinese fragments', async () => {
      const li = (await index.search('demo', '丽', { limit: 100 })).users;
      expect(li.map((u) => u.username)).toContain('alice');
      for (const u of li) expect(u.nickname).toContain('丽');
      const wang = (await index.search('demo', '王', { limit: 100 })).users;
      expect(wang.length).toBeGreaterThan(0);
      for (const u of wang) expect(u.nickname).toContain('王');
      const two = (await index.search('demo', '丽丝')).users;
      expect(two.map((u) => u.username)).toEqual(['alice']);
      // Two Latin letters: still a substring match.
      const al = (await index.search('demo', 'li', { limit: 50 })).users;
      expect(al.length).toBe(50);
      for (const u of al) expect(`${u.username} ${u.nickname}`.toLowerCase()).toContain('li');
      // Inside a word too (through the trigrams holding the pair).
      const ng = (await index.search('demo', 'ng', { limit: 100 })).users;
      expect(ng.some((u) => !u.username.startsWith('ng') && !u.nickname.toLowerCase().startsWith('ng'))).toBe(true);
      for (const u of ng) expect(`${u.username} ${u.nickname}`.toLowerCase()).toContain('ng');
      // One Latin letter: names that start with it only.
      const t1 = (await index.search('demo', 't', { limit: 100 })).users;
      expect(t1.map((u) => u.username)).toContain('trent');
      for (const u of t1) expect(u.username.startsWith('t') || u.nickname.toLowerCase().startsWith('t')).toBe(true);
    });

    it('ranks the exact username first, then prefixes, then the rest', async () => {
      const names = (await index.search('demo', 'alice', { limit: 100 })).users.map((u) => u.username);
      expect(names[0]).toBe('alice');
      const grace = (await index.search('demo', 'grace')).users.map((u) => u.username);
      expect(grace[0]).toBe('grace');
    });

    it('pages with a cursor, without repeats', async () => {
      const all = (await index.search('demo', '王', { limit: 100 })).users.map((u) => u.username);
      const first = await index.search('demo', '王', { limit: 7 });
      expect(first.cursor).toBeDefined();
      const second = await index.search('demo', '王', { limit: 7, cursor: first.cursor });
      expect([...first.users, ...second.users].map((u) => u.username)).toEqual(all.slice(0, 14));
    });

    it('continues from the last page to pick up new users, and a re-walk sweeps deleted ones', async () => {
      await demo.t.call('POST', '/users', [{ username: 'zz-new-wong', password: 'pw-123456', nickname: '新用户' }]);
      await index.start('demo', 'build');
      await index.settled('demo');
      expect((await index.status('demo')).count).toBe(demo.total + 1);
      expect((await index.search('demo', '新用户')).users.map((u) => u.username)).toEqual(['zz-new-wong']);
      // Changes outside the console: a deletion and a nickname edit.
      await demo.t.call('DELETE', '/users/zz-new-wong');
      await demo.t.call('PUT', '/users/bob', { nickname: 'Bobby 鲍勃' });
      await index.start('demo', 'rewalk');
      await index.settled('demo');
      expect((await index.status('demo')).count).toBe(demo.total);
      expect((await index.search('demo', '新用户')).users).toEqual([]);
      expect((await index.search('demo', '鲍勃')).users.map((u) => u.username)).toEqual(['bob']);
      await demo.t.call('PUT', '/users/bob', { nickname: 'Bob' });
      expect(await indexProblems(database)).toEqual(SOUND);
    });
  });

  describe('an interrupted build', () => {
    it('resumes from its last cursor: the demo.total is the emulator count, nobody twice', async () => {
      const database = await open();
      let stopAt = 5;
      const holder: { index?: UserIndex } = {};
      const index = createUserIndex({
        database,
        upstream: createUpstream(),
        apps: demo.apps,
        rate: 1000,
        onPage: (_app, p) => {
          if (p.calls === stopAt) void holder.index!.cancel('demo');
        },
      });
      holder.index = index;
      await index.start('demo', 'build');
      await index.settled('demo');
      const cut = await index.status('demo');
      expect(cut.resumable).toBe(true);
      expect(cut.count).toBe(500);
      expect(cut.lastBuiltAt).toBeNull();

      // A restart: a new index object over the same database (what a new process would open).
      stopAt = -1;
      const again = createUserIndex({ database, upstream: createUpstream(), apps: demo.apps, rate: 1000 });
      const progress = await again.start('demo', 'build');
      await again.settled('demo');
      const s = await again.status('demo');
      expect(s.count).toBe(demo.total);
      expect(s.resumable).toBe(false);
      // Both runs together asked for each page once.
      expect(progress.calls).toBe(demo.pages);
      expect(await indexProblems(database)).toEqual(SOUND);
    }, 30_000);

    it('slows down on 429 and still finishes', async () => {
      const limited = await startTestEmulator({ seed: 'none', rate: 2 });
      try {
        const names = Array.from({ length: 250 }, (_, i) => ({ username: `rl${String(i).padStart(3, '0')}`, password: 'pw-123456' }));
        for (let i = 0; i < names.length; i += 60) {
          const r = await limited.call('POST', '/users', names.slice(i, i + 60));
          // The register calls share the bucket: wait out a 429.
          if (r.status === 429) {
            await new Promise((res) => setTimeout(res, 1000));
            i -= 60;
          }
        }
        const index = createUserIndex({ database: await open(), upstream: createUpstream(), apps: emulatorApps(limited.emulator.port), rate: 100 });
        const progress = await index.start('demo', 'build');
        await index.settled('demo');
        expect(await index.status('demo')).toMatchObject({ count: 250, lastError: null });
        expect(progress.rate).toBeLessThan(100);
      } finally {
        await limited.close();
      }
    }, 30_000);

    it('goes on by itself when the server starts again, unless an operator cancelled it', async () => {
      const database = await open();
      const cutAt = (calls: number) => {
        const holder: { index?: UserIndex } = {};
        const index = createUserIndex({ database, upstream: createUpstream(), apps: demo.apps, rate: 1000, onPage: (_app, p) => void (p.calls === calls && holder.index!.close()) });
        holder.index = index;
        return index;
      };
      // The process stops mid-walk (shutdown closes the index)…
      const first = cutAt(3);
      await first.start('demo', 'build');
      await first.settled('demo');
      expect(await first.status('demo')).toMatchObject({ count: 300, resumable: true });
      // …and the next one resumes it at start, from the fourth page.
      const second = createUserIndex({ database, upstream: createUpstream(), apps: demo.apps, rate: 1000 });
      expect(await second.resumeInterrupted()).toEqual(['demo']);
      await second.settled('demo');
      expect(await second.status('demo')).toMatchObject({ count: demo.total, resumable: false });
      expect(await second.resumeInterrupted()).toEqual([]);

      // A re-walk an operator cancels stays put across a restart until someone asks again.
      const holder: { index?: UserIndex } = {};
      const third = createUserIndex({ database, upstream: createUpstream(), apps: demo.apps, rate: 1000, onPage: (_app, p) => void (p.calls === 2 && holder.index!.cancel('demo', { byOperator: true })) });
      holder.index = third;
      await third.start('demo', 'rewalk');
      await third.settled('demo');
      expect((await third.status('demo')).resumable).toBe(true);
      const fourth = createUserIndex({ database, upstream: createUpstream(), apps: demo.apps, rate: 1000 });
      expect(await fourth.resumeInterrupted()).toEqual([]);
      expect(await fourth.status('demo')).toMatchObject({ resumable: true, building: null });
      await fourth.start('demo', 'build');
      await fourth.settled('demo');
      expect(await fourth.status('demo')).toMatchObject({ count: demo.total, resumable: false });
      expect(await indexProblems(database)).toEqual(SOUND);
    }, 30_000);
  });

  describe('over HTTP, with roles and the console’s own changes', () => {
    let c: ConsoleUnderTest;
    // Loaded here, not at the top: the index's own tests above run even when the proxy cannot load.
    let harness: typeof import('../testing/console-harness.js');
    beforeAll(async () => {
      harness = await import('../testing/console-harness.js');
    });
    afterEach(async () => c?.close());
    const serve = async () => (c = await harness.serveConsole(demo.apps, { databaseUrl: dialect === 'postgres' ? await newPostgresDatabase() : undefined }));
    const indexOf = async (who: { call: (m: string, p: string) => Promise<Response> }) =>
      (await (await who.call('GET', '/im-console/apps/demo/users/index')).json()) as { count: number; lastBuiltAt: string | null; building: unknown };

    it('viewer searches; only admin builds, cancels or drops; changes through the proxy show at once', async () => {
      await serve();
      await harness.addOperators(c.services);
      const viewer = await harness.signIn(c.url, 'viewer');
      const support = await harness.signIn(c.url, 'support');
      const admin = await harness.signIn(c.url, 'admin');

      for (const who of [viewer, support]) {
        for (const [method, body] of [['POST', { action: 'build' }], ['DELETE', undefined]] as const) {
          const res = await who.call(method, '/im-console/apps/demo/users/index', body);
          expect.soft(res.status, `${who.role} ${method}`).toBe(403);
          expect.soft(await res.json()).toMatchObject({ error: 'forbidden_role' });
        }
      }
      expect(c.apiCalls()).toEqual([]);
      // Without the CSRF header even the admin is refused.
      const noCsrf = await fetch(`${c.url}/im-console/apps/demo/users/index`, { method: 'POST', headers: { Cookie: admin.cookie, 'Content-Type': 'application/json' }, body: '{"action":"build"}' });
      expect(noCsrf.status).toBe(403);
      const bad = await admin.call('POST', '/im-console/apps/demo/users/index', { action: 'nope' });
      expect(bad.status).toBe(400);

      const started = await admin.call('POST', '/im-console/apps/demo/users/index', { action: 'build' });
      expect(started.status).toBe(202);
      const s = await until(() => indexOf(viewer), (v) => !v.building);
      expect(s.count).toBe(demo.total);
      expect(s.lastBuiltAt).not.toBeNull();

      const found = await viewer.call('GET', `/im-console/apps/demo/users/search?q=${encodeURIComponent('爱丽丝')}`);
      expect(found.status).toBe(200);
      const body = (await found.json()) as { users: { username: string }[]; indexedAt: string; building: boolean };
      expect(body.users[0]).toEqual({ username: 'alice', nickname: 'Alice 爱丽丝', activated: true, created: expect.any(Number) });
      expect(body.indexedAt).toBe(s.lastBuiltAt);
      expect(body.building).toBe(false);

      // The console's own changes, through the proxy.
      const name = `idx-${Date.now().toString(36)}`;
      const reg = await support.call('POST', '/im/demo/users', { username: name, password: 'pw-123456', nickname: '小王测试' });
      expect(reg.status).toBe(200);
      const search = async (q: string) =>
        ((await (await viewer.call('GET', `/im-console/apps/demo/users/search?q=${encodeURIComponent(q)}&limit=100`)).json()) as { users: { username: string; nickname: string; activated: boolean }[] }).users;
      expect((await search('小王')).find((u) => u.username === name)).toMatchObject({ nickname: '小王测试', activated: true });
      expect((await support.call('POST', `/im/demo/users/${name}/deactivate`)).status).toBe(200);
      expect((await search(name))[0]).toMatchObject({ username: name, activated: false });
      expect((await support.call('POST', `/im/demo/users/${name}/activate`)).status).toBe(200);
      expect((await search(name))[0]).toMatchObject({ username: name, activated: true });
      expect((await support.call('PUT', `/im/demo/users/${name}`, { nickname: 'Renamed 李' })).status).toBe(200);
      expect((await search('小王')).some((u) => u.username === name)).toBe(false);
      expect((await search('renamed')).map((u) => u.username)).toContain(name);
      expect((await admin.call('DELETE', `/im/demo/users/${name}`)).status).toBe(200);
      expect(await search(name)).toEqual([]);

      // Drop: admin only (above), then the index is empty.
      const dropped = await admin.call('DELETE', '/im-console/apps/demo/users/index');
      expect(dropped.status).toBe(200);
      expect(await dropped.json()).toMatchObject({ count: 0, lastBuiltAt: null });
      // The index actions are in the audit log.
      const audit = (await (await admin.call('GET', '/im-console/audit?action=users/index')).json()) as { entries: { operator: string; summary: string; refusal?: string }[] };
      expect(audit.entries.filter((e) => !e.refusal).map((e) => e.summary)).toEqual(['', '{"action":"build"}']);
      // So are the refusals: four of the wrong roles, one without the CSRF token.
      expect(audit.entries.filter((e) => e.refusal).map((e) => [e.operator, e.refusal])).toEqual([
        ['admin', 'csrf_failed'],
        ['support', 'forbidden_role'],
        ['support', 'forbidden_role'],
        ['viewer', 'forbidden_role'],
        ['viewer', 'forbidden_role'],
      ]);
    }, 60_000);

    it('cancels a running build over HTTP and resumes it', async () => {
      await serve();
      // A slow pace, so the cancel lands mid-walk.
      c.services.searchIndexRate = 10;
      await harness.addOperators(c.services, ['admin']);
      const admin = await harness.signIn(c.url, 'admin');
      expect((await admin.call('POST', '/im-console/apps/demo/users/index', { action: 'build' })).status).toBe(202);
      await until(() => indexOf(admin), (s) => s.count > 0);
      const cancelled = (await (await admin.call('POST', '/im-console/apps/demo/users/index', { action: 'cancel' })).json()) as { count: number; resumable: boolean; building: unknown };
      expect(cancelled.building).toBeNull();
      expect(cancelled.resumable).toBe(true);
      expect(cancelled.count).toBeGreaterThan(0);
      expect(cancelled.count).toBeLessThan(demo.total);
      // Continue: from where it stopped, to the end.
      c.services.searchIndexRate = 1000;
      expect((await admin.call('POST', '/im-console/apps/demo/users/index', { action: 'build' })).status).toBe(202);
      expect(await until(() => indexOf(admin), (s) => s.lastBuiltAt !== null)).toMatchObject({ count: demo.total, building: null });
      expect(await indexProblems(c.services)).toEqual(SOUND);
    }, 30_000);
  });
});
