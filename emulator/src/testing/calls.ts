import type { EmulatorOptions } from '../http/types.js';

// Calls to an emulator as a test makes them (to arrange state and to read it back), over a socket
// (harness.ts) or in process (in-process.ts): the same helpers serve both.

export interface ApiResponse {
  status: number;
  headers: Headers;
  // Tests read arbitrary documented fields; `any` keeps the assertions readable.
  body: any;
}

export interface CallOptions {
  /** Override the bearer token; `null` sends no Authorization header. */
  token?: string | null;
  /** A raw body string (e.g. malformed JSON) instead of JSON-encoding `body`. */
  raw?: string;
  scheme?: 'easemob' | 'agora';
}

export type Scheme = 'easemob' | 'agora';

/** Anything that calls `P + path` with the app token: what the helpers below need. */
export interface Caller {
  call: (method: string, path: string, body?: unknown, opts?: CallOptions) => Promise<ApiResponse>;
}

/** The app prefix `P` of each scheme. */
export const prefixOf = (options: Pick<EmulatorOptions, 'org' | 'app' | 'appId'>, scheme: Scheme = 'easemob') =>
  scheme === 'agora' ? `/app-id/${options.appId}` : `/${options.org}/${options.app}`;

type Send = (method: string, path: string, body?: unknown, opts?: CallOptions & { bearer?: string }) => Promise<ApiResponse>;

/** Sends `P + path` through `doFetch` (a socket or the app itself), JSON in and out. */
export function createSender(doFetch: (url: string, init: RequestInit) => Promise<Response>, base: (scheme: Scheme) => string): Send {
  return async (method, path, body, o = {}) => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = o.token === undefined ? o.bearer : o.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    const payload = o.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    const res = await doFetch(`${base(o.scheme ?? 'easemob')}${path}`, { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Left as text: a test asserting JSON will say so.
    }
    return { status: res.status, headers: res.headers, body: parsed as ApiResponse['body'] };
  };
}

/** An app token through `POST /token`, as any client gets one. */
export async function fetchAppToken(send: Send, options: Pick<EmulatorOptions, 'clientId' | 'clientSecret'>): Promise<string> {
  const res = await send('POST', '/token', {
    grant_type: 'client_credentials',
    client_id: options.clientId,
    client_secret: options.clientSecret,
    ttl: 3600,
  });
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.access_token as string;
}

/** Registers users (batches of 60) with password `pw-<name>`; returns the names. */
export async function registerUsers(t: Caller, names: string[]): Promise<string[]> {
  for (let i = 0; i < names.length; i += 60) {
    const batch = names.slice(i, i + 60).map((username) => ({ username, password: `pw-${username}` }));
    const res = await t.call('POST', '/users', batch);
    if (res.status !== 200 || res.body.data.length > 0) throw new Error(`register failed: ${JSON.stringify(res.body)}`);
  }
  return names;
}

/** Creates a group owned by `owner` with `members`; returns its ID. */
export async function createGroup(t: Caller, owner: string, members: string[] = [], extra: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/chatgroups', { groupname: `g-${owner}`, description: 'test', public: true, maxusers: 3000, owner, members, ...extra });
  if (res.status !== 200) throw new Error(`create group failed: ${JSON.stringify(res.body)}`);
  return res.body.data.groupid as string;
}
