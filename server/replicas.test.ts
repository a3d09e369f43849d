import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUsers, startTestEmulator, type TestEmulator } from '../emulator/src/testing/harness.js';
import { createOperators } from './operators.js';
import { openConsoleDatabase } from './store/database.js';
import { PASSWORD, signIn } from './testing/console-harness.js';
import { startMain, stubClientBuild, type MainProcess } from './testing/main-process.js';
import { newPostgresDatabase } from './testing/test-database.js';

// Two `npm start` replicas on one PostgreSQL database, as behind a load balancer: a session opened
// on one works on the other, ends on both, and both write one audit log.

let t: TestEmulator;
let a: MainProcess;
let b: MainProcess;
let build: ReturnType<typeof stubClientBuild> | undefined;

beforeAll(async () => {
  t = await startTestEmulator();
  await registerUsers(t, ['alice', 'bob', ...Array.from({ length: 698 }, (_, i) => `walker${String(i).padStart(3, '0')}`)]);
  const url = await newPostgresDatabase();
  const database = await openConsoleDatabase({ url });
  const operators = createOperators(database.db);
  await operators.add('admin', 'admin', PASSWORD);
  await operators.add('support', 'support', PASSWORD);
  await database.close();
  build = stubClientBuild();
  const { dir } = build;
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: url,
    CONSOLE_STATIC_DIR: dir,
    IM_HOST: t.emulator.url,
    IM_SCHEME: 'easemob',
    IM_ORG: t.emulator.options.org,
    IM_APP: t.emulator.options.app,
    IM_CLIENT_ID: t.emulator.options.clientId,
    IM_CLIENT_SECRET: t.emulator.options.clientSecret,
    REQUIRE_2FA: 'off',
    SEARCH_INDEX_AUTO: 'off',
    // The search index's walk of 700 users: 7 pages at 2 a second, a lease of 3 s.
    SEARCH_INDEX_RATE: '2',
    SEARCH_INDEX_LEASE_SECONDS: '3',
  };
  [a, b] = await Promise.all([startMain(env), startMain(env)]);
}, 120_000);

afterAll(async () => {
  for (const r of [a, b]) r?.child.kill('SIGKILL');
  await t?.close();
  build?.remove();
});

describe('two replicas on one PostgreSQL', () => {
  it('share a session and its CSRF token; a sign-out on one ends it on the other', async () => {
    const onA = await signIn(a.url, 'support');
    const onB = onA.at(b.url);
    expect((await onB.call('GET', '/im-console/session')).status).toBe(200);
    expect((await onB.call('POST', '/im/main/users/alice/deactivate')).status).toBe(200);
    expect((await onB.call('POST', '/im/main/users/alice/activate')).status).toBe(200);
    expect((await onB.call('DELETE', '/im-console/session')).status).toBe(204);
    expect((await onA.call('GET', '/im-console/session')).status).toBe(401);
  });

  it('apply a role change, a disable and a password reset made on one at the other’s next request', async () => {
    const admin = await signIn(a.url, 'admin');
    const support = await signIn(b.url, 'support');
    expect((await admin.call('PATCH', '/im-console/operators/support', { role: 'viewer' })).status).toBe(200);
    // A viewer may not ban: refused by B, which read the role from the database.
    const refused = await support.call('POST', '/im/main/users/bob/deactivate');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'forbidden_role', role: 'viewer' });
    expect((await admin.call('PATCH', '/im-console/operators/support', { disabled: true })).status).toBe(200);
    expect((await support.call('GET', '/im-console/session')).status).toBe(401);
    expect((await admin.call('PATCH', '/im-console/operators/support', { disabled: false, role: 'support' })).status).toBe(200);
    const again = await signIn(b.url, 'support');
    expect((await admin.call('POST', '/im-console/operators/support/password')).status).toBe(200);
    expect((await again.call('GET', '/im-console/session')).status).toBe(401);
  });

  it('write one audit log: rows from both replicas in one export', async () => {
    const admin = await signIn(b.url, 'admin');
    const csv = await (await admin.at(a.url).call('GET', '/im-console/audit?format=csv')).text();
    const lines = csv.trim().split('\n');
    // Written by A: support's first sign-in and the changes above; by B: their calls and B's sign-ins.
    expect(lines.filter((l) => l.includes('users/{username}/deactivate'))).toHaveLength(2);
    expect(lines.filter((l) => l.includes('im-console/operators/{name}'))).toHaveLength(4);
    expect(lines.filter((l) => l.includes('POST,im-console/session'))).toHaveLength(5);
    const ids = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  // It leaves this machine's address with failures: later sign-ins from it are slowed, not refused.
  it('count sign-in attempts together: of 40 wrong passwords sent at once to both, 5 are checked, and both refuse the next', async () => {
    const attempt = (replica: MainProcess, password: string) =>
      fetch(`${replica.url}/im-console/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'mallory', password }) });
    const statuses = (await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(i % 2 ? a : b, `wrong-${i}`)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    for (const replica of [a, b]) expect((await attempt(replica, 'another')).status).toBe(429);
  });

  // Last: it kills A.
  it('finish an index walk when the replica walking it is killed (kill -9): the other takes it over from its cursor', async () => {
    const admin = await signIn(a.url, 'admin');
    const status = async (replica: MainProcess) =>
      (await (await admin.at(replica.url).call('GET', '/im-console/apps/main/users/index')).json()) as { count: number; building: { usersIndexed: number } | null; lastBuiltAt: string | null };
    expect((await admin.call('POST', '/im-console/apps/main/users/index', { action: 'build' })).status).toBe(202);
    // A page in, the walk still under way on A (B sees it as A's).
    await expect.poll(async () => (await status(b)).count, { timeout: 30_000 }).toBeGreaterThanOrEqual(100);
    expect((await status(b)).building).not.toBeNull();
    a.child.kill('SIGKILL');
    await a.exited;
    // B takes the walk over once A's lease has run out, and ends it with every user indexed once.
    await expect.poll(async () => (await status(b)).lastBuiltAt, { timeout: 60_000 }).not.toBeNull();
    expect(await status(b)).toMatchObject({ count: 700, building: null });
    const found = (await (await admin.at(b.url).call('GET', '/im-console/apps/main/users/search?q=walker697')).json()) as { users: { username: string }[] };
    expect(found.users.map((u) => u.username)).toEqual(['walker697']);
  });
});
