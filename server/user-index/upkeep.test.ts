import { afterEach, describe, expect, it } from 'vitest';
import { readConsoleSettings } from '../console-services.js';
import { createUpstream } from '../proxy/upstream.js';
import { addOperators, serveConsole, signIn, type ConsoleUnderTest, type SignedIn } from '../testing/console-harness.js';
import { DIALECTS, newPostgresDatabase, openTestDatabase } from '../testing/test-database.js';
import { createUserIndex, startUpkeep } from './index.js';
import { demoEmulator, until } from './testing.js';

// Search from the first minute: the server builds each app's index by itself, picks up users
// registered elsewhere, and leaves a walk an admin cancelled alone. Over HTTP, against the
// emulator's demo data (3,200 users).

const demo = demoEmulator();

type Status = { count: number; lastBuiltAt: string | null; building: { routine: boolean; usersIndexed: number } | null; resumable: boolean; lastError: string | null };
type Found = { users: { username: string; nickname: string }[]; building: boolean; count: number; indexedAt: string | null };

const status = async (who: SignedIn, app = 'demo') => (await (await who.call('GET', `/im-console/apps/${app}/users/index`)).json()) as Status;
const search = async (who: SignedIn, q: string) => (await (await who.call('GET', `/im-console/apps/demo/users/search?q=${encodeURIComponent(q)}&limit=100`)).json()) as Found;

const usersCalls = (c: ConsoleUnderTest) => c.apiCalls().filter((call) => call.method === 'GET' && /\/users$/.test(call.path));

