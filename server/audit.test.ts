import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, registerUsers, startTestEmulator, type TestEmulator } from '../emulator/src/testing/harness.js';
import type { AuditEntry } from './audit/audit-log.js';
import { batchItems } from './audit/batch-items.js';
import { auditCsv } from './audit/csv.js';
import { redact, summarize } from './audit/redact.js';
import { emulatorApps, type ImAppConfig } from './im-config.js';
import { addOperators, serveConsole, signIn, type ConsoleUnderTest } from './testing/console-harness.js';

let t: TestEmulator;
let apps: ImAppConfig[];
let c: ConsoleUnderTest;
let group: string;

beforeAll(async () => {
  t = await startTestEmulator();
  await registerUsers(t, ['alice', 'bob', 'carol', 'dave']);
  group = await createGroup(t, 'alice', ['bob', 'carol']);
  apps = emulatorApps(t.emulator.port);
});
afterAll(() => t.close());
afterEach(async () => c?.close());

describe('audit log through the proxy', () => {
  it('records a single action with the password removed, before the answer returns', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['support', 'admin']);
    const me = await signIn(c.url, 'support');
    const res = await me.call('PUT', '/im/demo/users/bob/password', { newpassword: 'Sup3r-Secret-Pw' });
    expect(res.status).toBe(200);
    // Nothing else has run since the answer arrived: the row was written before it went back.
    const { entries } = (await c.services.audit.query({ action: 'password' }));
    expect(entries).toEqual([
      {
        id: expect.any(Number),
        time: new Date(c.clock.now).toISOString(),
        operator: 'support',
        app: 'demo',
        method: 'PUT',
        path: 'users/bob/password',
        action: 'PUT users/{username}/password',
        target: 'bob',
        summary: '{"newpassword":"[redacted]"}',
        status: 200,
        // How the session behind it signed in.
        signIn: 'password',
      },
    ]);
    const admin = await signIn(c.url, 'admin');
    const listed = await (await admin.call('GET', '/im-console/audit')).text();
    expect(listed).not.toContain('Sup3r-Secret-Pw');
    // Newest first: the admin's own sign-in, then the password reset.
    expect(JSON.parse(listed).entries.slice(0, 2)).toMatchObject([
      { operator: 'admin', action: 'POST im-console/session' },
      { operator: 'support', target: 'bob', status: 200 },
    ]);
    // The refused call of a failed action is recorded with its status too.
    expect((await me.call('PUT', '/im/demo/users/nobody/password', { newpassword: 'x-Secret-2' })).status).toBe(404);
    expect((await c.services.audit.query({ target: 'nobody' })).entries[0]).toMatchObject({ status: 404, summary: '{"newpassword":"[redacted]"}' });
  });

  it('records a bulk register with each user’s outcome and no password', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['support']);
    const me = await signIn(c.url, 'support');
    const res = await me.call('POST', '/im/demo/users', [
      { username: 'newbie1', password: 'pw-one-secret' },
      { username: 'alice', password: 'pw-two-secret' },
      { username: 'newbie2', password: 'pw-three-secret', nickname: 'N2' },
    ]);
    expect(res.status).toBe(200);
    const [entry] = (await c.services.audit.query({})).entries;
    expect(entry).toMatchObject({ operator: 'support', method: 'POST', path: 'users', action: 'POST users', status: 200 });
    expect(entry!.summary).not.toMatch(/pw-(one|two|three)-secret/);
    expect(JSON.parse(entry!.summary)).toEqual([
      { username: 'newbie1', password: '[redacted]' },
      { username: 'alice', password: '[redacted]' },
      { username: 'newbie2', password: '[redacted]', nickname: 'N2' },
    ]);
    expect(entry!.items).toEqual([
      { target: 'alice', ok: false, reason: expect.stringMatching(/.+/) },
      { target: 'newbie1', ok: true },
      { target: 'newbie2', ok: true },
    ]);
    // A target filter finds a user inside the batch.
    expect((await c.services.audit.query({ target: 'newbie2' })).entries.map((e) => e.id)).toEqual([entry!.id]);
  });

  it('records a group batch with per-user outcomes from the answer', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['moderator']);
    const me = await signIn(c.url, 'moderator');
    expect((await me.call('POST', `/im/demo/chatgroups/${group}/mute`, { usernames: ['bob', 'dave'], mute_duration: 60_000 })).status).toBe(200);
    expect((await me.call('DELETE', `/im/demo/chatgroups/${group}/users/carol,dave`)).status).toBe(200);
    const [remove, mute] = (await c.services.audit.query({})).entries;
    expect(mute).toMatchObject({ action: 'POST chatgroups/{group}/mute', target: group, operator: 'moderator' });
    expect(mute!.items).toEqual([
      { target: 'bob', ok: true },
      { target: 'dave', ok: false, reason: expect.any(String) },
    ]);
    expect(remove).toMatchObject({ action: 'DELETE chatgroups/{group}/users/{usernames}', target: group, path: `chatgroups/${group}/users/carol,dave` });
    expect(remove!.items).toEqual([
      { target: 'carol', ok: true },
      { target: 'dave', ok: false, reason: expect.any(String) },
    ]);
    expect((await c.services.audit.query({ target: 'dave' })).entries).toHaveLength(2);
  });

  it('filters by operator, action and time, pages with a cursor, and exports CSV', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['support', 'admin']);
    const support = await signIn(c.url, 'support');
    const admin = await signIn(c.url, 'admin');
    const start = c.clock.now;
    for (let i = 0; i < 3; i++) {
      await support.call('POST', '/im/demo/users/carol/deactivate');
      c.clock.now += 60_000;
      await support.call('POST', '/im/demo/users/carol/activate');
      c.clock.now += 60_000;
    }
    await admin.call('PUT', '/im/demo/users/carol', { nickname: '=HYPERLINK("http://evil")' });
    const get = async (query: string) => (await (await admin.call('GET', `/im-console/audit${query}`)).json()) as { entries: AuditEntry[]; cursor?: string };

    // An operator's rows include its sign-in.
    expect((await get('?operator=admin')).entries.map((e) => e.action)).toEqual(['PUT users/{username}', 'POST im-console/session']);
    expect((await get('?action=deactivate')).entries).toHaveLength(3);
    expect((await get('?action=PUT')).entries).toHaveLength(1);
    expect((await get(`?from=${start + 60_000}&to=${new Date(start + 2.5 * 60_000).toISOString()}`)).entries.map((e) => e.action)).toEqual([
      'POST users/{username}/deactivate',
      'POST users/{username}/activate',
    ]);
    const first = await get('?operator=support&limit=4');
    expect(first.entries).toHaveLength(4);
    expect(first.cursor).toBeDefined();
    const second = await get(`?operator=support&limit=4&cursor=${first.cursor}`);
    expect(second.entries).toHaveLength(3);
    expect(second.cursor).toBeUndefined();
    expect(new Set([...first.entries, ...second.entries].map((e) => e.id)).size).toBe(7);
    expect((await admin.call('GET', '/im-console/audit?from=yesterday')).status).toBe(400);

    const csv = await admin.call('GET', '/im-console/audit?format=csv&target=carol');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    // The UTF-8 BOM (Response.text() would strip it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(bytes.subarray(3).toString('utf8').trim(), { newline: '\r\n' }).data;
    expect(rows[0]).toEqual(['id', 'time', 'operator', 'app', 'method', 'path', 'action', 'target', 'status', 'refusal', 'address', 'sign_in', 'summary', 'items']);
    expect(rows).toHaveLength(8);
    expect(rows[1]!.slice(2, 9)).toEqual(['admin', 'demo', 'PUT', 'users/carol', 'PUT users/{username}', 'carol', '200']);
  });

  it('cannot be edited or deleted, even through the database', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['support']);
    const me = await signIn(c.url, 'support');
    await me.call('POST', '/im/demo/users/dave/deactivate');
    await me.call('POST', '/im/demo/users/dave/activate');
    const { db } = c.services;
    await expect(db.deleteFrom('audit').execute()).rejects.toThrow(/append-only/);
    await expect(db.updateTable('audit').set({ operator: 'someone-else' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_outcome').execute()).rejects.toThrow(/append-only/);
    await expect(db.updateTable('audit_outcome').set({ status: 200 }).execute()).rejects.toThrow(/append-only/);
    // The sign-in and the two calls.
    expect((await c.services.audit.query({})).entries).toHaveLength(3);
  });

  it('records sign-ins, wrong passwords, sign-outs and the throttle’s refusals with their address', async () => {
    c = await serveConsole(apps, { throttle: { maxPerPair: 3, slowAfter: 5 } });
    await addOperators(c.services, ['support']);
    const attempt = (password: string) =>
      fetch(`${c.url}/im-console/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: ' Support ', password }) });
    expect((await attempt('wrong-1')).status).toBe(401);
    const me = await signIn(c.url, 'support');
    expect((await me.call('DELETE', '/im-console/session')).status).toBe(204);
    for (const n of [2, 3, 4]) expect((await attempt(`wrong-${n}`)).status).toBe(401);
    // Locked now: refused without a password check, and written down as a refusal.
    expect((await attempt('wrong-5')).status).toBe(429);
    const rows = (await c.services.audit.query({ target: 'support' })).entries.reverse();
    expect(rows.map((e) => [e.method, e.operator, e.status, e.refusal])).toEqual([
      ['POST', null, 401, 'invalid_credentials'],
      ['POST', 'support', 200, undefined],
      ['DELETE', 'support', 204, undefined],
      ['POST', null, 401, 'invalid_credentials'],
      ['POST', null, 401, 'invalid_credentials'],
      ['POST', null, 401, 'invalid_credentials'],
      ['POST', null, 429, 'too_many_attempts'],
    ]);
    expect(rows.every((e) => e.path === 'im-console/session' && e.app === '' && e.address === '127.0.0.1')).toBe(true);
  });
});

describe('audit helpers', () => {
  it('redacts passwords, secrets and tokens at any depth, in bodies and queries', () => {
    expect(redact({ newpassword: 'a', password: 'b', client_secret: 'c', appSecretKey: 'd', access_token: 'e', nested: [{ Password: 'f', name: 'ok' }] })).toEqual({
      newpassword: '[redacted]',
      password: '[redacted]',
      client_secret: '[redacted]',
      appSecretKey: '[redacted]',
      access_token: '[redacted]',
      nested: [{ Password: '[redacted]', name: 'ok' }],
    });
    expect(summarize('limit=5&token=abc', { x: 1 })).toBe('?limit=5&token=%5Bredacted%5D {"x":1}');
  });

  it('reads per-item outcomes from the shapes batch calls answer', () => {
    expect(batchItems({ data: { success: ['a'], NotExistFailed: ['b'], maxLimitFailed: [], UnKnowFailed: [] } }, ['a', 'b'])).toEqual([
      { target: 'a', ok: true },
      { target: 'b', ok: false, reason: 'NotExistFailed' },
    ]);
    expect(batchItems({ data: { newmembers: ['a'], groupid: '1', action: 'add_member' } }, ['a', 'b'])).toEqual([
      { target: 'a', ok: true },
      { target: 'b', ok: false, reason: 'not added' },
    ]);
    expect(batchItems({ entities: [{ username: 'x' }, { username: 'y' }] }, [])).toEqual([
      { target: 'x', ok: true },
      { target: 'y', ok: true },
    ]);
    expect(batchItems({ data: { mute: true } }, [])).toBeUndefined();
  });

  it('writes CSV that spreadsheets open as text: BOM, CRLF, formulas neutralised', () => {
    const csv = auditCsv([
      { id: 1, time: '2026-03-01T10:00:00.000Z', operator: null, app: 'demo', method: 'PUT', path: 'users/a', action: 'PUT users/{username}', target: 'a', summary: '=SUM(1)', status: 200, items: [{ target: '@b', ok: false, reason: 'x' }] },
    ]);
    expect(csv.startsWith('\ufeffid,time,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Formula-looking cells are written as text (a leading ') and quoted, so `;` locales keep them whole too.
    expect(csv).toContain(`,"'=SUM(1)","'@b:failed (x)"\r\n`);
  });
});
