import { test as base, expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { EMULATOR_PORT } from '../../playwright.config';

// The IM emulator that playwright.config.ts starts for the console under test, reached straight
// over HTTP: tests set up their data with it and read end states back from it, without going
// through the console they check. One app token per worker; every call checks its status.
//
// Specs import `test` and `expect` from here instead of '@playwright/test' and ask for `emu`:
//
//   test('…', async ({ page, emu }) => {
//     await emu.register(['ann', 'ben']);
//     …
//     expect(await emu.friends('ann')).toEqual(['ben']);
//   });

/** The Easemob path scheme (/{org}/{app}) of the `demo` app; the Agora one (/app-id/{id}) reaches the same database. */
export const EMULATOR_API = `http://127.0.0.1:${EMULATOR_PORT}/demo/console`;

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Mute = { user: string; expire: number };
export type EmulatorUser = { username: string; nickname?: string; activated: boolean; uuid?: string };
export type Roster = {
  owner: string | undefined;
  /** The members other than the owner, in the API's order. */
  members: string[];
  /** Everyone on the page, the owner first when on it: the order the API answers in. */
  everyone: string[];
};

/** The client-credentials token of the `demo` app. */
export async function appToken(request: APIRequestContext): Promise<string> {
  const res = await request.post(`${EMULATOR_API}/token`, {
    data: { grant_type: 'client_credentials', client_id: 'demo-client-id', client_secret: 'demo-client-secret' },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A typed client of the emulator over `request`, signed in with the app token. */
export function emulatorClient(request: APIRequestContext, token: string) {
  const headers = { Authorization: `Bearer ${token}` };

  /** The raw answer, status unchecked: for clean-ups, and for answers a test expects to fail. */
  const send = (method: Method, path: string, body?: unknown): Promise<APIResponse> =>
    request.fetch(`${EMULATOR_API}/${path}`, { method, headers, data: body });

  /** The parsed body of an answer with the expected status (200 unless told). */
  async function call<T = unknown>(method: Method, path: string, body?: unknown, status = 200): Promise<T> {
    const res = await send(method, path, body);
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBe(status);
    return (await res.json()) as T;
  }

  /** The `data` of a 200 answer. */
  const data = async <T = unknown>(method: Method, path: string, body?: unknown): Promise<T> => (await call<{ data: T }>(method, path, body)).data;

  const user = async (username: string) => (await call<{ entities: EmulatorUser[] }>('GET', `users/${encodeURIComponent(username)}`)).entities[0]!;

  const roster = async (groupId: string, { pagenum = 1, pagesize = 1000 }: { pagenum?: number; pagesize?: number } = {}): Promise<Roster> => {
    const entries = await data<({ owner: string } | { member: string })[]>('GET', `chatgroups/${groupId}/users?pagenum=${pagenum}&pagesize=${pagesize}`);
    return {
      owner: entries.flatMap((e) => ('owner' in e ? [e.owner] : []))[0],
      members: entries.flatMap((e) => ('member' in e ? [e.member] : [])),
      everyone: entries.map((e) => ('owner' in e ? e.owner : e.member)),
    };
  };

  return {
    send,
    call,
    data,

    // Users.
    /** Registers the users in one call; each gets `password`. */
    register: async (usernames: string | string[], { password = 'pw-123456' }: { password?: string } = {}) => {
      await call('POST', 'users', [usernames].flat().map((username) => ({ username, password })));
    },
    user,
    activated: async (username: string) => (await user(username)).activated,
    ban: (username: string) => call('POST', `users/${encodeURIComponent(username)}/deactivate`),
    /** One page of users, as the API lists them. */
    users: ({ limit = 100, cursor }: { limit?: number; cursor?: string } = {}) =>
      call<{ entities: EmulatorUser[]; cursor?: string | null }>('GET', `users?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
    /** Every user of the app, counted by walking the list 100 at a time. */
    userCount: async () => {
      let count = 0;
      let cursor: string | undefined;
      do {
        const page = await call<{ entities: unknown[]; cursor?: string | null }>('GET', `users?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        count += page.entities.length;
        cursor = page.cursor || undefined;
      } while (cursor);
      return count;
    },
    /** Online status by username, from one batch call. */
    statuses: async (usernames: string[]) => Object.assign({}, ...(await data<Record<string, string>[]>('POST', 'users/batch/status', { usernames }))) as Record<string, string>,
    status: async (username: string) => data<Record<string, string>>('GET', `users/${encodeURIComponent(username)}/status`),
    /** The password grant's raw answer: 200 with a token for the right password, 400 otherwise. */
    passwordGrant: (username: string, password: string) => request.post(`${EMULATOR_API}/token`, { data: { grant_type: 'password', username, password } }),

    // Friends and blacklists.
    friends: (username: string) => data<string[]>('GET', `users/${username}/contacts/users`),
    befriend: (a: string, b: string) => call('POST', `users/${a}/contacts/users/${b}`),
    unfriend: (a: string, b: string) => call('DELETE', `users/${a}/contacts/users/${b}`),
    blocks: (username: string) => data<string[]>('GET', `users/${username}/blocks/users`),
    block: (owner: string, others: string | string[]) => call('POST', `users/${owner}/blocks/users`, { usernames: [others].flat() }),

    // Groups.
    /** Creates a public group of at most 200 and answers its ID. */
    createGroup: async (groupname: string, owner: string, members: string[] = [], description = 'e2e') =>
      (await data<{ groupid: string }>('POST', 'chatgroups', { groupname, description, public: true, maxusers: 200, owner, members })).groupid,
    /** How many groups the app has (up to 100). */
    groupCount: async () => (await data<unknown[]>('GET', 'chatgroups?limit=100')).length,
    roster,
    addMembers: (groupId: string, usernames: string[]) => call('POST', `chatgroups/${groupId}/users`, { usernames }),
    admins: (groupId: string) => data<string[]>('GET', `chatgroups/${groupId}/admin`),
    makeAdmin: (groupId: string, username: string) => call('POST', `chatgroups/${groupId}/admin`, { newadmin: username }),
    whitelist: (groupId: string) => data<string[]>('GET', `chatgroups/${groupId}/white/users`),
    addToWhitelist: (groupId: string, usernames: string[]) => call('POST', `chatgroups/${groupId}/white/users`, { usernames }),
    /** The group's mutes: who, and until when (ms since the epoch; -1 for ever). */
    mutes: (groupId: string) => data<Mute[]>('GET', `chatgroups/${groupId}/mute`),
    /** Mutes for `ms` milliseconds (-1: until unmuted). */
    mute: (groupId: string, usernames: string | string[], ms: number) => call('POST', `chatgroups/${groupId}/mute`, { usernames: [usernames].flat(), mute_duration: ms }),
    /** The group's blacklist. */
    groupBlocks: (groupId: string) => data<string[]>('GET', `chatgroups/${groupId}/blocks/users`),
    /** Puts a member on the group's blacklist, which also removes them from the group. */
    groupBlock: (groupId: string, username: string) => call('POST', `chatgroups/${groupId}/blocks/users/${username}`),
    memberAttributes: (groupId: string, username: string) => data<Record<string, string>>('GET', `metadata/chatgroup/${groupId}/user/${username}`),
    setMemberAttributes: (groupId: string, username: string, metaData: Record<string, string>) =>
      call('PUT', `metadata/chatgroup/${groupId}/user/${username}`, { metaData }),
  };
}

export type Emulator = ReturnType<typeof emulatorClient>;

let sequence = 0;
/**
 * A name no other test or run uses: `prefix-` (if given) and a stamp of lower-case letters and
 * digits (the time, a counter and a random part), so two calls in one millisecond still differ.
 */
export function unique(prefix?: string) {
  const stamp = `${Date.now().toString(36)}${(sequence++ % 36).toString(36)}${Math.floor(Math.random() * 1296)
    .toString(36)
    .padStart(2, '0')}`;
  return prefix ? `${prefix}-${stamp}` : stamp;
}

/**
 * `test` with `emu`: the emulator client, over the test's own `request` (so its calls are in the
 * trace), with a token fetched once per worker. (A fixture's `use` is called `provide` here: the
 * linter's React rules take any `use(…)` for a hook.)
 */
export const test = base.extend<{ emu: Emulator }, { emulatorToken: string }>({
  emulatorToken: [
    async ({ playwright }, provide) => {
      const request = await playwright.request.newContext();
      const token = await appToken(request);
      await request.dispose();
      await provide(token);
    },
    { scope: 'worker' },
  ],
  emu: async ({ request, emulatorToken }, provide) => {
    await provide(emulatorClient(request, emulatorToken));
  },
});

export { expect };