describe.each(DIALECTS)('the index looks after itself, on %s', (dialect) => {
  let c: ConsoleUnderTest;
  afterEach(async () => c?.close());
  const serve = async (o: Parameters<typeof serveConsole>[1]) =>
    (c = await serveConsole(demo.apps, { ...o, databaseUrl: dialect === 'postgres' ? await newPostgresDatabase() : undefined }));

  it('builds each app’s index on a fresh console database without anyone asking, searchable while it builds', async () => {
    // 20 calls a second: slow enough to look at the index half built.
    await serve({ searchIndexUpkeep: true, searchIndexRate: 20 });
    await addOperators(c.services, ['viewer', 'admin']);
    const viewer = await signIn(c.url, 'viewer');

    const half = await until(() => status(viewer), (s) => s.count >= 300 && s.building !== null);
    expect(half).toMatchObject({ lastBuiltAt: null, building: { routine: false } });
    // Search answers from the part indexed so far, and says so.
    const partial = await search(viewer, '爱丽丝');
    expect(partial).toMatchObject({ building: true, indexedAt: null });
    expect(partial.count).toBeGreaterThanOrEqual(300);
    expect(partial.users.map((u) => u.username)).toContain('alice');

    for (const app of demo.apps.map((a) => a.id)) {
      const done = await until(() => status(viewer, app), (s) => s.lastBuiltAt !== null);
      expect(done).toMatchObject({ count: demo.total, building: null, resumable: false, lastError: null });
    }
    expect((await search(viewer, '格蕾丝')).users.map((u) => u.username)).toContain('grace');
    // Nobody asked: no operator's action is in the audit log.
    const admin = await signIn(c.url, 'admin');
    const audit = (await (await admin.call('GET', '/im-console/audit?action=users/index')).json()) as { entries: unknown[] };
    expect(audit.entries).toEqual([]);
  }, 60_000);

  it('picks up a user registered at the host directly, continuing from the last page', async () => {
    // A pick-up every 0.6 s.
    await serve({ searchIndexUpkeep: true, searchIndexRate: 1000, searchIndexRefreshMinutes: 0.01 });
    await addOperators(c.services, ['viewer']);
    const viewer = await signIn(c.url, 'viewer');
    await until(() => status(viewer), (s) => s.lastBuiltAt !== null);
    const before = c.upstream.calls.length;

    const name = `zz-direct-${Date.now().toString(36)}`;
    const reg = await demo.t.call('POST', '/users', [{ username: name, password: 'pw-123456', nickname: '直接注册的用户' }]);
    expect(reg.status).toBe(200);
    try {
      const found = await until(() => search(viewer, '直接注册'), (f) => f.users.length > 0);
      expect(found.users).toEqual([expect.objectContaining({ username: name, nickname: '直接注册的用户' })]);
      expect((await status(viewer)).count).toBe(demo.total + 1);
      // Each pick-up reads from the last page's cursor on, never the whole list again.
      const since = c.upstream.calls.slice(before).filter((call) => /\/users\?limit=/.test(call.url));
      expect(since.length).toBeGreaterThan(0);
      for (const call of since) expect(call.url).toContain('cursor=');
    } finally {
      await demo.t.call('DELETE', `/users/${name}`);
    }
  }, 60_000);

  it('leaves a walk an admin cancelled alone: no pick-up restarts it; Continue is the admin’s', async () => {
    await serve({ searchIndexUpkeep: true, searchIndexRate: 10, searchIndexRefreshMinutes: 0.005 });
    await addOperators(c.services, ['admin']);
    const admin = await signIn(c.url, 'admin');
    await until(() => status(admin), (s) => s.count >= 100 && s.building !== null);
    const cancelled = (await (await admin.call('POST', '/im-console/apps/demo/users/index', { action: 'cancel' })).json()) as Status;
    expect(cancelled).toMatchObject({ building: null, resumable: true });
    const demoCalls = () => usersCalls(c).filter((call) => call.path.startsWith('/demo/')).length;
    const calls = demoCalls();

    // The other app was not cancelled: its first build goes on and finishes, and is then picked up
    // (from its last page) every 0.3 s.
    await until(() => status(admin, 'demo-agora'), (s) => s.lastBuiltAt !== null);
    const agoraCalls = () => usersCalls(c).filter((call) => call.path.startsWith('/app-id/')).length;
    const built = agoraCalls();
    // Three pick-ups later: demo is still cancelled, nothing more asked of the host for it.
    await until(agoraCalls, (n) => n >= built + 3);
    expect(await status(admin)).toMatchObject({ count: cancelled.count, building: null, resumable: true });
    expect(demoCalls()).toBe(calls);

    // Continue is the admin's: it resumes where the walk stopped.
    expect((await admin.call('POST', '/im-console/apps/demo/users/index', { action: 'build' })).status).toBe(202);
    expect((await status(admin)).building).toMatchObject({ routine: false });
  }, 60_000);

  it('across a restart: a cancelled walk stays put, and a finished index is only picked up from its last page', async () => {
    const database = await openTestDatabase(dialect);
    const log = { info: () => {}, error: () => {} };
    const open = (onPage?: (app: string, p: { calls: number }) => void) =>
      createUserIndex({ database, upstream: createUpstream(), apps: demo.apps, rate: 1000, log, onPage: (app, p) => onPage?.(app, p) });

    // The first start: both apps get their first walk; demo's is cancelled by an admin after 2 pages.
    const holder: { index?: ReturnType<typeof open> } = {};
    const first = open((app, p) => void (app === 'demo' && p.calls === 2 && holder.index!.cancel('demo', { byOperator: true })));
    holder.index = first;
    const upkeep = startUpkeep(first, { auto: true, refreshMs: 3_600_000, log });
    await upkeep.ready;
    await Promise.all([first.settled('demo'), first.settled('demo-agora')]);
    upkeep.stop();
    expect(await first.status('demo')).toMatchObject({ count: 200, resumable: true, building: null });
    expect(await first.status('demo-agora')).toMatchObject({ count: demo.total, resumable: false });

    // The next start: nothing to build anew, nothing to resume or take over; a pick-up walks demo-agora only.
    const second = open();
    expect(await second.resumeInterrupted()).toEqual([]);
    expect(await second.takeOver()).toEqual([]);
    expect(await second.buildNew()).toEqual([]);
    expect(await second.pickUp()).toEqual(['demo-agora']);
    await second.settled('demo-agora');
    expect(await second.status('demo')).toMatchObject({ count: 200, resumable: true });
    expect(await second.status('demo-agora')).toMatchObject({ count: demo.total, lastError: null });
    await second.close();
    await database.close();
  }, 60_000);
});

describe('settings', () => {
  it('picks up every 10 minutes by default, and SEARCH_INDEX_AUTO=off leaves the building to admins', () => {
    expect(readConsoleSettings({})).toMatchObject({ searchIndexRefreshMinutes: 10, searchIndexAuto: true });
    expect(readConsoleSettings({ SEARCH_INDEX_REFRESH_MINUTES: '2.5', SEARCH_INDEX_AUTO: 'off' })).toMatchObject({ searchIndexRefreshMinutes: 2.5, searchIndexAuto: false });
    expect(() => readConsoleSettings({ SEARCH_INDEX_REFRESH_MINUTES: '0' })).toThrow('SEARCH_INDEX_REFRESH_MINUTES must be a positive number, got "0"');
    expect(() => readConsoleSettings({ SEARCH_INDEX_AUTO: 'sometimes' })).toThrow('SEARCH_INDEX_AUTO must be on or off, got "sometimes"');
  });
});
