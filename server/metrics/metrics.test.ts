import { afterEach, describe, expect, it } from 'vitest';
import { emulatorApps } from '../im-config.js';
import { addOperators, consolesOnEmulator, PASSWORD, signIn, type ConsoleUnderTest } from '../testing/console-harness.js';
import { freePort } from '../testing/main-process.js';
import { scrape } from '../testing/metrics.js';

// `GET /metrics` and `GET /readyz` over HTTP, against a real emulator: what operators of the
// console server watch, labelled so no name from a path ever becomes a label.

const TOKEN = 'scrape-token-for-tests';
const consoles = consolesOnEmulator(['alice', 'bob']);
let c: ConsoleUnderTest;

const faults = (method: 'POST' | 'DELETE', rule?: unknown) =>
  fetch(`${consoles.emulator().url}/_emulator/faults`, {
    method,
    headers: rule ? { 'Content-Type': 'application/json' } : {},
    body: rule ? JSON.stringify(rule) : undefined,
  });
afterEach(() => faults('DELETE'));

const signInAs = (username: string, password = PASSWORD) =>
  fetch(`${c.url}/im-console/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
/** A console serving /metrics, with an admin and a viewer signed in. */
async function adminAndViewer() {
  c = await consoles.serve({ metricsToken: TOKEN });
  await addOperators(c.services, ['viewer', 'admin']);
  return { admin: await signIn(c.url, 'admin'), viewer: await signIn(c.url, 'viewer') };
}
const auditRows = async () => Number((await c.services.db.selectFrom('audit').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('/metrics', () => {
  it('counts proxied calls by app, method, route pattern and status, and never puts a name from the path in a label', async () => {
    const { admin, viewer } = await adminAndViewer();
    expect((await admin.call('GET', '/im/demo/users/alice')).status).toBe(200);
    expect((await admin.call('GET', '/im/demo/users/bob')).status).toBe(200);
    expect((await admin.call('GET', '/im/demo/users/nobody-here')).status).toBe(404);
    expect((await admin.call('GET', '/im/demo-agora/users?limit=1')).status).toBe(200);
    expect((await viewer.call('DELETE', '/im/demo/users/alice')).status).toBe(403);
    // Not forwarded, an unknown app, the token endpoint: a fixed `other`, whatever was typed.
    expect((await admin.call('GET', '/im/demo/secret-stuff/alice')).status).toBe(404);
    expect((await admin.call('GET', '/im/elsewhere/users/alice')).status).toBe(404);
    expect((await admin.call('POST', '/im/demo/token')).status).toBe(403);

    const m = await scrape(c.url, TOKEN);
    const calls = (labels: Record<string, string>) => m.value('im_console_proxy_requests_total', labels);
    expect(calls({ app: 'demo', method: 'GET', route: 'users/{username}', status: '200' })).toBe(2);
    expect(calls({ app: 'demo', method: 'GET', route: 'users/{username}', status: '404' })).toBe(1);
    expect(calls({ app: 'demo-agora', method: 'GET', route: 'users', status: '200' })).toBe(1);
    expect(calls({ app: 'demo', method: 'DELETE', route: 'users/{username}', status: '403' })).toBe(1);
    expect(calls({ app: 'demo', method: 'GET', route: 'other', status: '404' })).toBe(1);
    expect(calls({ app: 'other', method: 'GET', route: 'other', status: '404' })).toBe(1);
    expect(calls({ app: 'demo', method: 'POST', route: 'other', status: '403' })).toBe(1);
    expect(calls({})).toBe(8);
    for (const typed of ['alice', 'bob', 'nobody', 'secret', 'elsewhere']) expect(m.text).not.toContain(typed);

    // The host's latency: one observation per answer from it, token requests included.
    const reached = (prefix: string) => c.upstream.calls.filter((call) => new URL(call.url).pathname.startsWith(prefix)).length;
    expect(m.value('im_console_im_host_request_duration_seconds_count', { app: 'demo' })).toBe(reached('/demo/console/'));
    expect(m.value('im_console_im_host_request_duration_seconds_count', { app: 'demo-agora' })).toBe(reached('/app-id/demoappid/'));
    expect(m.value('im_console_im_host_request_duration_seconds_bucket', { app: 'demo', le: '+Inf' })).toBe(reached('/demo/console/'));
  });

  it('counts the IM host’s 429s by app', async () => {
    c = await consoles.serve({ metricsToken: TOKEN });
    await addOperators(c.services, ['admin']);
    const admin = await signIn(c.url, 'admin');
    expect((await faults('POST', { status: 429, path: '/users/alice', retryAfter: 1 })).status).toBe(200);
    const res = await admin.call('GET', '/im/demo/users/alice');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');

    const m = await scrape(c.url, TOKEN);
    expect(m.value('im_console_im_host_rate_limited_total', { app: 'demo' })).toBe(1);
    expect(m.text).toContain('im_console_im_host_rate_limited_total{app="demo-agora"} 0');
    expect(m.value('im_console_proxy_requests_total', { app: 'demo', route: 'users/{username}', status: '429' })).toBe(1);
  });

  it('counts password sign-ins: ok, refused, throttled (a right password waiting for its code is neither)', async () => {
    c = await consoles.serve({ metricsToken: TOKEN, throttle: { maxPerPair: 2 } });
    await addOperators(c.services, ['support', 'admin']);
    await signIn(c.url, 'admin');
    expect((await signInAs('support', 'wrong')).status).toBe(401);
    expect((await signInAs('support', 'wrong again')).status).toBe(401);
    expect((await signInAs('support')).status).toBe(429);
    expect((await signInAs('not a name')).status).toBe(401);
    // An operator with a second factor, signing in without the code yet.
    const id = (await c.services.operators.get('admin'))!.id;
    await c.services.secondFactor.begin(id, 'admin');
    await c.services.db.updateTable('operators').set((e) => ({ totp_secret: e.ref('totp_pending_secret') })).where('id', '=', id).execute();
    expect(await (await signInAs('admin')).json()).toMatchObject({ error: 'second_factor_required' });

    const m = await scrape(c.url, TOKEN);
    const signIns = (outcome: string) => m.value('im_console_sign_ins_total', { method: 'password', outcome });
    expect([signIns('ok'), signIns('refused'), signIns('throttled')]).toEqual([1, 3, 1]);
    expect(m.value('im_console_sign_ins_total', { method: 'sso' })).toBe(0);
  });

  it('counts every audit row written, the proxy’s write-ahead rows included: the counter is the audit table’s size', async () => {
    const { admin, viewer } = await adminAndViewer();
    expect((await signInAs('viewer', 'wrong')).status).toBe(401);
    expect((await admin.call('POST', '/im/demo/users/bob/deactivate')).status).toBe(200);
    expect((await admin.call('POST', '/im/demo/users/bob/activate')).status).toBe(200);
    expect((await viewer.call('POST', '/im/demo/users/alice/deactivate')).status).toBe(403);
    expect((await viewer.call('GET', '/im-console/audit')).status).toBe(403);
    expect((await viewer.call('DELETE', '/im-console/session')).status).toBe(204);

    const m = await scrape(c.url, TOKEN);
    // Three sign-ins (one refused), two changes, two refusals, a sign-out.
    expect(await auditRows()).toBe(8);
    expect(m.value('im_console_audit_rows_total')).toBe(await auditRows());
  });

  it('gauges the sessions alive now: signed out or idle too long, they go', async () => {
    c = await consoles.serve({ metricsToken: TOKEN, idleMinutes: 30 });
    await addOperators(c.services, ['viewer', 'admin']);
    const sessions = async () => (await scrape(c.url, TOKEN)).value('im_console_active_sessions');
    expect(await sessions()).toBe(0);
    await signIn(c.url, 'admin');
    const viewer = await signIn(c.url, 'viewer');
    expect(await sessions()).toBe(2);
    await viewer.call('DELETE', '/im-console/session');
    expect(await sessions()).toBe(1);
    c.clock.now += 31 * 60_000;
    expect(await sessions()).toBe(0);
  });

  it('gauges each app’s search index: the users in it, and whether a walk runs', async () => {
    c = await consoles.serve({ metricsToken: TOKEN });
    await addOperators(c.services, ['admin']);
    const admin = await signIn(c.url, 'admin');
    // The walk's first page comes late, so the walk is still running at the next scrape.
    await faults('POST', { delayMs: 3000, method: 'GET', path: '/users' });
    expect((await admin.call('POST', '/im-console/apps/demo/users/index', { action: 'build' })).status).toBe(202);
    let m = await scrape(c.url, TOKEN);
    expect(m.value('im_console_search_index_walk_running', { app: 'demo' })).toBe(1);
    expect(m.value('im_console_search_index_walk_running', { app: 'demo-agora' })).toBe(0);

    // A cancel answers once the page in flight is in: here the last, so the walk has finished.
    const state = (await (await admin.call('POST', '/im-console/apps/demo/users/index', { action: 'cancel' })).json()) as { count: number };
    expect(state.count).toBe(2);
    m = await scrape(c.url, TOKEN);
    expect(m.value('im_console_search_index_walk_running', { app: 'demo' })).toBe(0);
    expect(m.value('im_console_search_index_users', { app: 'demo' })).toBe(2);
    expect(m.value('im_console_search_index_users', { app: 'demo-agora' })).toBe(0);
  });

  it('answers only callers with the token, and not at all on a console not told to serve it', async () => {
    c = await consoles.serve({ metricsToken: TOKEN });
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${TOKEN}`, TOKEN, `Bearer ${TOKEN}x`]) {
      const res = await fetch(`${c.url}/metrics`, { headers: authorization ? { Authorization: authorization } : {} });
      expect.soft(res.status, authorization).toBe(401);
      expect.soft(res.headers.get('www-authenticate'), authorization).toBe('Bearer');
    }
    const res = await fetch(`${c.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    // The process's own metrics too.
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    await c.close();

    c = await consoles.serve();
    expect((await fetch(`${c.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });
});

