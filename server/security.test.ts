import { request } from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, registerUsers, startTestEmulator, type TestEmulator } from '../emulator/src/testing/harness.js';
import { emulatorApps, type ImAppConfig } from './im-config.js';
import { createLog } from './log.js';
import { addOperators, PASSWORD, serveConsole, signIn, type ConsoleUnderTest } from './testing/console-harness.js';

// The findings of an attack on the console server, each as the attack that found it: every test
// here failed on the server before it was rebuilt on Hono routes with a write-ahead audit log.

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

const JSON_TYPE = { 'Content-Type': 'application/json' };

/** Sends the request target byte for byte (fetch would normalise it) and any body. */
function raw(base: string, method: string, path: string, o: { body?: Buffer | string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path, headers: o.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

const nested = (depth: number) => `${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}`;
const nicknameOf = async (name: string) => (await t.call('GET', `/users/${name}`)).body.entities[0].nickname as string | undefined;

describe('1. a change the audit log could not summarise', () => {
  it('refuses a 5,000-level body with 400 before anything reaches the host, and audits the refusal', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['support', 'moderator']);
    const support = await signIn(c.url, 'support');
    const before = await nicknameOf('alice');
    const body = `{"nickname":"Hacked","extra":${nested(5000)}}`;
    const res = await fetch(`${c.url}/im/demo/users/alice`, { method: 'PUT', headers: { ...JSON_TYPE, Cookie: support.cookie, 'X-CSRF-Token': support.csrfToken }, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_body' });
    expect(await nicknameOf('alice')).toBe(before);

    const moderator = await signIn(c.url, 'moderator');
    const mute = await fetch(`${c.url}/im/demo/chatgroups/${group}/mute`, {
      method: 'POST',
      headers: { ...JSON_TYPE, Cookie: moderator.cookie, 'X-CSRF-Token': moderator.csrfToken },
      body: `{"usernames":["bob"],"mute_duration":60000,"x":${nested(5000)}}`,
    });
    expect(mute.status).toBe(400);
    expect((await t.call('GET', `/chatgroups/${group}/mute`)).body.data).toEqual([]);
    // A body that is not JSON where a change needs JSON is refused the same way.
    const text = await fetch(`${c.url}/im/demo/users/alice`, { method: 'PUT', headers: { 'Content-Type': 'text/plain', Cookie: support.cookie, 'X-CSRF-Token': support.csrfToken }, body: 'nickname=x' });
    expect(text.status).toBe(400);
    expect(c.apiCalls()).toEqual([]);
    const refused = (await c.services.audit.query({})).entries.filter((e) => e.refusal === 'invalid_body');
    expect(refused.map((e) => [e.operator, e.action])).toEqual([
      ['support', 'PUT users/{username}'],
      ['moderator', 'POST chatgroups/{group}/mute'],
      ['support', 'PUT users/{username}'],
    ]);
  });

  it('redacts deep bodies without recursion, within the depth bound', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['moderator']);
    const me = await signIn(c.url, 'moderator');
    // Member attributes are the deepest body the API takes: well within the bound.
    const res = await me.call('PUT', `/im/demo/metadata/chatgroup/${group}/user/bob`, { metaData: { title: 'Mod', apiKey: 'k-123' } });
    expect(res.status).toBe(200);
    const [entry] = (await c.services.audit.query({ action: 'metadata' })).entries;
    expect(JSON.parse(entry!.summary)).toEqual({ metaData: { title: 'Mod', apiKey: '[redacted]' } });
  });
});

describe('3. parallel guesses', () => {
  it('refuses 40 wrong passwords sent at once past the limit, then the right one from the same address', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['admin']);
    const attempt = (password: string) => fetch(`${c.url}/im-console/session`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ username: 'admin', password }) });
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(`wrong-${i}`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    const right = await attempt(PASSWORD);
    expect(right.status).toBe(429);
    expect(right.headers.get('set-cookie')).toBeNull();
    // Only five passwords were checked: five refusals for a wrong password in the log.
    expect((await c.services.audit.query({ target: 'admin' })).entries.filter((e) => e.refusal === 'invalid_credentials')).toHaveLength(5);
  });

  it('checks at most 20 of 300 unknown names sent at once from one address', async () => {
    c = await serveConsole(apps);
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => fetch(`${c.url}/im-console/session`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ username: `nobody${i}`, password: 'x' }) })),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(20);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(280);
  });
});

