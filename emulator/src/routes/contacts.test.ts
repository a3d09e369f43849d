import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUsers, startTestEmulator, type ApiResponse, type TestEmulator } from '../testing/harness.js';
import { expectError } from '../testing/expect-answers.js';

// User relationships, call by call, under both path schemes: seeds 000 (Agora Chat,
// `/app-id/{app_id}/…`) and 001 (Easemob, `/{org}/{app}/…`), plus the older friends and blacklist
// sections of 003 (好友与黑名单). Friends, remarks, paged and full friend lists, import, user
// blacklist add / list / remove, the friend and blacklist caps.

type Scheme = 'easemob' | 'agora';
const SCHEMES: Scheme[] = ['easemob', 'agora'];
const otherScheme = (s: Scheme): Scheme => (s === 'easemob' ? 'agora' : 'easemob');

// ---- helpers --------------------------------------------------------------------------------

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

/** The body has every key the example shows, and nothing else but the `optional` ones. */
function expectKeys(body: Record<string, unknown>, shown: string[], optional: string[] = []) {
  expect(body && typeof body, JSON.stringify(body)).toBe('object');
  for (const k of shown) expect(body, `missing "${k}" in ${JSON.stringify(body)}`).toHaveProperty(k);
  const allowed = new Set([...shown, ...optional]);
  expect(Object.keys(body).filter((k) => !allowed.has(k)), 'keys the example does not show').toEqual([]);
}

// `application`, `organization`, `applicationName`: shown by every 001 (Easemob) example that has an
// entity envelope, and by 000's unblock example; 000's other examples leave them out.
const APP_KEYS = ['application', 'organization', 'applicationName'];
/** Keys of an example: the Easemob twin (001) adds the app keys, which Agora (000) may leave out. */
const exampleKeys = (scheme: Scheme, base: string[], agoraShowsAppKeys = false) =>
  scheme === 'easemob' || agoraShowsAppKeys ? { shown: [...base, ...APP_KEYS], optional: [] } : { shown: base, optional: APP_KEYS };

const ENTITY_KEYS = ['uuid', 'type', 'created', 'modified', 'username', 'activated'];

function expectUserEntity(e: Record<string, unknown>, username: string, nickname?: string) {
  expectKeys(e, nickname === undefined ? ENTITY_KEYS : [...ENTITY_KEYS, 'nickname']);
  expect(e.uuid).toMatch(/^[0-9a-f-]{36}$/);
  expect(e.type).toBe('user');
  expect(e.username).toBe(username);
  expect(typeof e.created).toBe('number');
  expect(typeof e.modified).toBe('number');
  expect(e.activated).toBe(true);
  if (nickname !== undefined) expect(e.nickname).toBe(nickname);
}

function expectApp(t: TestEmulator, body: Record<string, unknown>) {
  expect(body.application).toMatch(/^[0-9a-f-]{36}$/);
  expect(body.organization).toBe(t.emulator.options.org);
  expect(body.applicationName).toBe(t.emulator.options.app);
}

const NOT_FOUND_EXCEPTION = 'org.apache.usergrid.services.exceptions.ServiceResourceNotFoundException';
const expectUserNotFound = (res: ApiResponse) =>
  expectError(res, 404, 'service_resource_not_found', 'Service resource not found', NOT_FOUND_EXCEPTION);
const expectNoToken = (res: ApiResponse) => expectError(res, 401, 'unauthorized', 'Unable to authenticate (OAuth)');

const NOT_FRIENDS = 'updateRemark they are not friends, please add as a friend first.';
// The seed's cell lost the " | " (a Markdown table separator); see emulator/README.md.
const PAGE_TOO_BIG = 'getContacts | page size more than max limit : 50';
const FRIEND_CAP = 'user contact number exceed limit';
const IMPORT_TOO_MANY = 'request user over flow limit:10.';
const INVITER_AT_CAP = "Inviter's contact max count.";
const blockMissing = (blocked: string, owner: string) =>
  `attempt to adding new block[${blocked}] for user[${owner}],but user[${blocked}] not found.`;

/** The last page carries no cursor: absent or null, never "". */
const noCursor = (body: Record<string, unknown>) => body.cursor === undefined || body.cursor === null;

type Call = (method: string, path: string, body?: unknown) => Promise<ApiResponse>;

const friendNames = (res: ApiResponse): string[] => res.body.data.contacts.map((x: { username: string }) => x.username);

