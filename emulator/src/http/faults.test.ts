import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerUsers, startTestEmulator, type TestEmulator } from '../testing/harness.js';
import { expectError } from '../testing/expect-answers.js';

// The fault switch, driven over HTTP as a test against a running emulator would: `/_emulator/faults`.

let t: TestEmulator;

const control = async (method: 'GET' | 'POST' | 'DELETE', rule?: unknown) => {
  const res = await fetch(`${t.url}/_emulator/faults`, {
    method,
    headers: rule === undefined ? {} : { 'Content-Type': 'application/json' },
    body: rule === undefined ? undefined : JSON.stringify(rule),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
};

beforeAll(async () => {
  t = await startTestEmulator();
  await registerUsers(t, ['ann', 'ben']);
});
afterEach(() => control('DELETE'));
afterAll(() => t.close());

describe('/_emulator/faults', () => {
  it('makes the next N calls to one path answer 503 with Retry-After, leaves other paths alone, then disarms', async () => {
    const armed = await control('POST', { status: 503, times: 2, path: '/users/ann', retryAfter: 3 });
    expect(armed.status).toBe(200);
    expect(armed.body.faults).toEqual([{ status: 503, times: 2, after: 0, path: '/users/ann', retryAfter: 3 }]);

    expect((await t.call('GET', '/users/ben')).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await t.call('GET', '/users/ann');
      expectError(res, 503, 'service_unavailable');
      expect(res.headers.get('retry-after')).toBe('3');
    }
    expect((await control('GET')).body.faults).toEqual([]);
    expect((await t.call('GET', '/users/ann')).status).toBe(200);
  });

  it('answers 429 with the documented reach_limit body', async () => {
    await control('POST', { status: 429, retryAfter: 1 });
    const res = await t.call('GET', '/users?limit=1');
    expectError(res, 429, 'reach_limit', 'This request has reached api limit', 'com.easemob.ratelimit.exception.RateLimitException');
    expect(res.headers.get('retry-after')).toBe('1');
  });

  it('lets `after` calls through first: the second page fails, not the first', async () => {
    await control('POST', { status: 500, after: 1, method: 'get', path: '/users' });
    expect((await t.call('GET', '/users?limit=1')).status).toBe(200);
    // Another method or path is not counted.
    expect((await t.call('GET', '/users/ann')).status).toBe(200);
    expectError(await t.call('GET', '/users?limit=1'), 500, 'internal_error');
    expect((await t.call('GET', '/users?limit=1')).status).toBe(200);
  });

  it('matches `*` as one segment and a trailing `/**` as anything below, under either scheme', async () => {
    await control('POST', { status: 502, times: 5, method: 'POST', path: '/users/*/deactivate' });
    expectError(await t.call('POST', '/users/ann/deactivate'), 502, 'bad_gateway');
    expectError(await t.call('POST', '/users/ben/deactivate', undefined, { scheme: 'agora' }), 502, 'bad_gateway');
    // Neither the user nor another call of the same shape was touched.
    expect((await t.call('GET', '/users/ann')).body.entities[0].activated).toBe(true);
    expect((await t.call('POST', '/users/ann/activate')).status).toBe(200);
    await control('DELETE');

    await control('POST', { status: 504, times: 2, path: '/users/**' });
    expectError(await t.call('GET', '/users/ann/status'), 504, 'gateway_timeout');
    expectError(await t.call('GET', '/users'), 504, 'gateway_timeout');
  });

  it('delays a call by delayMs and then gives the real answer', async () => {
    await control('POST', { delayMs: 300, path: '/users/ann' });
    const started = Date.now();
    const res = await t.call('GET', '/users/ann');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(res.status).toBe(200);
    expect(res.body.entities[0].username).toBe('ann');
  });

  it('comes before the token check, as the service limits a call before reading it', async () => {
    await control('POST', { status: 429 });
    expect((await t.call('GET', '/users/ann', undefined, { token: null })).status).toBe(429);
    expect((await t.call('GET', '/users/ann', undefined, { token: null })).status).toBe(401);
  });

  it('refuses a rule it cannot apply, and DELETE disarms every fault', async () => {
    expectError(await control('POST', { status: 418 }), 400, 'illegal_argument', /^status:/);
    expectError(await control('POST', { times: 2 }), 400, 'illegal_argument', /needs a status, a delayMs/);
    expectError(await control('POST', { status: 503, path: 'users' }), 400, 'illegal_argument', /^path:/);
    await control('POST', { status: 503, times: 100 });
    await control('POST', { delayMs: 10_000, times: 100 });
    expect((await control('GET')).body.faults).toHaveLength(2);
    expect((await control('DELETE')).body.faults).toEqual([]);
    expect((await t.call('GET', '/users/ann')).status).toBe(200);
  });

  it('is also a switch in process for the test that started the emulator', async () => {
    t.emulator.faults.add({ status: 503, path: '/users/ben' });
    expectError(await t.call('GET', '/users/ben'), 503, 'service_unavailable');
    expect((await t.call('GET', '/users/ben')).status).toBe(200);
  });
});
