import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../emulator/src/testing/harness.js';
import type { ConsoleDb } from '../console-db.js';
import { openSqlite as openConsoleDb } from '../store/database.js';
import { emulatorApps, pathPrefix, type ImAppConfig } from '../im-config.js';
import type { ConsoleUnderTest } from '../testing/console-harness.js';
import { createUserIndex, shortGrams, type IndexUpstream, type UserIndex, type UserIndexEvent } from './index.js';

// The search index against a real emulator seeded with the demo data (3,200 users).

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

let t: TestEmulator;
let apps: ImAppConfig[];
let total: number;
/** Pages of 100 in a full walk, as the emulator answers them. */
let pageCount: number;

async function countUsers(): Promise<[number, number]> {
  let n = 0;
  let calls = 0;
  let cursor: string | undefined;
  do {
    const res = await t.call('GET', `/users?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    calls += 1;
    n += res.body.count as number;
    cursor = res.body.cursor ?? undefined;
  } while (cursor);
  return [n, calls];
}

beforeAll(async () => {
  t = await startTestEmulator({ seed: 'demo' });
  apps = emulatorApps(t.emulator.port);
  [total, pageCount] = await countUsers();
}, 60_000);
afterAll(() => t.close());

describe('shortGrams', () => {
  it('keeps 1- and 2-character fragments of non-Latin runs only', () => {
    expect(shortGrams('alice', 'Alice 爱丽丝').sort()).toEqual(['丝', '丽', '丽丝', '爱', '爱丽'].sort());
    expect(shortGrams('bob', 'Bob')).toEqual([]);
  });
});

describe('apply: the console’s own changes', () => {
  const noApi: IndexUpstream = { call: () => Promise.reject(new Error('no API here')) };
  const setup = () => {
    const db = openConsoleDb(':memory:');
    const log = { error: vi.fn(), info: vi.fn() };
    const index = createUserIndex({ db, upstream: noApi, apps: [], log });
    index.put('app', [{ username: 'bob', nickname: 'Bob', activated: true, created: 1 }]);
    return { db, log, index };
  };
  const names = (index: UserIndex, q: string) => index.search('app', q, { limit: 100 }).users.map((u) => u.username);

  it('registers, renames, bans, unbans and deletes at once', () => {
    const { db, log, index } = setup();
    index.apply('app', [{ type: 'registered', users: [{ username: 'Wang', nickname: '小王测试', activated: true, created: 2 }] }]);
    expect(index.search('app', '小王').users).toEqual([{ username: 'Wang', nickname: '小王测试', activated: true, created: 2 }]);
    index.apply('app', [{ type: 'activation', username: 'wang', activated: false }]);
    expect(index.search('app', 'wang').users[0]).toMatchObject({ username: 'Wang', activated: false });
    index.apply('app', [{ type: 'activation', username: 'WANG', activated: true }]);
    expect(index.search('app', 'wang').users[0]).toMatchObject({ activated: true });
    index.apply('app', [{ type: 'nickname', username: 'wang', nickname: 'Renamed 李' }]);
    expect(names(index, '小王')).toEqual([]);
    expect(names(index, 'renamed')).toEqual(['Wang']);
    expect(names(index, '李')).toEqual(['Wang']);
    // A nickname for someone the index does not hold changes nothing.
    index.apply('app', [{ type: 'nickname', username: 'nobody', nickname: 'X' }]);
    index.apply('app', [{ type: 'deleted', usernames: ['wang', 'bob', 'nobody'] }]);
    expect(index.status('app').count).toBe(0);
    expect(log.error).not.toHaveBeenCalled();
    db.close();
  });

  it('leaves apps without an index alone', () => {
    const { db, index } = setup();
    index.apply('other', [{ type: 'registered', users: [{ username: 'eve', nickname: '', activated: true, created: null }] }]);
    expect(index.status('other')).toMatchObject({ count: 0, lastBuiltAt: null, resumable: false });
    expect(index.search('other', 'eve').users).toEqual([]);
    db.close();
  });

  it('applies one call’s events together, and logs a failure instead of throwing', () => {
    const { db, log, index } = setup();
    db.exec('DROP TABLE user_index_grams');
    const events: UserIndexEvent[] = [
      { type: 'deleted', usernames: ['bob'] },
      { type: 'registered', users: [{ username: 'eve', nickname: '', activated: true, created: null }] },
    ];
    expect(() => index.apply('app', events)).not.toThrow();
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ app: 'app', events: ['deleted', 'registered'] }), 'search index update failed');
    // Rolled back: bob is still there.
    expect(index.status('app').count).toBe(1);
    db.close();
  });
});

describe('the index over the emulator', () => {
  let db: ConsoleDb;
  let index: UserIndex;
  const pages: number[] = [];

  beforeAll(async () => {
    db = openConsoleDb(':memory:');
    index = createUserIndex({ db, upstream: createUpstream(), apps, rate: 1000, onPage: (_app, p) => pages.push(p.calls) });
    index.start('demo', 'build');
    await index.settled('demo');
  }, 60_000);
  afterAll(() => db.close());

  it('indexes every user once', () => {
    const s = index.status('demo');
    expect(s.count).toBe(total);
    expect(s.building).toBeNull();
    expect(s.lastBuiltAt).not.toBeNull();
    expect(s.lastError).toBeNull();
    expect(pages.at(-1)).toBe(pageCount);
  });

  it('finds substrings in Chinese and Latin script', () => {
    const alice = index.search('demo', '爱丽丝').users;
    expect(alice.map((u) => u.username)).toContain('alice');
    expect(alice.find((u) => u.username === 'alice')).toEqual({ username: 'alice', nickname: 'Alice 爱丽丝', activated: true, created: expect.any(Number) });
    const wong = index.search('demo', 'wong', { limit: 100 }).users;
    expect(wong.length).toBeGreaterThan(0);
    for (const u of wong) expect(`${u.username} ${u.nickname}`.toLowerCase()).toContain('wong');
    // Inside a word, not only at its start.
    const ong = index.search('demo', 'ong', { limit: 100 }).users;
    expect(ong.some((u) => u.username.includes('wong'))).toBe(true);
  });

  it('finds one- and two-character Chinese fragments', () => {
    const li = index.search('demo', '丽', { limit: 100 }).users;
    expect(li.map((u) => u.username)).toContain('alice');
    for (const u of li) expect(u.nickname).toContain('丽');
    const wang = index.search('demo', '王', { limit: 100 }).users;
    expect(wang.length).toBeGreaterThan(0);
    for (const u of wang) expect(u.nickname).toContain('王');
    const two = index.search('demo', '丽丝').users;
    expect(two.map((u) => u.username)).toEqual(['alice']);
    // Two Latin letters: a scan, still a substring match.
    const al = index.search('demo', 'li', { limit: 50 }).users;
    expect(al.length).toBe(50);
    for (const u of al) expect(`${u.username} ${u.nickname}`.toLowerCase()).toContain('li');
    // Inside a word too (through the trigrams holding the pair).
    const ng = index.search('demo', 'ng', { limit: 100 }).users;
    expect(ng.some((u) => !u.username.startsWith('ng') && !u.nickname.toLowerCase().startsWith('ng'))).toBe(true);
    for (const u of ng) expect(`${u.username} ${u.nickname}`.toLowerCase()).toContain('ng');
    // One Latin letter: names that start with it only.
    const t1 = index.search('demo', 't', { limit: 100 }).users;
    expect(t1.map((u) => u.username)).toContain('trent');
    for (const u of t1) expect(u.username.startsWith('t') || u.nickname.toLowerCase().startsWith('t')).toBe(true);
  });

  it('ranks the exact username first, then prefixes, then the rest', () => {
    const names = index.search('demo', 'alice', { limit: 100 }).users.map((u) => u.username);
    expect(names[0]).toBe('alice');
    const grace = index.search('demo', 'grace').users.map((u) => u.username);
    expect(grace[0]).toBe('grace');
  });

  it('pages with a cursor, without repeats', () => {
    const all = index.search('demo', '王', { limit: 100 }).users.map((u) => u.username);
    const first = index.search('demo', '王', { limit: 7 });
    expect(first.cursor).toBeDefined();
    const second = index.search('demo', '王', { limit: 7, cursor: first.cursor });
    expect([...first.users, ...second.users].map((u) => u.username)).toEqual(all.slice(0, 14));
  });

  it('continues from the last page to pick up new users, and a re-walk sweeps deleted ones', async () => {
    await t.call('POST', '/users', [{ username: 'zz-new-wong', password: 'pw-123456', nickname: '新用户' }]);
    index.start('demo', 'build');
    await index.settled('demo');
    expect(index.status('demo').count).toBe(total + 1);
    expect(index.search('demo', '新用户').users.map((u) => u.username)).toEqual(['zz-new-wong']);
    // Changes outside the console: a deletion and a nickname edit.
    await t.call('DELETE', '/users/zz-new-wong');
    await t.call('PUT', '/users/bob', { nickname: 'Bobby 鲍勃' });
    index.start('demo', 'rewalk');
    await index.settled('demo');
    expect(index.status('demo').count).toBe(total);
    expect(index.search('demo', '新用户').users).toEqual([]);
    expect(index.search('demo', '鲍勃').users.map((u) => u.username)).toEqual(['bob']);
    await t.call('PUT', '/users/bob', { nickname: 'Bob' });
  });
});

describe('an interrupted build', () => {
  it('resumes from its last cursor: the total is the emulator count, nobody twice', async () => {
    const db = openConsoleDb(':memory:');
    let stopAt = 5;
    const holder: { index?: UserIndex } = {};
    const index = createUserIndex({
      db,
      upstream: createUpstream(),
      apps,
      rate: 1000,
      onPage: (_app, p) => {
        if (p.calls === stopAt) void holder.index!.cancel('demo');
      },
    });
    holder.index = index;
    index.start('demo', 'build');
    await index.settled('demo');
    const cut = index.status('demo');
    expect(cut.resumable).toBe(true);
    expect(cut.count).toBe(500);
    expect(cut.lastBuiltAt).toBeNull();

    // A restart: a new index object over the same database (what a new process would open).
    stopAt = -1;
    const again = createUserIndex({ db, upstream: createUpstream(), apps, rate: 1000 });
    const progress = again.start('demo', 'build');
    await again.settled('demo');
    const s = again.status('demo');
    expect(s.count).toBe(total);
    expect(s.resumable).toBe(false);
    // Both runs together asked for each page once.
    expect(progress.calls).toBe(pageCount);
    const dupes = db.prepare('SELECT count(*) AS n FROM (SELECT username FROM user_index GROUP BY app, username HAVING count(*) > 1)').get() as { n: number };
    expect(dupes.n).toBe(0);
    db.close();
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
      const db = openConsoleDb(':memory:');
      const index = createUserIndex({ db, upstream: createUpstream(), apps: emulatorApps(limited.emulator.port), rate: 100 });
      const progress = index.start('demo', 'build');
      await index.settled('demo');
      expect(index.status('demo')).toMatchObject({ count: 250, lastError: null });
      expect(progress.rate).toBeLessThan(100);
      db.close();
    } finally {
      await limited.close();
    }
  }, 30_000);

  it('goes on by itself when the server starts again, unless an operator cancelled it', async () => {
    const db = openConsoleDb(':memory:');
    const cutAt = (calls: number) => {
      const holder: { index?: UserIndex } = {};
      const index = createUserIndex({ db, upstream: createUpstream(), apps, rate: 1000, onPage: (_app, p) => void (p.calls === calls && holder.index!.close()) });
      holder.index = index;
      return index;
    };
    // The process stops mid-walk (shutdown closes the index)…
    const first = cutAt(3);
    first.start('demo', 'build');
    await first.settled('demo');
    expect(first.status('demo')).toMatchObject({ count: 300, resumable: true });
    // …and the next one resumes it at start, from the fourth page.
    const second = createUserIndex({ db, upstream: createUpstream(), apps, rate: 1000 });
    expect(second.resumeInterrupted()).toEqual(['demo']);
    await second.settled('demo');
    expect(second.status('demo')).toMatchObject({ count: total, resumable: false });
    expect(second.resumeInterrupted()).toEqual([]);

    // A re-walk an operator cancels stays put across a restart until someone asks again.
    const holder: { index?: UserIndex } = {};
    const third = createUserIndex({ db, upstream: createUpstream(), apps, rate: 1000, onPage: (_app, p) => void (p.calls === 2 && holder.index!.cancel('demo', { byOperator: true })) });
    holder.index = third;
    third.start('demo', 'rewalk');
    await third.settled('demo');
    expect(third.status('demo').resumable).toBe(true);
    const fourth = createUserIndex({ db, upstream: createUpstream(), apps, rate: 1000 });
    expect(fourth.resumeInterrupted()).toEqual([]);
    expect(fourth.status('demo')).toMatchObject({ resumable: true, building: null });
    fourth.start('demo', 'build');
    await fourth.settled('demo');
    expect(fourth.status('demo')).toMatchObject({ count: total, resumable: false });
    db.close();
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

  async function waitIdle(call: (m: string, p: string) => Promise<Response>) {
    for (let i = 0; i < 200; i++) {
      const s = (await (await call('GET', '/im-console/apps/demo/users/index')).json()) as { building: unknown };
      if (!s.building) return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the build did not end');
  }

  it('viewer searches; only admin builds, cancels or drops; changes through the proxy show at once', async () => {
    c = await harness.serveConsole(apps);
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
    const s = (await waitIdle(viewer.call)) as unknown as { count: number; lastBuiltAt: string | null };
    expect(s.count).toBe(total);
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
    c = await harness.serveConsole(apps);
    // A slow pace, so the cancel lands mid-walk.
    c.services.searchIndexRate = 10;
    await harness.addOperators(c.services, ['admin']);
    const admin = await harness.signIn(c.url, 'admin');
    expect((await admin.call('POST', '/im-console/apps/demo/users/index', { action: 'build' })).status).toBe(202);
    await new Promise((r) => setTimeout(r, 400));
    const cancelled = (await (await admin.call('POST', '/im-console/apps/demo/users/index', { action: 'cancel' })).json()) as { count: number; resumable: boolean; building: unknown };
    expect(cancelled.building).toBeNull();
    expect(cancelled.resumable).toBe(true);
    expect(cancelled.count).toBeGreaterThan(0);
    expect(cancelled.count).toBeLessThan(total);
  }, 30_000);
});