/** Walks `GET P/user/{u}/contacts` page by page; checks each page's envelope on the way. */
async function walkContacts(call: Call, user: string, limit: number, between?: (page: number) => Promise<void>) {
  const visited: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  for (let page = 1; page <= 100; page++) {
    const res = await call('GET', `/user/${user}/contacts?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expectKeys(res.body, ['uri', 'timestamp', 'entities', 'count', 'action', 'data', 'duration'], ['cursor']);
    expect(res.body.count).toBe(res.body.data.contacts.length);
    expect(res.body.count).toBeLessThanOrEqual(limit);
    visited.push(...friendNames(res));
    sizes.push(res.body.count);
    // The SDK reads the cursor from `data.cursor`; the two always agree.
    expect(res.body.data.cursor).toBe(res.body.cursor);
    if (noCursor(res.body)) return { visited, sizes };
    expect(typeof res.body.cursor).toBe('string');
    expect(res.body.cursor).not.toBe('');
    cursor = res.body.cursor;
    await between?.(page);
  }
  throw new Error('the cursor walk does not end');
}

/** Walks `GET P/users/{u}/blocks/users?pageSize=N` page by page. */
async function walkBlocks(call: Call, user: string, pageSize: number, between?: (page: number) => Promise<void>) {
  const visited: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  for (let page = 1; page <= 100; page++) {
    const res = await call('GET', `/users/${user}/blocks/users?pageSize=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expectKeys(res.body, ['uri', 'timestamp', 'entities', 'count', 'action', 'data', 'duration'], ['cursor']);
    expect(res.body.count).toBe(res.body.data.length);
    expect(res.body.count).toBeLessThanOrEqual(pageSize);
    visited.push(...res.body.data);
    sizes.push(res.body.count);
    if (noCursor(res.body)) return { visited, sizes };
    expect(typeof res.body.cursor).toBe('string');
    expect(res.body.cursor).not.toBe('');
    cursor = res.body.cursor;
    await between?.(page);
  }
  throw new Error('the cursor walk does not end');
}

const expectEachOnce = (visited: string[], expected: string[]) => {
  expect(new Set(visited).size, `repeated entries in ${visited.join(',')}`).toBe(visited.length);
  expect([...visited].sort()).toEqual([...expected].sort());
};

/** Registers one user with a nickname (the examples' entities show one). */
async function registerWithNickname(t: TestEmulator, username: string, nickname: string) {
  const res = await t.call('POST', '/users', { username, password: `pw-${username}`, nickname });
  if (res.status !== 200) throw new Error(`register failed: ${JSON.stringify(res.body)}`);
}

// ---- friends --------------------------------------------------------------------------------

describe.each(SCHEMES)('friends (%s scheme)', (scheme) => {
  let t: TestEmulator;
  const call: Call = (method, path, body) => t.call(method, path, body, { scheme });
  /** The other scheme, over the same app and database. */
  const viaOther: Call = (method, path, body) => t.call(method, path, body, { scheme: otherScheme(scheme) });
  const uuidOf = async (u: string) => (await t.call('GET', `/users/${u}`)).body.entities[0].uuid as string;
  const allFriends = async (u: string, via: Call = call) => (await via('GET', `/users/${u}/contacts/users`)).body.data as string[];

  beforeAll(async () => {
    t = await startTestEmulator();
    await registerWithNickname(t, 'user2', 'testuser');
    await registerUsers(t, ['user1', 'alice', 'bob', 'carol', 'dave', 'lonely', 'walker', 'keyset', 'importer', 'newbie', ...names('f', 40)]);
  });
  afterAll(() => t.close());

  describe('POST P/users/{owner}/contacts/users/{friend} – add a friend', () => {
    it('answers 200 with the envelope of the example and the friend in entities[0]', async () => {
      const res = await call('POST', '/users/user1/contacts/users/user2');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const { shown, optional } = exampleKeys(scheme, ['action', 'path', 'uri', 'entities', 'timestamp', 'duration']);
      expectKeys(res.body, shown, optional);
      expect(res.body.action).toBe('post');
      const ownerUuid = await uuidOf('user1');
      // path and uri name the owner by UUID: "/users/475XXXXba/contacts".
      expect(res.body.path).toBe(`/users/${ownerUuid}/contacts`);
      expect(res.body.uri).toMatch(new RegExp(`^${t.url}/.+/users/${ownerUuid}/contacts$`));
      expect(res.body.entities).toHaveLength(1);
      expectUserEntity(res.body.entities[0], 'user2', 'testuser');
      expect(res.body.entities[0].uuid).toBe(await uuidOf('user2'));
      if (scheme === 'easemob') expectApp(t, res.body);
      expect(typeof res.body.timestamp).toBe('number');
      expect(typeof res.body.duration).toBe('number');
    });

    it('makes the friendship mutual: both sides list each other, under both schemes', async () => {
      expect((await call('POST', '/users/alice/contacts/users/bob')).status).toBe(200);
      for (const via of [call, viaOther]) {
        expect(await allFriends('alice', via)).toEqual(['bob']);
        expect(await allFriends('bob', via)).toEqual(['alice']);
        expect(friendNames(await via('GET', '/user/bob/contacts'))).toEqual(['alice']);
      }
    });

    it('adding an existing friend again changes nothing', async () => {
      const again = await call('POST', '/users/bob/contacts/users/alice');
      expect(again.status).toBe(200);
      expect(again.body.entities[0].username).toBe('alice');
      expect(await allFriends('alice')).toEqual(['bob']);
      expect(await allFriends('bob')).toEqual(['alice']);
    });

    it('answers 404 service_resource_not_found when the owner or the friend does not exist', async () => {
      expectUserNotFound(await call('POST', '/users/ghost/contacts/users/alice'));
      expectUserNotFound(await call('POST', '/users/alice/contacts/users/ghost'));
      expect(await allFriends('alice')).toEqual(['bob']);
    });
  });

  describe('DELETE P/users/{owner}/contacts/users/{friend} – remove a friend', () => {
    it('answers 200 with the removed friend, and both sides stop listing each other', async () => {
      expect((await call('POST', '/users/carol/contacts/users/dave')).status).toBe(200);
      expect((await call('POST', '/users/carol/contacts/users/alice')).status).toBe(200);
      const res = await call('DELETE', '/users/carol/contacts/users/dave');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const { shown, optional } = exampleKeys(scheme, ['action', 'path', 'uri', 'entities', 'timestamp', 'duration']);
      expectKeys(res.body, shown, optional);
      expect(res.body.action).toBe('delete');
      const ownerUuid = await uuidOf('carol');
      expect(res.body.path).toBe(`/users/${ownerUuid}/contacts`);
      expect(res.body.uri).toMatch(new RegExp(`/users/${ownerUuid}/contacts$`));
      expect(res.body.entities).toHaveLength(1);
      expectUserEntity(res.body.entities[0], 'dave');
      if (scheme === 'easemob') expectApp(t, res.body);
      for (const via of [call, viaOther]) {
        expect(await allFriends('carol', via)).toEqual(['alice']);
        expect(await allFriends('dave', via)).toEqual([]);
      }
      // Removing from the other side works the same way.
      expect((await call('DELETE', '/users/alice/contacts/users/carol')).status).toBe(200);
      expect(await allFriends('carol')).toEqual([]);
      expect(await allFriends('alice')).toEqual(['bob']);
    });

    it('answers 404 service_resource_not_found when the owner or the friend does not exist', async () => {
      expectUserNotFound(await call('DELETE', '/users/ghost/contacts/users/alice'));
      expectUserNotFound(await call('DELETE', '/users/alice/contacts/users/ghost'));
      expect(await allFriends('alice')).toEqual(['bob']);
    });
  });

  describe('PUT P/user/{owner}/contacts/users/{friend} – friend remark (singular /user/)', () => {
    it('answers 200 {action, duration, status: "ok", timestamp, uri}', async () => {
      const res = await call('PUT', '/user/alice/contacts/users/bob', { remark: '大学同学' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expectKeys(res.body, ['action', 'duration', 'status', 'timestamp', 'uri']);
      expect(res.body).toMatchObject({ action: 'put', status: 'ok' });
      expect(res.body.uri).toBe(`${t.url}${t.prefix(scheme)}/user/alice/contacts/users/bob`);
      const listed = await viaOther('GET', '/user/alice/contacts?needReturnRemark=true');
      expect(listed.body.data.contacts).toEqual([{ remark: '大学同学', username: 'bob' }]);
    });

    it('keeps one remark per side', async () => {
      expect((await call('PUT', '/user/bob/contacts/users/alice', { remark: '室友' })).status).toBe(200);
      expect((await call('GET', '/user/alice/contacts?needReturnRemark=true')).body.data.contacts).toEqual([{ remark: '大学同学', username: 'bob' }]);
      expect((await call('GET', '/user/bob/contacts?needReturnRemark=true')).body.data.contacts).toEqual([{ remark: '室友', username: 'alice' }]);
      // A new remark replaces the old one.
      expect((await call('PUT', '/user/bob/contacts/users/alice', { remark: '老同学' })).status).toBe(200);
      expect((await call('GET', '/user/bob/contacts?needReturnRemark=true')).body.data.contacts).toEqual([{ remark: '老同学', username: 'alice' }]);
    });

    it('takes up to 100 characters, not 101 (400 illegal_argument)', async () => {
      const hundred = '备'.repeat(100);
      expect((await call('PUT', '/user/alice/contacts/users/bob', { remark: hundred })).status).toBe(200);
      expect((await call('GET', '/user/alice/contacts?needReturnRemark=true')).body.data.contacts[0].remark).toBe(hundred);
      expectError(await call('PUT', '/user/alice/contacts/users/bob', { remark: '备'.repeat(101) }), 400, 'illegal_argument');
      expectError(await call('PUT', '/user/alice/contacts/users/bob', { remark: 'r'.repeat(101) }), 400, 'illegal_argument');
      // The refused remark left the old one in place.
      expect((await call('GET', '/user/alice/contacts?needReturnRemark=true')).body.data.contacts[0].remark).toBe(hundred);
    });

    it('answers 400 illegal_argument when the two users are not friends', async () => {
      const res = await call('PUT', '/user/alice/contacts/users/lonely', { remark: 'x' });
      expectError(res, 400, 'illegal_argument', NOT_FRIENDS, 'java.lang.IllegalArgumentException');
      // Not even the other way round, and not once the friendship is gone.
      expectError(await call('PUT', '/user/lonely/contacts/users/alice', { remark: 'x' }), 400, 'illegal_argument', NOT_FRIENDS);
      expectError(await call('PUT', '/user/carol/contacts/users/dave', { remark: 'x' }), 400, 'illegal_argument', NOT_FRIENDS);
    });

    it('answers 404 service_resource_not_found when the owner or the friend does not exist', async () => {
      expectUserNotFound(await call('PUT', '/user/ghost/contacts/users/bob', { remark: 'x' }));
      expectUserNotFound(await call('PUT', '/user/alice/contacts/users/ghost', { remark: 'x' }));
    });
  });

  describe('GET P/user/{u}/contacts?limit&cursor&needReturnRemark – paged friend list', () => {
    beforeAll(async () => {
      for (const f of names('f', 37)) {
        const res = await call('POST', `/users/walker/contacts/users/${f}`);
        if (res.status !== 200) throw new Error(JSON.stringify(res.body));
      }
    });

    it('answers the envelope of the example: uri, timestamp, entities [], count, action, data.contacts, duration', async () => {
      const res = await call('GET', '/user/alice/contacts?limit=10&needReturnRemark=true');
      expect(res.status).toBe(200);
      expectKeys(res.body, ['uri', 'timestamp', 'entities', 'count', 'action', 'data', 'duration'], ['cursor']);
      expect(res.body).toMatchObject({ action: 'get', entities: [], count: 1 });
      expectKeys(res.body.data, ['contacts'], ['cursor']);
      expect(typeof res.body.uri).toBe('string');
      expect(noCursor(res.body)).toBe(true);
    });

    it('returns remarks only with needReturnRemark=true (null when none is set)', async () => {
      await call('POST', '/users/lonely/contacts/users/dave');
      await call('PUT', '/user/lonely/contacts/users/dave', { remark: '同事' });
      await call('POST', '/users/lonely/contacts/users/carol');
      const withRemark = await call('GET', '/user/lonely/contacts?limit=10&needReturnRemark=true');
      expect(withRemark.body.data.contacts).toEqual(
        expect.arrayContaining([
          { remark: '同事', username: 'dave' },
          { remark: null, username: 'carol' },
        ]),
      );
      for (const entry of withRemark.body.data.contacts) expectKeys(entry, ['remark', 'username']);
      for (const query of ['?limit=10', '?limit=10&needReturnRemark=false', '']) {
        const res = await call('GET', `/user/lonely/contacts${query}`);
        expect(res.status).toBe(200);
        expect(res.body.data.contacts).toHaveLength(2);
        for (const entry of res.body.data.contacts) expectKeys(entry, ['username']);
      }
    });

    it('walks 37 friends with limit 10: 4 pages, each friend exactly once, no cursor on the last page', async () => {
      const { visited, sizes } = await walkContacts(call, 'walker', 10);
      expect(sizes).toEqual([10, 10, 10, 7]);
      expectEachOnce(visited, names('f', 37));
    });

    it('walks an exact multiple of the page size to its end (20 friends, limit 10)', async () => {
      for (const f of names('f', 20)) expect((await call('POST', `/users/keyset/contacts/users/${f}`)).status).toBe(200);
      const { visited } = await walkContacts(call, 'keyset', 10);
      expectEachOnce(visited, names('f', 20));
      const one = await walkContacts(call, 'keyset', 1);
      expectEachOnce(one.visited, names('f', 20));
    });

    it('limit defaults to 10 and goes up to 50', async () => {
      const first = await call('GET', '/user/walker/contacts');
      expect(first.body.count).toBe(10);
      expect(typeof first.body.cursor).toBe('string');
      const all = await call('GET', '/user/walker/contacts?limit=50');
      expect(all.status).toBe(200);
      expect(all.body.count).toBe(37);
      expectEachOnce(friendNames(all), names('f', 37));
      expect(noCursor(all.body)).toBe(true);
    });

    it('answers 400 illegal_argument above 50', async () => {
      const res = await call('GET', '/user/walker/contacts?limit=51');
      expectError(res, 400, 'illegal_argument', PAGE_TOO_BIG);
      // Below the documented range [1, 50] too.
      expectError(await call('GET', '/user/walker/contacts?limit=0'), 400, 'illegal_argument');
    });

    it('ignores unknown query parameters and cursor=undefined', async () => {
      const plain = await call('GET', '/user/walker/contacts?limit=10');
      const noisy = await call('GET', '/user/walker/contacts?limit=10&cursor=undefined&version=v3&needReturnRemark=false');
      expect(noisy.status).toBe(200);
      expect(noisy.body.data).toEqual(plain.body.data);
      expect(noisy.body.cursor).toBe(plain.body.cursor);
      const next = await call('GET', `/user/walker/contacts?version=v3&limit=10&cursor=${encodeURIComponent(plain.body.cursor)}`);
      expect(next.status).toBe(200);
      const again = await call('GET', `/user/walker/contacts?limit=10&cursor=${encodeURIComponent(plain.body.cursor)}`);
      expect(next.body.data).toEqual(again.body.data);
      expect(friendNames(next).filter((n) => friendNames(plain).includes(n))).toEqual([]);
    });

    it('keeps a cursor walk stable while friends are added and removed between pages', async () => {
      const before = await allFriends('walker');
      expect(before).toHaveLength(37);
      const seen: string[] = [];
      let removed = '';
      const { visited } = await walkContacts(
        (m, p, b) =>
          call(m, p, b).then((r) => {
            seen.push(...friendNames(r));
            return r;
          }),
        'walker',
        10,
        async (page) => {
          if (page === 1) {
            // A new friend arrives, and the last friend served (the cursor's anchor) leaves.
            expect((await call('POST', '/users/walker/contacts/users/newbie')).status).toBe(200);
            removed = seen[seen.length - 1]!;
            expect((await call('DELETE', `/users/walker/contacts/users/${removed}`)).status).toBe(200);
          }
          if (page === 2) expect((await call('POST', '/users/walker/contacts/users/f038')).status).toBe(200);
        },
      );
      const existing = visited.filter((n) => before.includes(n));
      expectEachOnce(existing, before);
      expect(new Set(visited).size).toBe(visited.length);
      // Put walker back as it was: 37 friends f000..f036.
      await call('DELETE', '/users/walker/contacts/users/newbie');
      await call('DELETE', '/users/walker/contacts/users/f038');
      await call('POST', `/users/walker/contacts/users/${removed}`);
      expectEachOnce(await allFriends('walker'), names('f', 37));
    });

    it('answers 404 service_resource_not_found for an unknown user', async () => {
      expectUserNotFound(await call('GET', '/user/ghost/contacts?limit=10'));
    });
  });

  describe('GET P/users/{owner}/contacts/users – all friends at once', () => {
    it('answers {action, uri, entities: [], data: [names], timestamp, duration, count}', async () => {
      const res = await call('GET', '/users/walker/contacts/users');
      expect(res.status).toBe(200);
      expectKeys(res.body, ['action', 'uri', 'entities', 'data', 'timestamp', 'duration', 'count']);
      expect(res.body).toMatchObject({ action: 'get', entities: [], count: 37 });
      expect(res.body.uri).toBe(`${t.url}${t.prefix(scheme)}/users/walker/contacts/users`);
      expectEachOnce(res.body.data, names('f', 37));
      const none = await call('GET', '/users/lonely/contacts/users?version=v3');
      expect(none.body.count).toBe(none.body.data.length);
    });

    it('answers 404 service_resource_not_found for an unknown user', async () => {
      expectUserNotFound(await call('GET', '/users/ghost/contacts/users'));
    });
  });

  describe('POST P/users/{u}/contacts/import – import friends', () => {
    it('answers {status: "ok", timestamp, action, data {UnKnowFailed, success, NotExistFailed, maxLimitFailed}, duration}', async () => {
      const res = await call('POST', '/users/importer/contacts/import?isSendNotice=true', { usernames: ['f000', 'f001', 'f002'] });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expectKeys(res.body, ['status', 'timestamp', 'action', 'data', 'duration']);
      expect(res.body).toMatchObject({ status: 'ok', action: 'post' });
      expectKeys(res.body.data, ['UnKnowFailed', 'success', 'NotExistFailed', 'maxLimitFailed']);
      expect(res.body.data).toEqual({ UnKnowFailed: [], success: ['f000', 'f001', 'f002'], NotExistFailed: [], maxLimitFailed: [] });
      // Imported friends are friends on both sides.
      expectEachOnce(await allFriends('importer', viaOther), ['f000', 'f001', 'f002']);
      expect(await allFriends('f001', viaOther)).toContain('importer');
    });

    it('sorts names into buckets: missing users in NotExistFailed, existing friends in success', async () => {
      const res = await call('POST', '/users/importer/contacts/import', { usernames: ['f003', 'nobody', 'f000'] });
      expect(res.status).toBe(200);
      expect(res.body.data.success).toEqual(['f003', 'f000']);
      expect(res.body.data.NotExistFailed).toEqual(['nobody']);
      expect(res.body.data.maxLimitFailed).toEqual([]);
      // The emulator's choice for a failure that is neither: the owner itself.
      const self = await call('POST', '/users/importer/contacts/import', { usernames: ['importer'] });
      expect(self.status).toBe(200);
      expect(self.body.data).toEqual({ UnKnowFailed: ['importer'], success: [], NotExistFailed: [], maxLimitFailed: [] });
      expectEachOnce(await allFriends('importer'), ['f000', 'f001', 'f002', 'f003']);
    });

    it('takes 10 names, and answers 400 illegal_argument for 11 (importing none of them)', async () => {
      const ten = await call('POST', '/users/importer/contacts/import', { usernames: names('f', 14).slice(4) });
      expect(ten.status, JSON.stringify(ten.body)).toBe(200);
      expect(ten.body.data.success).toHaveLength(10);
      const res = await call('POST', '/users/lonely/contacts/import', { usernames: names('f', 11) });
      expectError(res, 400, 'illegal_argument', IMPORT_TOO_MANY);
      expect(await allFriends('lonely')).not.toContain('f000');
    });

    it('answers 404 service_resource_not_found for an unknown user', async () => {
      expectUserNotFound(await call('POST', '/users/ghost/contacts/import', { usernames: ['f000'] }));
    });
  });

  describe('401 without a valid app token', () => {
    const calls: [string, string, unknown?][] = [
      ['POST', '/users/alice/contacts/users/lonely'],
      ['DELETE', '/users/alice/contacts/users/bob'],
      ['PUT', '/user/alice/contacts/users/bob', { remark: 'x' }],
      ['GET', '/user/alice/contacts?limit=10'],
      ['GET', '/users/alice/contacts/users'],
      ['POST', '/users/alice/contacts/import', { usernames: ['lonely'] }],
      ['POST', '/users/alice/blocks/users', { usernames: ['lonely'] }],
      ['GET', '/users/alice/blocks/users?pageSize=2'],
      ['DELETE', '/users/alice/blocks/users/lonely'],
    ];

    it.each(calls)('%s %s: 401 unauthorized "Unable to authenticate (OAuth)" without a token', async (method, path, body) => {
      expectNoToken(await t.call(method, path, body, { token: null, scheme }));
    });

    it('answers 401 for a corrupt token and for a user token, and changes nothing', async () => {
      expectError(
        await t.call('POST', '/users/alice/contacts/users/lonely', undefined, { token: 'YWMtforged', scheme }),
        401,
        'auth_bad_access_token',
        'Unable to authenticate due to corrupt access token',
      );
      const login = await t.call('POST', '/token', { grant_type: 'password', username: 'alice', password: 'pw-alice' }, { token: null, scheme });
      expect(login.status).toBe(200);
      expectError(
        await t.call('DELETE', '/users/alice/contacts/users/bob', undefined, { token: login.body.access_token, scheme }),
        401,
        'unauthorized',
        /^Subject does not have permission/,
      );
      expect(await allFriends('alice')).toEqual(['bob']);
    });
  });
});

// ---- the friend cap -------------------------------------------------------------------------

describe.each(SCHEMES)('the friend cap (friendCap 3, %s scheme)', (scheme) => {
  let t: TestEmulator;
  const call: Call = (method, path, body) => t.call(method, path, body, { scheme });
  const allFriends = async (u: string) => (await call('GET', `/users/${u}/contacts/users`)).body.data as string[];

  beforeAll(async () => {
    t = await startTestEmulator({ friendCap: 3 });
    await registerUsers(t, ['full', 'popular', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'two', 'cap1', 'cap2', 'cap3']);
    for (const f of ['x1', 'x2', 'x3']) expect((await call('POST', `/users/full/contacts/users/${f}`)).status).toBe(200);
    for (const f of ['x4', 'x5', 'x6']) expect((await call('POST', `/users/popular/contacts/users/${f}`)).status).toBe(200);
  });
  afterAll(() => t.close());

  it('answers 403 exceed_limit when the owner is at the cap', async () => {
    const res = await call('POST', '/users/full/contacts/users/x7');
    expectError(res, 403, 'exceed_limit', FRIEND_CAP);
    expectEachOnce(await allFriends('full'), ['x1', 'x2', 'x3']);
    expect(await allFriends('x7')).toEqual([]);
  });

  it('answers 403 exceed_limit when the friend is at the cap', async () => {
    const res = await call('POST', '/users/x7/contacts/users/popular');
    expectError(res, 403, 'exceed_limit', FRIEND_CAP);
    expect(await allFriends('x7')).toEqual([]);
    expectEachOnce(await allFriends('popular'), ['x4', 'x5', 'x6']);
  });

  it('still answers 200 when the two are already friends, and admits again below the cap', async () => {
    expect((await call('POST', '/users/full/contacts/users/x1')).status).toBe(200);
    expect((await call('POST', '/users/x1/contacts/users/full')).status).toBe(200);
    expect((await call('DELETE', '/users/full/contacts/users/x3')).status).toBe(200);
    expect((await call('POST', '/users/full/contacts/users/x3')).status).toBe(200);
    expectEachOnce(await allFriends('full'), ['x1', 'x2', 'x3']);
  });

  it('import: 403 exceed_limit "Inviter\'s contact max count." when the owner is at the cap', async () => {
    const res = await call('POST', '/users/full/contacts/import', { usernames: ['x8'] });
    expectError(res, 403, 'exceed_limit', INVITER_AT_CAP);
    expect(await allFriends('x8')).toEqual([]);
  });

  it('import: fills the last places, then reports the rest in maxLimitFailed', async () => {
    expect((await call('POST', '/users/two/contacts/users/x8')).status).toBe(200);
    // `two` has one friend: two places left for cap1, cap2; none for cap3.
    const res = await call('POST', '/users/two/contacts/import', { usernames: ['cap1', 'cap2', 'cap3'] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toEqual({ UnKnowFailed: [], success: ['cap1', 'cap2'], NotExistFailed: [], maxLimitFailed: ['cap3'] });
    expectEachOnce(await allFriends('two'), ['x8', 'cap1', 'cap2']);
    expect(await allFriends('cap3')).toEqual([]);
  });

  it('import: a friend at the cap lands in maxLimitFailed, next to the other buckets', async () => {
    expect((await call('DELETE', '/users/two/contacts/users/x8')).status).toBe(200);
    // `two` has one place; `popular` has none; `ghost` does not exist; `two` itself cannot be added.
    const res = await call('POST', '/users/two/contacts/import', { usernames: ['popular', 'ghost', 'two', 'x8'] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toEqual({ UnKnowFailed: ['two'], success: ['x8'], NotExistFailed: ['ghost'], maxLimitFailed: ['popular'] });
    expect(await allFriends('popular')).not.toContain('two');
  });
});

// ---- the user blacklist ---------------------------------------------------------------------

describe.each(SCHEMES)('user blacklist (%s scheme)', (scheme) => {
  let t: TestEmulator;
  const call: Call = (method, path, body) => t.call(method, path, body, { scheme });
  const viaOther: Call = (method, path, body) => t.call(method, path, body, { scheme: otherScheme(scheme) });
  const blocked = async (u: string, via: Call = call) => (await via('GET', `/users/${u}/blocks/users`)).body.data as string[];
  const uuidOf = async (u: string) => (await t.call('GET', `/users/${u}`)).body.entities[0].uuid as string;

  beforeAll(async () => {
    t = await startTestEmulator();
    await registerWithNickname(t, 'user2', 'testuser');
    await registerUsers(t, ['user1', 'friendly', 'pal', 'stranger', 'walker', 'late', ...names('b', 25)]);
    expect((await call('POST', '/users/friendly/contacts/users/pal')).status).toBe(200);
  });
  afterAll(() => t.close());

  describe('POST P/users/{owner}/blocks/users – block', () => {
    it('answers 200 with the envelope of the example and the blocked names in data', async () => {
      const res = await call('POST', '/users/user1/blocks/users', { usernames: ['user2'] });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const { shown, optional } = exampleKeys(scheme, ['action', 'uri', 'entities', 'data', 'timestamp', 'duration']);
      expectKeys(res.body, shown, optional);
      expect(res.body).toMatchObject({ action: 'post', entities: [], data: ['user2'] });
      expect(typeof res.body.uri).toBe('string');
      if (scheme === 'easemob') expectApp(t, res.body);
      expect(await blocked('user1', viaOther)).toEqual(['user2']);
    });

    it('blocks friends and strangers alike; a blocked friend stays on the friend list', async () => {
      const res = await call('POST', '/users/friendly/blocks/users', { usernames: ['pal', 'stranger'] });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual(['pal', 'stranger']);
      expect((await call('GET', '/users/friendly/contacts/users')).body.data).toEqual(['pal']);
      expect((await call('GET', '/users/pal/contacts/users')).body.data).toEqual(['friendly']);
      expect([...(await blocked('friendly'))].sort()).toEqual(['pal', 'stranger']);
      // Blocking again keeps one entry.
      expect((await call('POST', '/users/friendly/blocks/users', { usernames: ['pal'] })).status).toBe(200);
      expect(await blocked('friendly')).toHaveLength(2);
    });

    it('answers 400 illegal_argument (003 wording) for a user that does not exist, and blocks no one', async () => {
      const res = await call('POST', '/users/stranger/blocks/users', { usernames: ['user20'] });
      expectError(res, 400, 'illegal_argument', blockMissing('user20', 'stranger'), 'java.lang.IllegalArgumentException');
      const mixed = await call('POST', '/users/stranger/blocks/users', { usernames: ['pal', 'user20'] });
      expectError(mixed, 400, 'illegal_argument', blockMissing('user20', 'stranger'));
      expect(await blocked('stranger')).toEqual([]);
    });

    it('answers 404 service_resource_not_found for an unknown owner', async () => {
      expectUserNotFound(await call('POST', '/users/ghost/blocks/users', { usernames: ['pal'] }));
    });
  });

  describe('GET P/users/{owner}/blocks/users?pageSize&cursor – list', () => {
    const order = names('b', 23); // blocked in this order: the newest is b022
    const newestFirst = [...order].reverse();

    beforeAll(async () => {
      // One at a time, so that each has its own moment.
      for (const b of order) {
        const res = await call('POST', '/users/walker/blocks/users', { usernames: [b] });
        if (res.status !== 200) throw new Error(JSON.stringify(res.body));
      }
    });

    it('neither pageSize nor cursor: the whole list, newest first, without a cursor', async () => {
      const res = await call('GET', '/users/walker/blocks/users');
      expect(res.status).toBe(200);
      expectKeys(res.body, ['uri', 'timestamp', 'entities', 'count', 'action', 'data', 'duration'], ['cursor']);
      expect(res.body).toMatchObject({ action: 'get', entities: [], count: 23 });
      expect(res.body.data).toEqual(newestFirst);
      expect(noCursor(res.body)).toBe(true);
    });

    it('only pageSize: the newest page, with a cursor as in the example', async () => {
      const res = await call('GET', '/users/walker/blocks/users?pageSize=2');
      expect(res.status).toBe(200);
      expectKeys(res.body, ['uri', 'timestamp', 'entities', 'cursor', 'count', 'action', 'data', 'duration']);
      expect(res.body).toMatchObject({ action: 'get', entities: [], count: 2, data: ['b022', 'b021'] });
      expect(typeof res.body.cursor).toBe('string');
      expect(res.body.cursor).not.toBe('');
      const five = await call('GET', '/users/walker/blocks/users?pageSize=5');
      expect(five.body.data).toEqual(newestFirst.slice(0, 5));
    });

    it('walks 23 entries with pageSize 5: 5 pages, newest first, each exactly once, no cursor on the last page', async () => {
      const { visited, sizes } = await walkBlocks(call, 'walker', 5);
      expect(sizes).toEqual([5, 5, 5, 5, 3]);
      expect(visited).toEqual(newestFirst);
      const fifty = await walkBlocks(call, 'walker', 50);
      expect(fifty.sizes).toEqual([23]);
      expect(fifty.visited).toEqual(newestFirst);
    });

    it('keeps a cursor walk stable while users are blocked and unblocked between pages', async () => {
      let removed = '';
      const { visited } = await walkBlocks(call, 'walker', 5, async (page) => {
        if (page === 1) {
          expect((await call('POST', '/users/walker/blocks/users', { usernames: ['late'] })).status).toBe(200);
          // The last entry served, the cursor's anchor, leaves.
          removed = newestFirst[4]!;
          expect((await call('DELETE', `/users/walker/blocks/users/${removed}`)).status).toBe(200);
        }
      });
      expect(new Set(visited).size).toBe(visited.length);
      expect(visited.filter((n) => n !== 'late')).toEqual(newestFirst);
      // Put walker's list back as it was.
      await call('DELETE', '/users/walker/blocks/users/late');
      await call('POST', '/users/walker/blocks/users', { usernames: [removed] });
      expect([...(await blocked('walker'))].sort()).toEqual(order);
    });

    it('pageSize is 1..50: 400 illegal_argument otherwise', async () => {
      expect((await call('GET', '/users/walker/blocks/users?pageSize=50')).status).toBe(200);
      expectError(await call('GET', '/users/walker/blocks/users?pageSize=51'), 400, 'illegal_argument');
      expectError(await call('GET', '/users/walker/blocks/users?pageSize=0'), 400, 'illegal_argument');
    });

    it('ignores unknown query parameters and cursor=undefined', async () => {
      const whole = await call('GET', '/users/stranger/blocks/users?version=v3&cursor=undefined');
      expect(whole.status).toBe(200);
      expect(whole.body.data).toEqual([]);
      const noisy = await call('GET', '/users/walker/blocks/users?cursor=undefined&version=v3');
      expect(noisy.status).toBe(200);
      expect(noisy.body.count).toBeGreaterThanOrEqual(23);
      expect(noCursor(noisy.body)).toBe(true);
      const page = await call('GET', '/users/walker/blocks/users?pageSize=5&cursor=undefined&version=v3');
      expect(page.status).toBe(200);
      expect(page.body.count).toBe(5);
      expect(page.body.data).toEqual(noisy.body.data.slice(0, 5));
    });

    it('answers 404 service_resource_not_found for an unknown owner', async () => {
      expectUserNotFound(await call('GET', '/users/ghost/blocks/users'));
      expectUserNotFound(await call('GET', '/users/ghost/blocks/users?pageSize=5'));
    });
  });

  describe('DELETE P/users/{owner}/blocks/users/{blocked} – unblock', () => {
    it('answers 200 with the envelope of the example and the unblocked user', async () => {
      const res = await call('DELETE', '/users/user1/blocks/users/user2');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      // 000 shows the app keys on this example too.
      const { shown } = exampleKeys(scheme, ['action', 'path', 'uri', 'entities', 'timestamp', 'duration'], true);
      expectKeys(res.body, shown);
      expect(res.body.action).toBe('delete');
      expectApp(t, res.body);
      const ownerUuid = await uuidOf('user1');
      expect(res.body.path).toBe(`/users/${ownerUuid}/blocks`);
      expect(res.body.uri).toMatch(new RegExp(`/users/${ownerUuid}/blocks$`));
      expect(res.body.entities).toHaveLength(1);
      expectUserEntity(res.body.entities[0], 'user2', 'testuser');
      expect(await blocked('user1', viaOther)).toEqual([]);
    });

    it('an unblocked friend is still a friend', async () => {
      expect((await call('DELETE', '/users/friendly/blocks/users/pal')).status).toBe(200);
      expect(await blocked('friendly')).toEqual(['stranger']);
      expect((await call('GET', '/users/friendly/contacts/users')).body.data).toEqual(['pal']);
    });

    it('answers 404 service_resource_not_found when the owner or the blocked user does not exist', async () => {
      expectUserNotFound(await call('DELETE', '/users/ghost/blocks/users/pal'));
      expectUserNotFound(await call('DELETE', '/users/friendly/blocks/users/ghost'));
      expect(await blocked('friendly')).toEqual(['stranger']);
    });
  });
});

describe.each(SCHEMES)('the blacklist cap of 500 (%s scheme)', (scheme) => {
  let t: TestEmulator;
  const call: Call = (method, path, body) => t.call(method, path, body, { scheme });
  const many = names('z', 502);

  beforeAll(async () => {
    t = await startTestEmulator();
    await registerUsers(t, ['holder', ...many]);
  });
  afterAll(() => t.close());

  it('holds 500 and answers 403 exceed_limit for more, blocking none of the batch', async () => {
    expect((await call('POST', '/users/holder/blocks/users', { usernames: many.slice(0, 499) })).status).toBe(200);
    // 499 + 2 > 500: the whole batch is refused.
    const over = await call('POST', '/users/holder/blocks/users', { usernames: many.slice(499, 501) });
    expectError(over, 403, 'exceed_limit');
    expect((await call('GET', '/users/holder/blocks/users')).body.count).toBe(499);
    expect((await call('POST', '/users/holder/blocks/users', { usernames: [many[499]] })).status).toBe(200);
    expectError(await call('POST', '/users/holder/blocks/users', { usernames: [many[500]] }), 403, 'exceed_limit');
    // Blocking again someone already there does not grow the list.
    expect((await call('POST', '/users/holder/blocks/users', { usernames: [many[0]] })).status).toBe(200);
  });

  it('neither pageSize nor cursor: all 500, newest first, in one answer without a cursor', async () => {
    const res = await call('GET', '/users/holder/blocks/users');
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(500);
    expect(res.body.data).toHaveLength(500);
    expect(res.body.data[0]).toBe(many[499]);
    expect(res.body.data.slice(1)).toEqual(many.slice(0, 499).reverse());
    expect(noCursor(res.body)).toBe(true);
    const only = await call('GET', '/users/holder/blocks/users?pageSize=50');
    expect(only.body.data).toEqual(res.body.data.slice(0, 50));
    const { visited, sizes } = await walkBlocks(call, 'holder', 50);
    expect(sizes).toEqual(Array(10).fill(50));
    expect(visited).toEqual(res.body.data);
  });
});

// ---- the web SDK's shapes ------------------------------------------------------------------------

// The official web SDK sends some of these calls in other shapes than the seeds print: the plural
// `/users/` for the paged list and the remark, and `needReturnRemark` on the full list.
describe.each(SCHEMES)("the web SDK's shapes (%s scheme)", (scheme) => {
  let t: TestEmulator;
  const call: Call = (method, path, body) => t.call(method, path, body, { scheme });
  const viaOther: Call = (method, path, body) => t.call(method, path, body, { scheme: otherScheme(scheme) });

  beforeAll(async () => {
    t = await startTestEmulator();
    await registerUsers(t, ['owner', 'stranger', 'sdkwalker', ...names('s', 23), ...names('six', 6)]);
    for (const f of names('s', 23)) {
      const res = await call('POST', `/users/owner/contacts/users/${f}`);
      if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    }
    await call('PUT', '/user/owner/contacts/users/s001', { remark: '同事' });
    await call('PUT', '/user/owner/contacts/users/s004', { remark: 'Gym buddy' });
  });
  afterAll(() => t.close());

  describe('GET P/users/{u}/contacts?limit&cursor&needReturnRemark (plural users)', () => {
    it("answers exactly what the seed's GET P/user/{u}/contacts answers, page by page", async () => {
      let cursor: string | undefined;
      const visited: string[] = [];
      for (let page = 1; page <= 10; page++) {
        const q = `?limit=10&needReturnRemark=true${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const plural = await call('GET', `/users/owner/contacts${q}`);
        const singular = await call('GET', `/user/owner/contacts${q}`);
        expect(plural.status, JSON.stringify(plural.body)).toBe(200);
        expectKeys(plural.body, ['uri', 'timestamp', 'entities', 'count', 'action', 'data', 'duration'], ['cursor']);
        expect(plural.body.data).toEqual(singular.body.data);
        expect(plural.body.count).toBe(singular.body.count);
        expect(plural.body.cursor).toEqual(singular.body.cursor);
        expect(plural.body.uri).toBe(`${t.url}${t.prefix(scheme)}/users/owner/contacts`);
        visited.push(...friendNames(plural));
        if (noCursor(plural.body)) break;
        cursor = plural.body.cursor;
      }
      expectEachOnce(visited, names('s', 23));
      const first = await call('GET', '/users/owner/contacts?limit=5&needReturnRemark=true');
      expect(first.body.data.contacts.slice(0, 5)).toEqual([
        { remark: null, username: 's000' },
        { remark: '同事', username: 's001' },
        { remark: null, username: 's002' },
        { remark: null, username: 's003' },
        { remark: 'Gym buddy', username: 's004' },
      ]);
      // Without needReturnRemark, names only; limit defaults to 10.
      const plain = await call('GET', '/users/owner/contacts');
      expect(plain.body.count).toBe(10);
      for (const entry of plain.body.data.contacts) expectKeys(entry, ['username']);
    });

    it("walks to the end reading the cursor where getContactsWithCursor does: data.cursor (6 friends, limit 2)", async () => {
      for (const f of names('six', 6)) expect((await call('POST', `/users/sdkwalker/contacts/users/${f}`)).status).toBe(200);
      const visited: string[] = [];
      let cursor = '';
      for (let page = 1; page <= 10; page++) {
        // The SDK's exact query: an empty cursor on the first page.
        const res = await call('GET', `/users/sdkwalker/contacts?needReturnRemark=true&limit=2&cursor=${encodeURIComponent(cursor)}`);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        visited.push(...friendNames(res));
        if (!res.body.data.cursor) break;
        cursor = res.body.data.cursor;
      }
      expectEachOnce(visited, names('six', 6));
    });

    it('answers 400 illegal_argument with the SDK tests\' message above 50, and 404 for an unknown user', async () => {
      expectError(await call('GET', '/users/owner/contacts?limit=51'), 400, 'illegal_argument', PAGE_TOO_BIG);
      expectError(await call('GET', '/user/owner/contacts?limit=51'), 400, 'illegal_argument', PAGE_TOO_BIG);
      expectUserNotFound(await call('GET', '/users/ghost/contacts?limit=10'));
    });
  });

  describe('PUT P/users/{owner}/contacts/users/{friend} (plural users) – remark', () => {
    it('sets the remark like PUT P/user/…, seen through either scheme', async () => {
      const res = await call('PUT', '/users/owner/contacts/users/s002', { remark: '大学同学 Uni' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expectKeys(res.body, ['action', 'duration', 'status', 'timestamp', 'uri']);
      expect(res.body).toMatchObject({ action: 'put', status: 'ok', uri: `${t.url}${t.prefix(scheme)}/users/owner/contacts/users/s002` });
      const page = await viaOther('GET', '/user/owner/contacts?limit=5&needReturnRemark=true');
      expect(page.body.data.contacts[2]).toEqual({ remark: '大学同学 Uni', username: 's002' });
      // The other side's remark is untouched.
      const other = await call('GET', '/user/s002/contacts?needReturnRemark=true');
      expect(other.body.data.contacts).toEqual([{ remark: null, username: 'owner' }]);
      await call('PUT', '/users/owner/contacts/users/s002', { remark: '' });
      expect((await call('GET', '/user/owner/contacts?limit=5&needReturnRemark=true')).body.data.contacts[2]).toEqual({ remark: null, username: 's002' });
    });

    it('refuses as PUT P/user/… does: not friends, over 100 characters, unknown users', async () => {
      expectError(await call('PUT', '/users/owner/contacts/users/stranger', { remark: 'x' }), 400, 'illegal_argument', NOT_FRIENDS);
      expect((await call('PUT', '/users/owner/contacts/users/s003', { remark: '备'.repeat(100) })).status).toBe(200);
      expectError(await call('PUT', '/users/owner/contacts/users/s003', { remark: '备'.repeat(101) }), 400, 'illegal_argument');
      expectUserNotFound(await call('PUT', '/users/ghost/contacts/users/s003', { remark: 'x' }));
      expectUserNotFound(await call('PUT', '/users/owner/contacts/users/ghost', { remark: 'x' }));
    });
  });

  describe('GET P/users/{owner}/contacts/users?needReturnRemark=true – remarks in entities', () => {
    it('keeps data as documented and adds entities [{username, remark}] in the same order', async () => {
      await call('PUT', '/user/owner/contacts/users/s003', { remark: '室友' });
      const res = await call('GET', '/users/owner/contacts/users?needReturnRemark=true');
      expect(res.status).toBe(200);
      expectKeys(res.body, ['action', 'uri', 'entities', 'data', 'timestamp', 'duration', 'count']);
      expect(res.body.count).toBe(23);
      expectEachOnce(res.body.data, names('s', 23));
      expect(res.body.entities.map((e: { username: string }) => e.username)).toEqual(res.body.data);
      for (const e of res.body.entities) expectKeys(e, ['username', 'remark']);
      expect(res.body.entities.slice(0, 5)).toEqual([
        { username: 's000', remark: null },
        { username: 's001', remark: '同事' },
        { username: 's002', remark: null },
        { username: 's003', remark: '室友' },
        { username: 's004', remark: 'Gym buddy' },
      ]);
    });

    it('leaves entities empty without needReturnRemark=true (as documented)', async () => {
      for (const q of ['', '?needReturnRemark=false']) {
        const res = await call('GET', `/users/owner/contacts/users${q}`);
        expect(res.body.entities).toEqual([]);
        expect(res.body.data).toHaveLength(23);
      }
      const none = await call('GET', '/users/stranger/contacts/users?needReturnRemark=true');
      expect(none.body).toMatchObject({ entities: [], data: [], count: 0 });
    });
  });

  it.each([
    ['GET', '/users/owner/contacts?limit=10'],
    ['PUT', '/users/owner/contacts/users/s001', { remark: 'x' }],
    ['GET', '/users/owner/contacts/users?needReturnRemark=true'],
  ] as [string, string, unknown?][])('%s %s: 401 without a token', async (method, path, body) => {
    expectNoToken(await t.call(method, path, body, { token: null, scheme }));
  });
});

// ---- one app, two schemes ---------------------------------------------------------------------

describe('one app under both schemes', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
    await registerUsers(t, ['x1', 'x2', 'x3', ...names('y', 12)]);
  });
  afterAll(() => t.close());

  for (const [write, read] of [
    ['agora', 'easemob'],
    ['easemob', 'agora'],
  ] as const) {
    it(`shows through ${read} what ${write} wrote`, async () => {
      const w: Call = (m, p, b) => t.call(m, p, b, { scheme: write });
      const r: Call = (m, p, b) => t.call(m, p, b, { scheme: read });
      expect((await w('POST', '/users/x1/contacts/users/x2')).status).toBe(200);
      expect((await w('PUT', '/user/x1/contacts/users/x2', { remark: `via ${write}` })).status).toBe(200);
      expect((await w('POST', '/users/x1/blocks/users', { usernames: ['x3'] })).status).toBe(200);
      expect((await r('GET', '/users/x1/contacts/users')).body.data).toEqual(['x2']);
      expect((await r('GET', '/users/x2/contacts/users')).body.data).toEqual(['x1']);
      expect((await r('GET', '/user/x1/contacts?needReturnRemark=true')).body.data.contacts).toEqual([{ remark: `via ${write}`, username: 'x2' }]);
      expect((await r('GET', '/users/x1/blocks/users')).body.data).toEqual(['x3']);
      expect((await r('DELETE', '/users/x1/blocks/users/x3')).status).toBe(200);
      expect((await r('DELETE', '/users/x1/contacts/users/x2')).status).toBe(200);
      expect((await w('GET', '/users/x1/contacts/users')).body.data).toEqual([]);
      expect((await w('GET', '/users/x1/blocks/users')).body.data).toEqual([]);
    });
  }

  it('a cursor from one scheme continues the walk under the other', async () => {
    for (const y of names('y', 12)) expect((await t.call('POST', `/users/x3/contacts/users/${y}`, undefined, { scheme: 'agora' })).status).toBe(200);
    await t.call('POST', '/users/x3/blocks/users', { usernames: names('y', 12) }, { scheme: 'easemob' });
    let flip = 0;
    const alternate: Call = (m, p, b) => t.call(m, p, b, { scheme: flip++ % 2 ? 'agora' : 'easemob' });
    const friends = await walkContacts(alternate, 'x3', 5);
    expect(friends.sizes).toEqual([5, 5, 2]);
    expectEachOnce(friends.visited, names('y', 12));
    const blocks = await walkBlocks(alternate, 'x3', 5);
    expect(blocks.sizes).toEqual([5, 5, 2]);
    expectEachOnce(blocks.visited, names('y', 12));
  });
});
