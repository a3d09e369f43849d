import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { getSessionState, setSessionState } from '@/lib/session/session-store';
import { callApi, createHttp, sendConsole } from './http';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function fakeFetch(answer: () => Response) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return answer();
  });
  return { client: createHttp({ prefixUrl: 'http://console.test/', fetch: fetch as unknown as typeof globalThis.fetch, retry: { limit: 0 } }), requests };
}

afterEach(() => setSessionState({ status: 'checking' }));

describe('the session in every request', () => {
  it('sends the current CSRF token on every call: force offline is a GET that changes something', async () => {
    setSessionState({ status: 'signed-in', username: 'mo', role: 'moderator', csrfToken: 'csrf-123' });
    const { client, requests } = fakeFetch(() => json(200, { data: {} }));
    await callApi(client, 'demo', { method: 'post', path: 'chatgroups/1/mute', json: { usernames: ['bob'] } }, z.unknown());
    await callApi(client, 'demo', { method: 'get', path: 'users/bob/disconnect' }, z.unknown());
    expect(requests[0]!.headers.get('X-CSRF-Token')).toBe('csrf-123');
    expect(requests[1]!.headers.get('X-CSRF-Token')).toBe('csrf-123');
  });

  it('follows a new sign-in, and sends nothing without a session', async () => {
    const { client, requests } = fakeFetch(() => new Response(null, { status: 204 }));
    await sendConsole(client, { method: 'delete', path: 'session' }, z.unknown());
    setSessionState({ status: 'signed-in', username: 'ad', role: 'admin', csrfToken: 'second' });
    await sendConsole(client, { method: 'delete', path: 'session' }, z.unknown());
    expect(requests[0]!.headers.get('X-CSRF-Token')).toBeNull();
    expect(requests[1]!.headers.get('X-CSRF-Token')).toBe('second');
  });

  it('a 401 signed_out from any call marks the session expired; another 401 does not', async () => {
    setSessionState({ status: 'signed-in', username: 'mo', role: 'moderator', csrfToken: 't' });
    const other = fakeFetch(() => json(401, { error: 'unauthorized', error_description: 'IM token' }));
    await callApi(other.client, 'demo', { method: 'get', path: 'users' }, z.unknown()).catch(() => undefined);
    expect(getSessionState().status).toBe('signed-in');
    const expired = fakeFetch(() => json(401, { error: 'signed_out' }));
    const err = await callApi(expired.client, 'demo', { method: 'get', path: 'users' }, z.unknown()).catch((e) => e);
    expect(err).toMatchObject({ status: 401, error: 'signed_out' });
    expect(getSessionState()).toEqual({ status: 'signed-out', reason: 'expired' });
  });
});
