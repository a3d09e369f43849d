import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, registerUsers, startTestEmulator, type TestEmulator } from '../emulator/src/testing/harness.js';
import { emulatorApps, type ImAppConfig } from './im-config.js';
import { addOperators, PASSWORD, serveConsole, signIn, type ConsoleUnderTest } from './testing/console-harness.js';

// The proxy with sign-in required, against a real emulator: sessions, CSRF, roles, audit.

let t: TestEmulator;
let apps: ImAppConfig[];
let c: ConsoleUnderTest;
let group: string;

beforeAll(async () => {
  t = await startTestEmulator();
  await registerUsers(t, ['alice', 'bob', 'carol', 'dave', 'erin']);
  group = await createGroup(t, 'alice', ['bob', 'carol']);
  apps = emulatorApps(t.emulator.port);
});
afterAll(() => t.close());
afterEach(async () => c?.close());

/** Sends the path byte for byte: fetch() would resolve `..`, `%2e` and `\\` before sending. */
export function rawRequest(base: string, method: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path, headers: { 'Content-Type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

const isActivated = async (name: string) => (await t.call('GET', `/users/${name}`)).body.entities[0].activated as boolean;

describe('sessions', () => {
  it('refuses every call without a session, and the wrong password', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['viewer']);
    for (const path of ['/im/demo/users', '/im-console/apps', '/im-console/audit', '/im-console/apps/demo/health']) {
      const res = await fetch(`${c.url}${path}`);
      expect.soft(res.status, path).toBe(401);
      expect.soft(await res.json(), path).toMatchObject({ error: 'signed_out' });
    }
    const session = await fetch(`${c.url}/im-console/session`);
    expect(session.status).toBe(401);
    expect(await session.json()).toEqual({ error: 'signed_out', error_description: expect.any(String) });
    const wrong = await fetch(`${c.url}/im-console/session`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ username: 'viewer', password: 'nope' }) });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_credentials' });
    expect(c.apiCalls()).toEqual([]);
  });

  it('takes a sign-in only as JSON, which a cross-site form cannot send', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['viewer']);
    const form = await fetch(`${c.url}/im-console/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ username: 'viewer', password: PASSWORD }),
    });
    expect(form.status).toBe(415);
    expect(form.headers.get('set-cookie')).toBeNull();
  });

  it('signs in with an HttpOnly SameSite=Strict cookie, tells who is signed in, and signs out', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['moderator']);
    const res = await fetch(`${c.url}/im-console/session`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ username: 'Moderator', password: PASSWORD }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^im_console_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await signIn(c.url, 'moderator');
    const who = await me.call('GET', '/im-console/session');
    expect(await who.json()).toEqual({
      username: 'moderator',
      role: 'moderator',
      csrfToken: me.csrfToken,
      signInRequired: true,
      signIn: 'password',
      secondFactor: { enrolled: false, required: false },
    });

    // Signing out needs the CSRF token too.
    const noCsrf = await fetch(`${c.url}/im-console/session`, { method: 'DELETE', headers: { Cookie: me.cookie } });
    expect(noCsrf.status).toBe(403);
    const out = await me.call('DELETE', '/im-console/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/im_console_session=;.*Max-Age=0/);
    expect((await me.call('GET', '/im/demo/users')).status).toBe(401);
  });

  it('marks the cookie Secure behind a trusted proxy that says https, and only then', async () => {
    c = await serveConsole(apps, { trustProxy: true });
    await addOperators(c.services, ['viewer']);
    const post = (proto: string) =>
      fetch(`${c.url}/im-console/session`, { method: 'POST', headers: { ...JSON_TYPE, 'X-Forwarded-Proto': proto }, body: JSON.stringify({ username: 'viewer', password: PASSWORD }) });
    expect((await post('https')).headers.get('set-cookie')).toMatch(/; Secure/);
    expect((await post('http')).headers.get('set-cookie')).not.toMatch(/Secure/);
    await c.close();
    c = await serveConsole(apps, { trustProxy: false });
    await addOperators(c.services, ['viewer']);
    expect((await post('https')).headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('ends a session after the idle time, however recent the sign-in', async () => {
    c = await serveConsole(apps, { idleMinutes: 30, maxHours: 12 });
    await addOperators(c.services, ['viewer']);
    const me = await signIn(c.url, 'viewer');
    c.clock.now += 29 * 60_000;
    expect((await me.call('GET', '/im/demo/users?limit=1')).status).toBe(200);
    // Activity moved the idle deadline.
    c.clock.now += 29 * 60_000;
    expect((await me.call('GET', '/im/demo/users?limit=1')).status).toBe(200);
    c.clock.now += 31 * 60_000;
    const res = await me.call('GET', '/im/demo/users?limit=1');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'signed_out' });
    expect((await me.call('GET', '/im-console/session')).status).toBe(401);
  });

  it('ends a session at its absolute limit, however active', async () => {
    c = await serveConsole(apps, { idleMinutes: 30, maxHours: 2 });
    await addOperators(c.services, ['viewer']);
    const me = await signIn(c.url, 'viewer');
    for (let i = 0; i < 7; i++) {
      c.clock.now += 17 * 60_000;
      expect((await me.call('GET', '/im-console/session')).status).toBe(200);
    }
    c.clock.now += 2 * 60_000; // 121 minutes after sign-in
    expect((await me.call('GET', '/im-console/session')).status).toBe(401);
  });

  it('ends the sessions of a disabled operator or one whose password was reset, and applies a new role at once', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['viewer', 'support']);
    const viewer = await signIn(c.url, 'viewer');
    const support = await signIn(c.url, 'support');
    await c.services.operators.setRole('viewer', 'support');
    expect(await (await viewer.call('GET', '/im-console/session')).json()).toMatchObject({ role: 'support' });
    await c.services.operators.disable('viewer');
    expect((await viewer.call('GET', '/im-console/session')).status).toBe(401);
    const again = await fetch(`${c.url}/im-console/session`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ username: 'viewer', password: PASSWORD }) });
    expect(again.status).toBe(401);
    await c.services.operators.resetPassword('support', 'a brand new password');
    expect((await support.call('GET', '/im-console/session')).status).toBe(401);
  });
});

describe('sign-in throttling', () => {
  const attempt = (c: ConsoleUnderTest, username: string, password: string, from = '10.0.0.1') =>
    fetch(`${c.url}/im-console/session`, {
      method: 'POST',
      headers: { ...JSON_TYPE, 'X-Forwarded-For': from },
      body: JSON.stringify({ username, password }),
    });

  it('slows repeated failures for a name, then refuses that name from that address with 429 and Retry-After, then forgives', async () => {
    const sleeps: number[] = [];
    c = await serveConsole(apps, { throttle: { maxPerPair: 5, slowAfter: 2, lockMs: 15 * 60_000 }, sleeps, trustProxy: true });
    await addOperators(c.services, ['admin']);
    for (let i = 0; i < 5; i++) expect((await attempt(c, 'admin', `wrong-${i}`)).status).toBe(401);
    // Past two failures each answer waits, longer each time (the fourth and the fifth here).
    expect(sleeps).toEqual([500, 1000]);
    const refused = await attempt(c, 'admin', PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('900');
    expect(await refused.json()).toMatchObject({ error: 'too_many_attempts', retry_after_seconds: 900 });
    // Not a lock-out lever: the real admin, from an address with no failures, still signs in (after a wait).
    expect((await attempt(c, 'admin', PASSWORD, '10.9.9.9')).status).toBe(200);
    expect(sleeps.at(-1)).toBeGreaterThan(0);
    c.clock.now += 15 * 60_000 + 1000;
    expect((await attempt(c, 'admin', PASSWORD)).status).toBe(200);
  });

  it('refuses an address that tries many names', async () => {
    c = await serveConsole(apps, { throttle: { maxPerPair: 5, maxPerAddress: 8 }, trustProxy: true });
    await addOperators(c.services, ['admin']);
    for (let i = 0; i < 8; i++) expect((await attempt(c, `nobody${i}`, 'x', '10.0.0.7')).status).toBe(401);
    expect((await attempt(c, 'admin', PASSWORD, '10.0.0.7')).status).toBe(429);
    // Another address is not affected.
    expect((await attempt(c, 'admin', PASSWORD, '10.0.0.8')).status).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a non-GET without the token or with a wrong one, before anything is forwarded', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['admin']);
    const me = await signIn(c.url, 'admin');
    const missing = await fetch(`${c.url}/im/demo/users/dave/deactivate`, { method: 'POST', headers: { Cookie: me.cookie } });
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ error: 'csrf_failed' });
    const wrong = await me.call('POST', '/im/demo/users/dave/deactivate', undefined, { 'X-CSRF-Token': `${me.csrfToken.slice(0, -1)}x` });
    expect(wrong.status).toBe(403);
    // Another session's token is wrong too.
    const other = await signIn(c.url, 'admin');
    expect((await me.call('POST', '/im/demo/users/dave/deactivate', undefined, { 'X-CSRF-Token': other.csrfToken })).status).toBe(403);
    expect(c.apiCalls()).toEqual([]);
    expect(await isActivated('dave')).toBe(true);
    // GETs need no token.
    expect((await fetch(`${c.url}/im/demo/users/dave`, { headers: { Cookie: me.cookie } })).status).toBe(200);
  });
});

describe('roles', () => {
  it("refuses a viewer's hand-made POST with forbidden_role, and nothing reaches the emulator", async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['viewer']);
    const me = await signIn(c.url, 'viewer');
    const res = await me.call('POST', '/im/demo/users/erin/deactivate');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'forbidden_role', error_description: 'viewer may not POST users/{username}/deactivate', role: 'viewer' });
    const del = await me.call('DELETE', '/im/demo-agora/users/erin');
    expect(del.status).toBe(403);
    const disconnect = await me.call('GET', '/im/demo/users/erin/disconnect');
    expect(disconnect.status).toBe(403);
    expect(c.apiCalls()).toEqual([]);
    expect(c.upstream.calls).toEqual([]);
    expect(await isActivated('erin')).toBe(true);
    // Reads work, and the read-only POST too.
    expect((await me.call('GET', '/im/demo/users/erin')).status).toBe(200);
    const status = await me.call('POST', '/im/demo/users/batch/status', { usernames: ['erin'] });
    expect(status.status).toBe(200);
    expect(c.apiCalls()).toEqual([
      { method: 'GET', path: '/demo/console/users/erin' },
      { method: 'POST', path: '/demo/console/users/batch/status' },
    ]);
    // Refused calls are audited, with the address; the reads are not.
    expect((await c.services.audit.query({})).entries.map((e) => [e.action, e.status, e.refusal, e.address])).toEqual([
      ['GET users/{username}/disconnect', 403, 'forbidden_role', '127.0.0.1'],
      ['DELETE users/{username}', 403, 'forbidden_role', '127.0.0.1'],
      ['POST users/{username}/deactivate', 403, 'forbidden_role', '127.0.0.1'],
      ['POST im-console/session', 200, undefined, '127.0.0.1'],
    ]);
  });

  it('lets support manage users but not delete them', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['support']);
    const me = await signIn(c.url, 'support');
    expect((await me.call('POST', '/im/demo/users/erin/deactivate')).status).toBe(200);
    expect(await isActivated('erin')).toBe(false);
    expect((await me.call('POST', '/im/demo/users/erin/activate')).status).toBe(200);
    expect((await me.call('PUT', '/im/demo/users/erin/password', { newpassword: 'pw-erin-2' })).status).toBe(200);
    expect((await me.call('POST', '/im/demo/users/alice/contacts/users/erin')).status).toBe(200);
    // Force offline is a GET that changes something: allowed here, and audited.
    expect((await me.call('GET', '/im/demo/users/erin/disconnect')).status).toBe(200);
    expect((await c.services.audit.query({ action: 'disconnect' })).entries).toMatchObject([{ method: 'GET', target: 'erin', operator: 'support' }]);
    const del = await me.call('DELETE', '/im/demo/users/erin');
    expect(del.status).toBe(403);
    expect((await del.json()).error_description).toBe('support may not DELETE users/{username}');
    expect((await me.call('DELETE', '/im/demo/users?limit=1')).status).toBe(403);
    // Group work is the moderators'.
    expect((await me.call('POST', `/im/demo/chatgroups/${group}/mute`, { usernames: ['bob'], mute_duration: 60_000 })).status).toBe(403);
    expect((await t.call('GET', '/users/erin')).status).toBe(200);
    expect(c.apiCalls().map((a) => `${a.method} ${a.path}`)).toEqual([
      'POST /demo/console/users/erin/deactivate',
      'POST /demo/console/users/erin/activate',
      'PUT /demo/console/users/erin/password',
      'POST /demo/console/users/alice/contacts/users/erin',
      'GET /demo/console/users/erin/disconnect',
    ]);
  });

  it('lets a moderator mute and manage members but not transfer ownership, delete groups or users', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['moderator']);
    const me = await signIn(c.url, 'moderator');
    expect((await me.call('POST', `/im/demo/chatgroups/${group}/mute`, { usernames: ['bob'], mute_duration: 60_000 })).status).toBe(200);
    expect((await me.call('DELETE', `/im/demo/chatgroups/${group}/mute/bob`)).status).toBe(200);
    expect((await me.call('POST', `/im/demo/chatgroups/${group}/users/dave`)).status).toBe(200);
    expect((await me.call('PUT', `/im/demo/chatgroups/${group}`, { newowner: 'bob' })).status).toBe(403);
    expect((await me.call('DELETE', `/im/demo/chatgroups/${group}`)).status).toBe(403);
    expect((await me.call('DELETE', '/im/demo/users/dave')).status).toBe(403);
    expect((await me.call('POST', '/im/demo/users/dave/deactivate')).status).toBe(403);
    const owner = (await t.call('GET', `/chatgroups/${group}`)).body.data[0].owner as string;
    expect(owner).toMatch(/alice$/);
    expect(c.apiCalls()).toHaveLength(3);
  });

  it('keeps the audit log to admins', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services);
    for (const role of ['viewer', 'support', 'moderator'] as const) {
      const me = await signIn(c.url, role);
      const res = await me.call('GET', '/im-console/audit');
      expect.soft(res.status, role).toBe(403);
      expect.soft(await res.json(), role).toMatchObject({ error: 'forbidden_role', role });
    }
    const admin = await signIn(c.url, 'admin');
    expect((await admin.call('GET', '/im-console/audit')).status).toBe(200);
    // Nothing edits or deletes it.
    expect((await admin.call('DELETE', '/im-console/audit')).status).toBe(405);
    expect((await admin.call('POST', '/im-console/audit', {})).status).toBe(405);
  });
});

describe('path traversal', () => {
  const ATTEMPTS = [
    '/im/demo/../demo/token',
    '/im/demo/users/../token',
    '/im/demo/users/%2e%2e/token',
    '/im/demo/users/%2E%2E/token',
    '/im/demo/users/.%2E/token',
    '/im/demo/users/%2e./alice',
    '/im/demo/users/./alice',
    '/im/demo/users/%2e/alice',
    '/im/demo/users/alice%2F..%2Fbob',
    '/im/demo/users/%252e%252e/token',
    '/im/demo//users',
    '/im/demo/users//alice',
    '/im/demo/users/..\\token',
    '/im/demo/users/%5c..',
    '/elsewhere/../im/demo/users',
    '/im-console/../im/demo/users',
  ];

  it.each(ATTEMPTS)('refuses %s with 400, before anything is forwarded', async (path) => {
    c = await serveConsole(apps, { signInRequired: false });
    const res = await rawRequest(c.url, 'POST', path);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'invalid_path' });
    expect(c.upstream.calls).toEqual([]);
  });

  it('still forwards names that merely contain dots or encoded characters', async () => {
    c = await serveConsole(apps, { signInRequired: false });
    expect((await fetch(`${c.url}/im/demo/users/a.b..c`)).status).toBe(404);
    expect((await fetch(`${c.url}/im/demo/users/alice`)).status).toBe(200);
    expect(c.apiCalls().map((a) => a.path)).toEqual(['/demo/console/users/a.b..c', '/demo/console/users/alice']);
  });
});

describe('without sign-in (dev against the local emulator)', () => {
  it('answers a session that allows everything, and records changes without an operator', async () => {
    c = await serveConsole(apps, { signInRequired: false });
    expect(await (await fetch(`${c.url}/im-console/session`)).json()).toEqual({ username: null, role: 'admin', csrfToken: null, signInRequired: false });
    expect((await fetch(`${c.url}/im/demo/users/carol/deactivate`, { method: 'POST' })).status).toBe(200);
    expect((await fetch(`${c.url}/im/demo/users/carol/activate`, { method: 'POST' })).status).toBe(200);
    const { entries } = (await c.services.audit.query({}));
    expect(entries.map((e) => [e.operator, e.action, e.target])).toEqual([
      [null, 'POST users/{username}/activate', 'carol'],
      [null, 'POST users/{username}/deactivate', 'carol'],
    ]);
  });
});
