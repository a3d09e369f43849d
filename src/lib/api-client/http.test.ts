import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { ApiError } from './api-error';
import { answerTimes } from './answer-times';
import { callApi, createHttp, sendConsole, sendConsoleExpecting } from './http';

type Handler = (req: Request, attempt: number) => Response | Promise<Response>;

/** A fake fetch that records the requests and answers with `handler`. */
function fakeFetch(handler: Handler) {
  const requests: Request[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    requests.push(req);
    return handler(req, requests.length);
  });
  return { fetch: fn as unknown as typeof fetch, requests };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const okSchema = z.object({ data: z.array(z.string()) });
const client = (f: typeof fetch, retry: Record<string, unknown> = {}) =>
  createHttp({ prefixUrl: 'http://console.test/', fetch: f, retry: { backoffLimit: 1, jitter: false, ...retry } });

describe('callApi', () => {
  it('prefixes the encoded app and returns the parsed body', async () => {
    const { fetch, requests } = fakeFetch(() => json(200, { data: ['a'], extra: 1 }));
    const out = await callApi(client(fetch), 'prod eu', { method: 'get', path: 'users/x', searchParams: { limit: 10, cursor: undefined } }, okSchema);
    expect(out).toEqual({ data: ['a'] });
    expect(requests[0]!.url).toBe('http://console.test/im/prod%20eu/users/x?limit=10');
  });

  it('keeps out of the browser’s HTTP cache, whose lock per URL would send identical GETs one at a time', async () => {
    const { fetch, requests } = fakeFetch(() => json(200, { data: [] }));
    await callApi(client(fetch), 'demo', { method: 'get', path: 'chatgroups/1/mute' }, okSchema);
    expect(requests[0]!.cache).toBe('no-store');
  });

  it('notes how long each app’s answers take (how far its host is)', async () => {
    const { fetch } = fakeFetch(async () => {
      await new Promise((r) => setTimeout(r, 30));
      return json(200, { data: [] });
    });
    expect(answerTimes.quickest('http-test-app')).toBeUndefined();
    await callApi(client(fetch), 'http-test-app', { method: 'get', path: 'users' }, okSchema);
    expect(answerTimes.quickest('http-test-app')).toBeGreaterThanOrEqual(29);
  });

  it('turns a body of the wrong shape into a visible schema error', async () => {
    const { fetch } = fakeFetch(() => json(200, { data: 'not-an-array' }));
    const err = await callApi(client(fetch), 'demo', { method: 'get', path: 'users' }, okSchema).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.kind).toBe('schema');
    expect(err.description).toMatch(/data/);
  });

  it('maps the API error body to status, error and error_description', async () => {
    const { fetch } = fakeFetch(() =>
      json(403, { error: 'forbidden_op', error_description: 'forbidden operation on group owner!' }),
    );
    const err = await callApi(client(fetch), 'demo', { method: 'delete', path: 'chatgroups/1/users/boss' }, okSchema).catch((e) => e);
    expect(err).toMatchObject({ kind: 'http', status: 403, error: 'forbidden_op', description: 'forbidden operation on group owner!', call: 'DELETE /chatgroups/1/users/boss' });
  });

  it('recognises the proxy failures', async () => {
    const { fetch } = fakeFetch(() =>
      json(502, { error: 'im_credentials_rejected', error_description: 'refused', host: 'https://a1.example' }),
    );
    const err = await callApi(client(fetch, { limit: 0 }), 'demo', { method: 'get', path: 'users' }, okSchema).catch((e) => e);
    expect(err).toMatchObject({ kind: 'credentials', host: 'https://a1.example' });
  });

  it('retries 503 and 5xx on a GET with backoff, then succeeds', async () => {
    const { fetch, requests } = fakeFetch((_req, n) => (n < 3 ? json(n === 1 ? 503 : 500, { error: 'busy' }) : json(200, { data: [] })));
    await expect(callApi(client(fetch), 'demo', { method: 'get', path: 'users' }, okSchema)).resolves.toEqual({ data: [] });
    expect(requests).toHaveLength(3);
  });

  it('honours Retry-After on 429', async () => {
    const { fetch, requests } = fakeFetch((_req, n) => (n === 1 ? json(429, { error: 'reach_limit' }, { 'Retry-After': '1' }) : json(200, { data: [] })));
    const started = Date.now();
    await callApi(client(fetch), 'demo', { method: 'get', path: 'users' }, okSchema);
    expect(requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('retries a POST on 429 but never on 5xx, where it may already have taken effect', async () => {
    const limited = fakeFetch((_req, n) => (n === 1 ? json(429, { error: 'reach_limit' }) : json(200, { data: [] })));
    await callApi(client(limited.fetch), 'demo', { method: 'post', path: 'users', json: {} }, okSchema);
    expect(limited.requests).toHaveLength(2);

    const failing = fakeFetch(() => json(503, { error: 'service_unavailable' }));
    const err = await callApi(client(failing.fetch), 'demo', { method: 'post', path: 'users', json: {} }, okSchema).catch((e) => e);
    expect(failing.requests).toHaveLength(1);
    expect(err).toMatchObject({ kind: 'http', status: 503 });
  });

  it('gives up after the retry limit with the last error', async () => {
    const { fetch, requests } = fakeFetch(() => json(429, { error: 'reach_limit', error_description: 'This request has reached api limit' }));
    const err = await callApi(client(fetch, { limit: 2 }), 'demo', { method: 'get', path: 'users' }, okSchema).catch((e) => e);
    expect(requests).toHaveLength(3);
    expect(err).toMatchObject({ kind: 'rate-limited', status: 429, description: 'This request has reached api limit' });
  });

  it('reports a network failure as such', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const err = await callApi(client(fetch, { limit: 0 }), 'demo', { method: 'get', path: 'users' }, okSchema).catch((e) => e);
    expect(err).toMatchObject({ kind: 'network', call: 'GET /users' });
  });
});

describe('sendConsole', () => {
  it('sends a change once (never retried) and answers a 204 with undefined', async () => {
    const { fetch, requests } = fakeFetch(() => new Response(null, { status: 204 }));
    await expect(sendConsole(client(fetch), { method: 'patch', path: 'operators/dana', json: { disabled: true } }, okSchema)).resolves.toBeUndefined();
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['PATCH http://console.test/im-console/operators/dana']);
  });

  it('with sendConsoleExpecting, a call that must answer with a body fails visibly on a 204', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const err = await sendConsoleExpecting(client(fetch), { method: 'post', path: 'operators/dana/password' }, okSchema).catch((e) => e);
    expect(err).toMatchObject({ kind: 'schema', status: 204, call: 'POST /im-console/operators/dana/password' });
  });
});