describe('/readyz', () => {
  it('answers 200 without a session when the database answers and every app’s token can be had; the cached token counts', async () => {
    c = await consoles.serve();
    const tokenCalls = () => c.upstream.calls.filter((call) => call.url.endsWith('/token')).length;
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${c.url}/readyz`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ ok: true, checks: { database: 'ok', apps: { demo: 'ok', 'demo-agora': 'ok' } } });
    }
    // One token per app, fetched by the first probe and taken from the cache by the second.
    expect(tokenCalls()).toBe(2);
  });

  it('answers 503 naming what failed, in short codes: a host away, a wrong secret, a database that does not answer', async () => {
    const [demo] = emulatorApps(consoles.emulator().emulator.port);
    const away = { ...demo!, id: 'away', host: `http://127.0.0.1:${await freePort()}` };
    const wrongSecret = { ...demo!, id: 'wrong-secret', clientSecret: 'not-the-secret' };
    c = await consoles.serve({}, [demo!, away, wrongSecret]);
    let res = await fetch(`${c.url}/readyz`);
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ ok: false, checks: { database: 'ok', apps: { demo: 'ok', away: 'im_host_unreachable', 'wrong-secret': 'im_credentials_rejected' } } });
    // Nothing beyond the codes: no host, no secret, no message from the host.
    expect(text).not.toMatch(/127\.0\.0\.1|not-the-secret|client/);

    c.services.sqlite!.close();
    res = await fetch(`${c.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, checks: { database: 'unavailable' } });
  });
});