describe('4. the token endpoint, however spelt', () => {
  const SPELLINGS = ['token', '%74oken', 'tok%65n', '%74%6F%6B%65%6E', 'TOKEN', '%54oken', 'token;x', 'Token;jsessionid=1', 'token%3Bx', '%2574oken', 'token%20', 'x%2Ftoken'];

  it.each(SPELLINGS)('POST /im/demo/%s is refused and nothing reaches the host', async (spelling) => {
    c = await serveConsole(apps, { signInRequired: false });
    const res = await raw(c.url, 'POST', `/im/demo/${spelling}`, {
      headers: JSON_TYPE,
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'demo-client-id', client_secret: 'demo-client-secret' }),
    });
    expect([403, 404]).toContain(res.status);
    expect(res.body).not.toContain('access_token');
    expect(c.upstream.calls).toEqual([]);
  });

  it('forwards only the calls the console makes', async () => {
    c = await serveConsole(apps, { signInRequired: false });
    const res = await raw(c.url, 'GET', '/im/demo/chatrooms');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'not_forwarded' });
    expect((await raw(c.url, 'PATCH', '/im/demo/users/alice')).status).toBe(404);
    expect(c.upstream.calls).toEqual([]);
  });
});

describe('5. sign-in names that are not names', () => {
  it.each([
    ['a newline', 'admin\n{"level":30,"msg":"[im-console] stopped"}'],
    ['spaces', 'ad min'],
    ['65 characters', 'a'.repeat(65)],
  ])('a name with %s answers 401, is audited, and the log stays one JSON object per line', async (_what, username) => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    c = await serveConsole(apps, { log: createLog({ level: 'info', destination }) });
    const res = await fetch(`${c.url}/im-console/session`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ username, password: 'whatever-it-is' }) });
    expect(res.status).toBe(401);
    const body = await res.text();
    expect(body).not.toContain(username);
    expect(JSON.parse(body)).toEqual({ error: 'invalid_credentials', error_description: expect.any(String) });
    const [row] = (await c.services.audit.query({})).entries;
    expect(row).toMatchObject({ action: 'POST im-console/session', status: 401, refusal: 'invalid_name', address: '127.0.0.1' });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.some((l) => (JSON.parse(l) as { msg?: string }).msg === '[im-console] stopped')).toBe(false);
  });
});

describe('6. secrets in the audit path', () => {
  it('removes passwords, secrets and tokens from the query as well as the body, `pwd` included', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['support', 'admin']);
    const me = await signIn(c.url, 'support');
    const res = await me.call('PUT', '/im/demo/users/bob/password?newpassword=Qs-Secret-1&client_secret=Qs-Secret-2&access_token=Qs-Secret-3&PWD=Qs-Secret-4&keep=1', {
      newpassword: 'Bd-Secret-1',
      pwd: 'Bd-Secret-2',
      Authorization: 'Bd-Secret-3',
    });
    expect(res.status).toBe(200);
    const [entry] = (await c.services.audit.query({ action: 'password' })).entries;
    expect(entry!.path).toBe('users/bob/password?newpassword=%5Bredacted%5D&client_secret=%5Bredacted%5D&access_token=%5Bredacted%5D&PWD=%5Bredacted%5D&keep=1');
    const admin = await signIn(c.url, 'admin');
    const everything = (await (await admin.call('GET', '/im-console/audit')).text()) + (await (await admin.call('GET', '/im-console/audit?format=csv')).text());
    expect(everything).not.toMatch(/Qs-Secret|Bd-Secret/);
  });
});

describe('7. refused calls', () => {
  it('are audited, but no more than 30 a minute from one address', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['viewer']);
    const me = await signIn(c.url, 'viewer');
    for (let i = 0; i < 40; i++) expect((await me.call('POST', '/im/demo/users/bob/deactivate')).status).toBe(403);
    const noCsrf = await fetch(`${c.url}/im/demo/users/bob/deactivate`, { method: 'POST', headers: { Cookie: me.cookie } });
    expect(noCsrf.status).toBe(403);
    const refusals = (await c.services.audit.query({ limit: 500 })).entries.filter((e) => e.refusal);
    expect(refusals).toHaveLength(30);
    expect(refusals.every((e) => e.operator === 'viewer' && e.address === '127.0.0.1')).toBe(true);
    // A minute later they are written again.
    c.clock.now += 61_000;
    expect((await fetch(`${c.url}/im/demo/users/bob/deactivate`, { method: 'POST', headers: { Cookie: me.cookie } })).status).toBe(403);
    expect((await c.services.audit.query({})).entries[0]).toMatchObject({ refusal: 'csrf_failed', operator: 'viewer', action: 'POST users/bob/deactivate' });
  });
});

