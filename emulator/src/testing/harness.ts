import { startEmulator, type RunningEmulator, type StartOptions } from '../server.js';

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

export interface TestEmulator {
  emulator: RunningEmulator;
  url: string;
  /** An app token obtained through `POST /token`. */
  token: string;
  /** Calls `P + path` over real HTTP, `P` being the app prefix of the chosen scheme. */
  call: (method: string, path: string, body?: unknown, opts?: CallOptions) => Promise<ApiResponse>;
  prefix: (scheme?: 'easemob' | 'agora') => string;
  close: () => Promise<void>;
}

/** Starts a real emulator on a free port over a fresh `:memory:` database. */
export async function startTestEmulator(opts: StartOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, db: ':memory:', seed: 'none', ...opts });
  const prefix = (scheme: 'easemob' | 'agora' = 'easemob') =>
    scheme === 'agora' ? `/app-id/${emulator.options.appId}` : `/${emulator.options.org}/${emulator.options.app}`;

  const send = async (method: string, path: string, body?: unknown, o: CallOptions & { bearer?: string } = {}) => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = o.token === undefined ? o.bearer : o.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    const payload = o.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${emulator.url}${prefix(o.scheme)}${path}`, { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Left as text: a test asserting JSON will say so.
    }
    return { status: res.status, headers: res.headers, body: parsed as ApiResponse['body'] };
  };

  const tokenRes = await send('POST', '/token', {
    grant_type: 'client_credentials',
    client_id: emulator.options.clientId,
    client_secret: emulator.options.clientSecret,
    ttl: 3600,
  });
  if (tokenRes.status !== 200) throw new Error(`token request failed: ${tokenRes.status} ${JSON.stringify(tokenRes.body)}`);
  const token = tokenRes.body.access_token as string;

  return {
    emulator,
    url: emulator.url,
    token,
    prefix,
    call: (method, path, body, o = {}) => send(method, path, body, { ...o, bearer: token }),
    close: () => emulator.close(),
  };
}

/** Registers users (batches of 60) with password `pw-<name>`; returns the names. */
export async function registerUsers(t: TestEmulator, names: string[]): Promise<string[]> {
  for (let i = 0; i < names.length; i += 60) {
    const batch = names.slice(i, i + 60).map((username) => ({ username, password: `pw-${username}` }));
    const res = await t.call('POST', '/users', batch);
    if (res.status !== 200 || res.body.data.length > 0) throw new Error(`register failed: ${JSON.stringify(res.body)}`);
  }
  return names;
}

/** Creates a group owned by `owner` with `members`; returns its ID. */
export async function createGroup(t: TestEmulator, owner: string, members: string[] = [], extra: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/chatgroups', { groupname: `g-${owner}`, description: 'test', public: true, maxusers: 3000, owner, members, ...extra });
  if (res.status !== 200) throw new Error(`create group failed: ${JSON.stringify(res.body)}`);
  return res.body.data.groupid as string;
}