describe('9. bodies over the limit', () => {
  it('answer 413 as JSON, with a length or streamed', async () => {
    c = await serveConsole(apps, { signInRequired: false });
    const big = Buffer.alloc(3 * 1024 * 1024, 'a');
    const sized = await raw(c.url, 'POST', '/im/demo/users', { body: big, headers: { ...JSON_TYPE, 'Content-Length': String(big.length) } });
    expect(sized.status).toBe(413);
    expect(JSON.parse(sized.body)).toMatchObject({ error: 'request_too_large' });
    const streamed = await raw(c.url, 'POST', '/im/demo/users', { body: big, headers: { ...JSON_TYPE, 'Transfer-Encoding': 'chunked' } });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ error: 'request_too_large' });
    const signIn = await raw(c.url, 'POST', '/im-console/session', { body: Buffer.alloc(64 * 1024, 'a'), headers: JSON_TYPE });
    expect(signIn.status).toBe(413);
    expect(c.upstream.calls).toEqual([]);
  });
});

describe('10. malformed percent-encoding', () => {
  it.each(['/im/%FF/users/alice', '/im-console/apps/%FF/health', '/im/demo/users/%E4%B8', '/im/demo/users/%zz'])('%s answers 400 as JSON', async (path) => {
    c = await serveConsole(apps, { signInRequired: false });
    const res = await raw(c.url, 'GET', path);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'invalid_path' });
    expect(c.upstream.calls).toEqual([]);
  });
});

describe('11. force offline is a change', () => {
  it('GET users/{u}/disconnect needs the CSRF token', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['support']);
    const me = await signIn(c.url, 'support');
    const forged = await fetch(`${c.url}/im/demo/users/bob/disconnect`, { headers: { Cookie: me.cookie } });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: 'csrf_failed' });
    expect(c.apiCalls()).toEqual([]);
    expect((await me.call('GET', '/im/demo/users/bob/disconnect')).status).toBe(200);
    expect(c.apiCalls()).toEqual([{ method: 'GET', path: '/demo/console/users/bob/disconnect' }]);
  });
});

describe('12. signing in again', () => {
  it("ends the browser's earlier session", async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['viewer', 'admin']);
    const first = await signIn(c.url, 'viewer');
    const again = await fetch(`${c.url}/im-console/session`, { method: 'POST', headers: { ...JSON_TYPE, Cookie: first.cookie }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    expect(again.status).toBe(200);
    expect((await first.call('GET', '/im-console/session')).status).toBe(401);
    const cookie = again.headers.get('set-cookie')!.split(';', 1)[0]!;
    expect(cookie).not.toBe(first.cookie);
    expect((await fetch(`${c.url}/im-console/session`, { headers: { Cookie: cookie } })).status).toBe(200);
  });
});

describe('13. the audit CSV in `;` locales', () => {
  it('quotes cells holding `;` so Excel keeps them in one column', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['support', 'admin']);
    const me = await signIn(c.url, 'support');
    await me.call('PUT', '/im/demo/users/carol', { nickname: 'a;b' });
    const admin = await signIn(c.url, 'admin');
    const csv = await (await admin.call('GET', '/im-console/audit?format=csv&action=PUT')).text();
    expect(csv).toContain('"{""nickname"":""a;b""}"');
  });
});

describe('write-ahead audit', () => {
  it('commits the change’s row before forwarding it, and its outcome after', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['support']);
    const me = await signIn(c.url, 'support');
    // The host sees the call while the console's row is already there, with no outcome yet.
    let seenAtHost: { status: number | null; action: string } | undefined;
    c.upstream.beforeCall = async (url) => {
      if (!url.endsWith('/users/dave/deactivate')) return;
      const [entry] = (await c.services.audit.query({ target: 'dave' })).entries;
      seenAtHost = entry && { status: entry.status, action: entry.action };
    };
    expect((await me.call('POST', '/im/demo/users/dave/deactivate')).status).toBe(200);
    expect(seenAtHost).toEqual({ status: null, action: 'POST users/{username}/deactivate' });
    expect((await c.services.audit.query({ target: 'dave' })).entries[0]).toMatchObject({ status: 200 });
    await me.call('POST', '/im/demo/users/dave/activate');
  });

  it('does not forward a change whose row cannot be written', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['support']);
    const me = await signIn(c.url, 'support');
    c.services.sqlite!.exec("CREATE TRIGGER audit_full BEFORE INSERT ON audit WHEN new.method = 'POST' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const res = await me.call('POST', '/im/demo/users/dave/deactivate');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: 'audit_unavailable' });
    expect(c.apiCalls()).toEqual([]);
    expect((await t.call('GET', '/users/dave')).body.entities[0].activated).toBe(true);
  });
});

describe('a second round of attacks', () => {
  it('leaves a change cut off after it was sent as "outcome unknown", and one never sent as failed', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['support']);
    const me = await signIn(c.url, 'support');
    const cut = (code: string) => (url: string) => {
      if (url.includes('/users/dave/')) throw new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
    };
    c.upstream.beforeCall = cut('ECONNRESET');
    expect((await me.call('POST', '/im/demo/users/dave/deactivate')).status).toBe(502);
    c.upstream.beforeCall = cut('ECONNREFUSED');
    expect((await me.call('POST', '/im/demo/users/dave/activate')).status).toBe(502);
    const [refused, reset] = (await c.services.audit.query({ target: 'dave' })).entries;
    expect(reset).toMatchObject({ action: 'POST users/{username}/deactivate', status: null });
    expect(refused).toMatchObject({ action: 'POST users/{username}/activate', status: 502 });
  });

  it('refuses a change to a name the host might read as another, so the log and the host agree', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['support']);
    const me = await signIn(c.url, 'support');
    for (const name of ['alice%20', '%20BOB%09', 'alice;x', 'ali%0Ace']) {
      const res = await me.call('POST', `/im/demo/users/${name}/deactivate`);
      expect.soft(res.status, name).toBe(400);
    }
    expect(c.apiCalls()).toEqual([]);
  });

  it('keeps every field in the summary however the body is padded, and sends the host what was audited', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['support']);
    const me = await signIn(c.url, 'support');
    const padded = `{"zzz":"${'A'.repeat(4100)}","__proto__":{"x":1},"nickname":"first","nickname":"hidden-after-pad"}`;
    const res = await fetch(`${c.url}/im/demo/users/carol`, { method: 'PUT', headers: { ...JSON_TYPE, Cookie: me.cookie, 'X-CSRF-Token': me.csrfToken }, body: padded });
    expect(res.status).toBe(200);
    const [entry] = (await c.services.audit.query({ target: 'carol' })).entries;
    expect(entry!.summary).toContain('"nickname":"hidden-after-pad"');
    expect(entry!.summary).toContain('"__proto__":{"x":1}');
    expect(await nicknameOf('carol')).toBe('hidden-after-pad');
  });

  it('redacts `;`-separated query secrets, ignores a client’s request id, and logs refusals over the budget in full', async () => {
    const lines: { msg?: string; reqId?: string; operator?: string; action?: string }[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l) as (typeof lines)[number]);
        done();
      },
    });
    c = await serveConsole(apps, { log: createLog({ level: 'info', destination }) });
    await addOperators(c.services, ['support', 'viewer']);
    const me = await signIn(c.url, 'support');
    const res = await me.call('PUT', '/im/demo/users/bob/password?a=1;password=Semi-Secret-1', { newpassword: 'pw-bob-2' }, { 'X-Request-Id': 'forged-id' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).not.toBe('forged-id');
    expect((await c.services.audit.query({ action: 'password' })).entries[0]!.path).toBe('users/bob/password?a=1;password=%5Bredacted%5D');
    expect(lines.some((l) => l.reqId === 'forged-id')).toBe(false);

    // One operator's refusals do not use up another's budget behind the same address.
    const viewer = await signIn(c.url, 'viewer');
    for (let i = 0; i < 31; i++) await viewer.call('POST', '/im/demo/users/bob/deactivate');
    expect((await me.call('DELETE', '/im/demo/users/bob')).status).toBe(403);
    const refusals = (await c.services.audit.query({ limit: 500 })).entries.filter((e) => e.refusal);
    expect(refusals.filter((e) => e.operator === 'viewer')).toHaveLength(30);
    expect(refusals.filter((e) => e.operator === 'support')).toHaveLength(1);
    expect(lines.filter((l) => l.msg?.startsWith('refusal not audited'))).toEqual([expect.objectContaining({ operator: 'viewer', action: 'POST users/{username}/deactivate' })]);
  });

  it('refuses (and audits) a non-admin reading the audit log, whatever the query', async () => {
    c = await serveConsole(apps);
    await addOperators(c.services, ['viewer']);
    const me = await signIn(c.url, 'viewer');
    expect((await me.call('GET', '/im-console/audit?cursor=abc')).status).toBe(403);
    expect((await c.services.audit.query({})).entries[0]).toMatchObject({ operator: 'viewer', action: 'GET im-console/audit', refusal: 'forbidden_role' });
  });

  it('reads no body for a caller who is not signed in: 401 before the body has arrived', async () => {
    c = await serveConsole(apps);
    const { hostname, port } = new URL(c.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: hostname, port, method: 'POST', path: '/im/demo/users', headers: { ...JSON_TYPE, 'Content-Length': '2000000' } }, (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
      // Ten bytes of the two million announced, and no more: a server that waited would never answer.
      req.write('0123456789');
    });
    expect(status).toBe(401);
  });
});
