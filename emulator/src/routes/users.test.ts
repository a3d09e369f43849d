import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, registerUsers, startTestEmulator, type ApiResponse, type TestEmulator } from '../testing/harness.js';
import { expectError } from '../testing/expect-answers.js';

// 003 (the older v2 page): user management, push settings, online status, offline messages,
// ban/unban and force offline, call by call against a running emulator. Friends and blacklist are
// only used here to observe the cascade of a user's deletion.

// ---- helpers --------------------------------------------------------------------------------

/** The body has every key the example shows, and nothing else but the `optional` ones. */
function expectKeys(body: Record<string, unknown>, shown: string[], optional: string[] = []) {
  for (const k of shown) expect(body, `missing "${k}"`).toHaveProperty(k);
  const allowed = new Set([...shown, ...optional]);
  expect(Object.keys(body).filter((k) => !allowed.has(k)), 'keys the example does not show').toEqual([]);
}

const ENTITY_KEYS = ['uuid', 'type', 'created', 'modified', 'username', 'activated'];

function expectUserEntity(e: Record<string, unknown>, username: string) {
  for (const k of ENTITY_KEYS) expect(e).toHaveProperty(k);
  expect(e.uuid).toMatch(/^[0-9a-f-]{36}$/);
  expect(e.type).toBe('user');
  expect(e.username).toBe(username);
  expect(typeof e.created).toBe('number');
  expect(typeof e.modified).toBe('number');
  expect(typeof e.activated).toBe('boolean');
}

const NOT_FOUND = 'org.apache.usergrid.services.exceptions.ServiceResourceNotFoundException';
const expectUserNotFound = (res: ApiResponse) => expectError(res, 404, 'service_resource_not_found', 'Service resource not found', NOT_FOUND);
const expectNoToken = (res: ApiResponse) => expectError(res, 401, 'unauthorized');

/** All envelopes carrying `application`, `organization` and `applicationName` name this app. */
function expectApp(t: TestEmulator, body: Record<string, unknown>) {
  expect(body.application).toMatch(/^[0-9a-f-]{36}$/);
  expect(body.organization).toBe(t.emulator.options.org);
  expect(body.applicationName).toBe(t.emulator.options.app);
}

const userToken = (t: TestEmulator, username: string, password: string) =>
  t.call('POST', '/token', { grant_type: 'password', username, password }, { token: null });

const exists = async (t: TestEmulator, username: string) => (await t.call('GET', `/users/${username}`)).status === 200;

const long = (n: number, ch = 'a') => ch.repeat(n);

// ---- one emulator for most calls ------------------------------------------------------------

describe('users (003)', () => {
  let t: TestEmulator;
  let application: string;
  const usersUri = (scheme: 'easemob' | 'agora' = 'easemob') => `${t.url}${t.prefix(scheme)}/users`;

  beforeAll(async () => {
    t = await startTestEmulator();
    const tok = await t.call('POST', '/token', { grant_type: 'client_credentials', client_id: t.emulator.options.clientId, client_secret: t.emulator.options.clientSecret }, { token: null });
    application = tok.body.application;
  });
  afterAll(() => t.close());

  describe('POST P/users – register', () => {
    it('open registration: one user without a token, envelope as the example', async () => {
      const res = await t.call('POST', '/users', { username: 'user1', password: '123', nickname: 'testuser' }, { token: null });
      expect(res.status).toBe(200);
      expectKeys(res.body, ['action', 'application', 'path', 'uri', 'entities', 'timestamp', 'duration', 'organization', 'applicationName']);
      expect(res.body.action).toBe('post');
      expect(res.body.path).toBe('/users');
      expect(res.body.uri).toBe(usersUri());
      expect(res.body.application).toBe(application);
      expectApp(t, res.body);
      expect(res.body.entities).toHaveLength(1);
      const e = res.body.entities[0];
      expectKeys(e, [...ENTITY_KEYS, 'nickname']);
      expectUserEntity(e, 'user1');
      expect(e).toMatchObject({ activated: true, nickname: 'testuser' });
      expect(e.modified).toBe(e.created);
      // The user is there, and can log in with the password given.
      expect((await t.call('GET', '/users/user1')).body.entities[0]).toEqual(e);
      expect((await userToken(t, 'user1', '123')).status).toBe(200);
    });

    it('takes the JSON body as the curl examples send it (curl -d: form Content-Type)', async () => {
      const send = (body: string, token?: string) =>
        fetch(`${usersUri()}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          body,
        });
      const open = await send('{"username":"curl1","password":"123","nickname":"testuser"}');
      expect(open.status).toBe(200);
      expect((await open.json()).entities[0]).toMatchObject({ username: 'curl1', nickname: 'testuser' });
      const batch = await send('[{"username":"curl2", "password":"123","nickname":"testuser1"}, {"username":"curl3", "password":"456","nickname":"testuser2"}]', t.token);
      expect(batch.status).toBe(200);
      expect((await batch.json()).entities.map((e: { username: string }) => e.username)).toEqual(['curl2', 'curl3']);
    });

    it('open registration does not take a batch (401), and registers nobody', async () => {
      const res = await t.call('POST', '/users', [{ username: 'openb1', password: 'p' }, { username: 'openb2', password: 'p' }], { token: null });
      expectError(res, 401, 'unauthorized');
      expect(await exists(t, 'openb1')).toBe(false);
      expect(await exists(t, 'openb2')).toBe(false);
      // Not even an array of one.
      expect((await t.call('POST', '/users', [{ username: 'openb3', password: 'p' }], { token: null })).status).toBe(401);
      expect(await exists(t, 'openb3')).toBe(false);
    });

    it('authorized registration of one user (object body): params {} as the example', async () => {
      const res = await t.call('POST', '/users', { username: 'authone', password: '123', nickname: 'testuser' });
      expect(res.status).toBe(200);
      expectKeys(res.body, ['action', 'application', 'params', 'path', 'uri', 'entities', 'timestamp', 'duration', 'organization', 'applicationName']);
      expect(res.body.params).toEqual({});
      expect(res.body.entities).toHaveLength(1);
      expectUserEntity(res.body.entities[0], 'authone');
    });

    it('authorized registration as the example sends it (an array of one): params {} and data []', async () => {
      // 003 shows this call once with `params: {}` and once (batch) with `data: []`: both are answered.
      const res = await t.call('POST', '/users', [{ username: 'authtwo', password: '123', nickname: 'testuser' }]);
      expect(res.status).toBe(200);
      expectKeys(res.body, ['action', 'application', 'params', 'path', 'uri', 'entities', 'timestamp', 'data', 'duration', 'organization', 'applicationName']);
      expect(res.body.params).toEqual({});
      expect(res.body.data).toEqual([]);
      expect(res.body.entities.map((e: { username: string }) => e.username)).toEqual(['authtwo']);
    });

    it('batch: the created in entities, data [] when all succeed', async () => {
      const res = await t.call('POST', '/users', [
        { username: 'bu1', password: '123', nickname: 'testuser1' },
        { username: 'bu2', password: '456', nickname: 'testuser2' },
      ]);
      expect(res.status).toBe(200);
      expectKeys(res.body, ['action', 'application', 'path', 'uri', 'entities', 'timestamp', 'data', 'duration', 'organization', 'applicationName'], ['params']);
      expect(res.body.action).toBe('post');
      expect(res.body.path).toBe('/users');
      expect(res.body.uri).toBe(usersUri());
      expectApp(t, res.body);
      expect(res.body.data).toEqual([]);
      expect(res.body.entities).toHaveLength(2);
      expectUserEntity(res.body.entities[0], 'bu1');
      expectUserEntity(res.body.entities[1], 'bu2');
      expect(res.body.entities[0].nickname).toBe('testuser1');
      expect(res.body.entities[1].nickname).toBe('testuser2');
      expect((await userToken(t, 'bu2', '456')).status).toBe(200);
    });

    it('batch with an existing user: the others are created, the existing one is reported in data[]', async () => {
      await registerUsers(t, ['bu3']);
      const res = await t.call('POST', '/users', [
        { username: 'bu4', password: '123', nickname: 'testuser1' },
        { username: 'bu5', password: '456', nickname: 'testuser2' },
        { username: 'bu3', password: '789', nickname: 'testuser3' },
      ]);
      expect(res.status).toBe(200);
      expect(res.body.entities.map((e: { username: string }) => e.username)).toEqual(['bu4', 'bu5']);
      expect(res.body.data).toEqual([{ username: 'bu3', registerUserFailReason: 'the bu3 already exists' }]);
      // The existing user kept its password.
      expect((await userToken(t, 'bu3', '789')).status).toBe(400);
      expect((await userToken(t, 'bu3', 'pw-bu3')).status).toBe(200);
    });

    it('batch: each illegal user fails alone in data[] with a registerUserFailReason', async () => {
      const bad = [
        { username: long(65), password: 'p' },
        { username: 'has space', password: 'p' },
        { username: '用户', password: 'p' },
        { username: 'a@b', password: 'p' },
        { username: 'okname1', password: long(65) },
        { username: 'okname2', password: '' },
        { username: 'okname3', password: 'p', nickname: long(101) },
        { username: 'dupinbatch', password: 'p' },
        { username: 'DupInBatch', password: 'p' },
      ];
      const res = await t.call('POST', '/users', [{ username: 'goodinbatch', password: 'p' }, ...bad]);
      expect(res.status).toBe(200);
      expect(res.body.entities.map((e: { username: string }) => e.username)).toEqual(['goodinbatch', 'dupinbatch']);
      const failed = res.body.data as { username: string; registerUserFailReason: string }[];
      expect(failed.map((f) => f.username)).toEqual([long(65), 'has space', '用户', 'a@b', 'okname1', 'okname2', 'okname3', 'DupInBatch']);
      for (const f of failed) {
        expectKeys(f, ['username', 'registerUserFailReason']);
        expect(f.registerUserFailReason.length).toBeGreaterThan(0);
      }
      expect(failed.at(-1)!.registerUserFailReason).toBe('the DupInBatch already exists');
      for (const name of ['okname1', 'okname2', 'okname3']) expect(await exists(t, name)).toBe(false);
    });

    it('duplicate → 400 duplicate_unique_property_exists, with or without a token, in any letter case', async () => {
      await registerUsers(t, ['dupe1']);
      for (const [username, token] of [['dupe1', undefined], ['DUPE1', undefined], ['dupe1', null]] as const) {
        const res = await t.call('POST', '/users', { username, password: 'x' }, token === null ? { token: null } : {});
        expectError(
          res,
          400,
          'duplicate_unique_property_exists',
          `Application null Entity user requires that property named username be unique, value of ${username} exists`,
          'org.apache.usergrid.persistence.exceptions.DuplicateUniquePropertyExistsException',
        );
      }
      expect((await userToken(t, 'dupe1', 'x')).status).toBe(400);
    });

    it('username: up to 64 of [a-z0-9_.-], case-insensitive, stored lower-case', async () => {
      const ok64 = `u${long(63, 'x')}`;
      const res = await t.call('POST', '/users', { username: ok64, password: 'p' });
      expect(res.status).toBe(200);
      expect(res.body.entities[0].username).toBe(ok64);

      const mixed = await t.call('POST', '/users', { username: 'Mixed.Case_Name-9', password: 'p' });
      expect(mixed.status).toBe(200);
      expect(mixed.body.entities[0].username).toBe('mixed.case_name-9');
      expect((await t.call('GET', '/users/mixed.case_name-9')).status).toBe(200);
      expect((await t.call('GET', '/users/MIXED.CASE_NAME-9')).body.entities[0].username).toBe('mixed.case_name-9');

      for (const username of [`u${long(64, 'x')}`, '', 'has space', 'a@b', 'a+b', '用户', 'a/b']) {
        const bad = await t.call('POST', '/users', { username, password: 'p' });
        expectError(bad, 400, 'illegal_argument');
      }
      expect(await exists(t, `u${long(64, 'x')}`)).toBe(false);
    });

    it('password ≤ 64 and not empty; nickname ≤ 100', async () => {
      expect((await t.call('POST', '/users', { username: 'pw64', password: long(64) })).status).toBe(200);
      expect((await userToken(t, 'pw64', long(64))).status).toBe(200);
      expectError(await t.call('POST', '/users', { username: 'pw65', password: long(65) }), 400, 'illegal_argument');
      expectError(await t.call('POST', '/users', { username: 'pw0', password: '' }), 400, 'illegal_argument');
      expectError(await t.call('POST', '/users', { username: 'nopw' }), 400, 'illegal_argument');
      const nick100 = await t.call('POST', '/users', { username: 'nick100', password: 'p', nickname: long(100, '名') });
      expect(nick100.status).toBe(200);
      expect(nick100.body.entities[0].nickname).toBe(long(100, '名'));
      expectError(await t.call('POST', '/users', { username: 'nick101', password: 'p', nickname: long(101) }), 400, 'illegal_argument');
      for (const name of ['pw65', 'pw0', 'nopw', 'nick101']) expect(await exists(t, name)).toBe(false);
    });

    it('a user without a nickname has no nickname key', async () => {
      const res = await t.call('POST', '/users', { username: 'nonick', password: 'p' });
      expectKeys(res.body.entities[0], ENTITY_KEYS);
    });

    it('batch takes at most 60 users: 60 pass, 61 → 400 illegal_argument and nobody is registered', async () => {
      const users = (n: number, p: string) => Array.from({ length: n }, (_, i) => ({ username: `${p}${String(i).padStart(2, '0')}`, password: 'p' }));
      const ok = await t.call('POST', '/users', users(60, 'sixty'));
      expect(ok.status).toBe(200);
      expect(ok.body.entities).toHaveLength(60);
      expect(ok.body.data).toEqual([]);
      const over = await t.call('POST', '/users', users(61, 'over'));
      expectError(over, 400, 'illegal_argument', 'request user over flow limit:60');
      expect(await exists(t, 'over00')).toBe(false);
      expect(await exists(t, 'over60')).toBe(false);
    });

    it('a bad token is refused with 401 auth_bad_access_token (the authorized example)', async () => {
      const res = await t.call('POST', '/users', { username: 'badtok', password: 'p' }, { token: 'YWMtnotatoken' });
      expectError(res, 401, 'auth_bad_access_token', 'Unable to authenticate due to corrupt access token', 'org.apache.usergrid.rest.exceptions.SecurityException');
      expect(await exists(t, 'badtok')).toBe(false);
    });

    it('both path schemes register into the same app', async () => {
      const res = await t.call('POST', '/users', { username: 'viaagora', password: 'p', nickname: 'A' }, { scheme: 'agora' });
      expect(res.status).toBe(200);
      expect(res.body.uri).toBe(usersUri('agora'));
      expect(res.body.application).toBe(application);
      expect((await t.call('GET', '/users/viaagora')).body.entities[0]).toEqual(res.body.entities[0]);
      // And a duplicate across schemes is a duplicate.
      expectError(await t.call('POST', '/users', { username: 'viaagora', password: 'p' }), 400, 'duplicate_unique_property_exists');
    });
  });

  describe('GET P/users/{username}', () => {
    it('answers the user in entities[0] with the example envelope and count 1', async () => {
      await registerUsers(t, ['getme']);
      const res = await t.call('GET', '/users/getme');
      expect(res.status).toBe(200);
      expectKeys(res.body, ['action', 'path', 'uri', 'entities', 'timestamp', 'duration', 'count']);
      expect(res.body.action).toBe('get');
      expect(res.body.path).toBe('/users');
      expect(res.body.uri).toBe(`${usersUri()}/getme`);
      expect(res.body.count).toBe(1);
      expect(res.body.entities).toHaveLength(1);
      expectKeys(res.body.entities[0], ENTITY_KEYS);
      expectUserEntity(res.body.entities[0], 'getme');
      expect(res.body.entities[0].activated).toBe(true);
    });

    it('is the same entity under the Agora scheme', async () => {
      const a = await t.call('GET', '/users/getme');
      const b = await t.call('GET', '/users/getme', undefined, { scheme: 'agora' });
      expect(b.status).toBe(200);
      expect(b.body.uri).toBe(`${usersUri('agora')}/getme`);
      expect(b.body.entities).toEqual(a.body.entities);
    });

    it('404 service_resource_not_found for an unknown user', async () => {
      expectUserNotFound(await t.call('GET', '/users/no-such-user'));
      expectUserNotFound(await t.call('GET', '/users/no-such-user', undefined, { scheme: 'agora' }));
    });

    it('401 without a token or with a bad one', async () => {
      expectNoToken(await t.call('GET', '/users/getme', undefined, { token: null }));
      expectError(await t.call('GET', '/users/getme', undefined, { token: 'bad' }), 401, 'auth_bad_access_token');
    });
  });

  describe('DELETE P/users/{username}', () => {
    it('answers the deleted user with the example envelope', async () => {
      await registerUsers(t, ['delme']);
      const before = (await t.call('GET', '/users/delme')).body.entities[0];
      const res = await t.call('DELETE', '/users/delme');
      expect(res.status).toBe(200);
      expectKeys(res.body, ['action', 'application', 'path', 'uri', 'entities', 'timestamp', 'duration', 'organization', 'applicationName']);
      expect(res.body.action).toBe('delete');
      expect(res.body.path).toBe('/users');
      expect(res.body.uri).toBe(usersUri());
      expectApp(t, res.body);
      expect(res.body.entities).toEqual([before]);
      expectUserNotFound(await t.call('GET', '/users/delme'));
      // The name is free again.
      expect((await t.call('POST', '/users', { username: 'delme', password: 'p' })).status).toBe(200);
    });

    it('cascades: friendships, blacklist entries both ways, memberships, and the groups the user owns', async () => {
      await registerUsers(t, ['own', 'fr', 'blk', 'blkr', 'mem', 'owner2']);
      expect((await t.call('POST', '/users/own/contacts/users/fr')).status).toBe(200);
      expect((await t.call('POST', '/users/own/blocks/users', { usernames: ['blk'] })).status).toBe(200);
      expect((await t.call('POST', '/users/blkr/blocks/users', { usernames: ['own'] })).status).toBe(200);
      const owned = await createGroup(t, 'own', ['mem', 'fr']);
      const joined = await createGroup(t, 'owner2', ['own', 'mem']);

      const friendsOf = async (u: string) => (await t.call('GET', `/users/${u}/contacts/users`)).body.data as string[];
      const blocksOf = async (u: string) => (await t.call('GET', `/users/${u}/blocks/users`)).body.data as string[];
      const membersOf = async (g: string) =>
        ((await t.call('GET', `/chatgroups/${g}/users`)).body.data as Record<string, string>[]).map((m) => m.owner ?? m.member);
      const groupsOf = async (u: string) =>
        ((await t.call('GET', `/users/${u}/joined_chatgroups`)).body.data as { groupid: string }[]).map((g) => g.groupid);

      // The state is really there first.
      expect(await friendsOf('fr')).toEqual(['own']);
      expect(await blocksOf('blkr')).toEqual(['own']);
      expect(await blocksOf('own')).toEqual(['blk']);
      expect(await membersOf(owned)).toEqual(['own', 'mem', 'fr']);
      expect(await membersOf(joined)).toEqual(['owner2', 'own', 'mem']);
      expect((await groupsOf('mem')).sort()).toEqual([owned, joined].sort());

      const res = await t.call('DELETE', '/users/own', undefined, { scheme: 'agora' });
      expect(res.status).toBe(200);
      expect(res.body.entities[0].username).toBe('own');

      expectUserNotFound(await t.call('GET', '/users/own'));
      expect(await friendsOf('fr')).toEqual([]);
      expect(await blocksOf('blkr')).toEqual([]);
      expect((await t.call('GET', `/chatgroups/${owned}`)).status).toBe(404);
      expect((await t.call('GET', `/chatgroups/${owned}/users`)).status).toBe(404);
      expect(await membersOf(joined)).toEqual(['owner2', 'mem']);
      expect(await groupsOf('mem')).toEqual([joined]);
      expect(await groupsOf('fr')).toEqual([]);
      // Only `own` went.
      for (const u of ['fr', 'blk', 'blkr', 'mem', 'owner2']) expect(await exists(t, u)).toBe(true);

      // A new user under the same name starts with nothing of the old one.
      await registerUsers(t, ['own']);
      expect(await friendsOf('own')).toEqual([]);
      expect(await friendsOf('fr')).toEqual([]);
      expect(await blocksOf('own')).toEqual([]);
      expect(await blocksOf('blkr')).toEqual([]);
      expect(await groupsOf('own')).toEqual([]);
    });

    it('404 service_resource_not_found for an unknown user; 401 without a token', async () => {
      expectUserNotFound(await t.call('DELETE', '/users/no-such-user'));
      await registerUsers(t, ['keepme']);
      expectNoToken(await t.call('DELETE', '/users/keepme', undefined, { token: null }));
      expect(await exists(t, 'keepme')).toBe(true);
    });
  });

  describe('PUT P/users/{username}/password', () => {
    it('changes the password: the old one no longer gets a token, the new one does', async () => {
      await registerUsers(t, ['pwuser']);
      expect((await userToken(t, 'pwuser', 'pw-pwuser')).status).toBe(200);
      const res = await t.call('PUT', '/users/pwuser/password', { newpassword: '123' });
      expect(res.status).toBe(200);
      expectKeys(res.body, ['action', 'timestamp', 'duration']);
      expect(res.body.action).toBe('set user password');
      expectError(await userToken(t, 'pwuser', 'pw-pwuser'), 400, 'invalid_grant', 'invalid password');
      const ok = await userToken(t, 'pwuser', '123');
      expect(ok.status).toBe(200);
      expect(ok.body.user.username).toBe('pwuser');
    });

    it('works under the Agora scheme too', async () => {
      const res = await t.call('PUT', '/users/pwuser/password', { newpassword: 'agora-pw' }, { scheme: 'agora' });
      expect(res.status).toBe(200);
      expect((await userToken(t, 'pwuser', '123')).status).toBe(400);
      expect((await userToken(t, 'pwuser', 'agora-pw')).status).toBe(200);
    });

    it('404 entity_not_found "User null not found" for an unknown user', async () => {
      const res = await t.call('PUT', '/users/no-such-user/password', { newpassword: '123' });
      expectError(res, 404, 'entity_not_found', 'User null not found', 'org.apache.usergrid.persistence.exceptions.EntityNotFoundException');
    });

    it('keeps to the 64-character password limit', async () => {
      expect((await t.call('PUT', '/users/pwuser/password', { newpassword: long(64) })).status).toBe(200);
      expect((await userToken(t, 'pwuser', long(64))).status).toBe(200);
      expectError(await t.call('PUT', '/users/pwuser/password', { newpassword: long(65) }), 400, 'illegal_argument');
      expect((await userToken(t, 'pwuser', long(64))).status).toBe(200);
    });

    it('401 without a token, and the password stays', async () => {
      expectNoToken(await t.call('PUT', '/users/pwuser/password', { newpassword: 'hijack' }, { token: null }));
      expect((await userToken(t, 'pwuser', 'hijack')).status).toBe(400);
    });
  });

  describe('PUT P/users/{username} – push nickname and notification settings', () => {
    const PUT_KEYS = ['action', 'application', 'path', 'uri', 'entities', 'timestamp', 'duration', 'organization', 'applicationName'];

    beforeAll(async () => {
      await registerUsers(t, ['pushuser']);
    });

    it('a fresh user shows none of the optional settings', async () => {
      const e = (await t.call('GET', '/users/pushuser')).body.entities[0];
      expectKeys(e, ENTITY_KEYS);
    });

    it('{nickname} sets the push nickname, shown in the entity', async () => {
      const res = await t.call('PUT', '/users/pushuser', { nickname: 'testuser' });
      expect(res.status).toBe(200);
      expectKeys(res.body, PUT_KEYS);
      expect(res.body.action).toBe('put');
      expect(res.body.path).toBe('/users');
      expect(res.body.uri).toBe(usersUri());
      expectApp(t, res.body);
      const e = res.body.entities[0];
      expectUserEntity(e, 'pushuser');
      expect(e.nickname).toBe('testuser');
      expect(e.modified).toBeGreaterThanOrEqual(e.created);
      expect((await t.call('GET', '/users/pushuser')).body.entities[0].nickname).toBe('testuser');
    });

    it('nickname ≤ 100 characters', async () => {
      expect((await t.call('PUT', '/users/pushuser', { nickname: long(100, '昵') })).body.entities[0].nickname).toBe(long(100, '昵'));
      expectError(await t.call('PUT', '/users/pushuser', { nickname: long(101) }), 400, 'illegal_argument');
      expect((await t.call('GET', '/users/pushuser')).body.entities[0].nickname).toBe(long(100, '昵'));
      await t.call('PUT', '/users/pushuser', { nickname: 'testuser' });
    });

    it('{notification_display_style: "1"} then 0, shown as a number', async () => {
      const one = await t.call('PUT', '/users/pushuser', { notification_display_style: '1' });
      expect(one.status).toBe(200);
      expectKeys(one.body, PUT_KEYS);
      expect(one.body.entities[0].notification_display_style).toBe(1);
      expect(one.body.entities[0].nickname).toBe('testuser');
      const zero = await t.call('PUT', '/users/pushuser', { notification_display_style: 0 });
      expect(zero.body.entities[0].notification_display_style).toBe(0);
      expect((await t.call('GET', '/users/pushuser')).body.entities[0].notification_display_style).toBe(0);
    });

    it('{notification_no_disturbing, _start, _end} sets no-disturbing hours; false turns it off', async () => {
      const on = await t.call('PUT', '/users/pushuser', { notification_no_disturbing: true, notification_no_disturbing_start: '1', notification_no_disturbing_end: '3' });
      expect(on.status).toBe(200);
      expectKeys(on.body, PUT_KEYS);
      expect(on.body.entities[0]).toMatchObject({
        username: 'pushuser',
        activated: true,
        notification_no_disturbing: true,
        notification_no_disturbing_start: 1,
        notification_no_disturbing_end: 3,
        notification_display_style: 0,
        nickname: 'testuser',
      });
      const off = await t.call('PUT', '/users/pushuser', { notification_no_disturbing: false });
      expect(off.status).toBe(200);
      expect(off.body.entities[0].notification_no_disturbing).toBe(false);
      const got = (await t.call('GET', '/users/pushuser')).body.entities[0];
      expect(got.notification_no_disturbing).toBe(false);
      // And the list shows the same entity.
      const listed = (await t.call('GET', '/users?limit=100')).body.entities.find((e: { username: string }) => e.username === 'pushuser');
      expect(listed).toEqual(got);
    });

    it('works under the Agora scheme, read back under the Easemob one', async () => {
      const res = await t.call('PUT', '/users/pushuser', { nickname: 'via agora' }, { scheme: 'agora' });
      expect(res.status).toBe(200);
      expect(res.body.uri).toBe(usersUri('agora'));
      expect((await t.call('GET', '/users/pushuser')).body.entities[0].nickname).toBe('via agora');
    });

    it('400 required_property_not_found for an unknown user', async () => {
      for (const body of [{ nickname: 'x' }, { notification_display_style: 1 }, { notification_no_disturbing: false }]) {
        const res = await t.call('PUT', '/users/no-such-user', body);
        expectError(
          res,
          400,
          'required_property_not_found',
          'Entity user requires a property named username',
          'org.apache.usergrid.persistence.exceptions.RequiredPropertyNotFoundException',
        );
      }
      expect(await exists(t, 'no-such-user')).toBe(false);
    });

    it('401 without a token', async () => {
      expectNoToken(await t.call('PUT', '/users/pushuser', { nickname: 'nope' }, { token: null }));
      expect((await t.call('GET', '/users/pushuser')).body.entities[0].nickname).toBe('via agora');
    });
  });

  describe('online status', () => {
    beforeAll(async () => {
      await registerUsers(t, ['st1', 'st2']);
    });

    it('GET P/users/{u}/status: data {u: "offline"} with the example envelope', async () => {
      const res = await t.call('GET', '/users/st1/status');
      expect(res.status).toBe(200);
      expectKeys(res.body, ['action', 'uri', 'entities', 'data', 'timestamp', 'duration', 'count']);
      expect(res.body.action).toBe('get');
      expect(res.body.uri).toBe(`${usersUri()}/st1/status`);
      expect(res.body.entities).toEqual([]);
      expect(res.body.data).toEqual({ st1: 'offline' });
      expect(res.body.count).toBe(0);
    });

    it('404 for an unknown user; 401 without a token', async () => {
      expectUserNotFound(await t.call('GET', '/users/no-such-user/status'));
      expectNoToken(await t.call('GET', '/users/st1/status', undefined, { token: null }));
    });

    it('POST P/users/batch/status: one {name: status} per name, in order; unknown names are offline', async () => {
      const res = await t.call('POST', '/users/batch/status', { usernames: ['st1', 'st2', 'never-registered'] });
      expect(res.status).toBe(200);
      expectKeys(res.body, ['action', 'data', 'timestamp', 'duration']);
      expect(res.body.action).toBe('get batch user status');
      expect(res.body.data).toEqual([{ st1: 'offline' }, { st2: 'offline' }, { 'never-registered': 'offline' }]);
    });

    it('batch status does not validate names', async () => {
      const res = await t.call('POST', '/users/batch/status', { usernames: ['Not Valid!', '用户'] }, { scheme: 'agora' });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([{ 'Not Valid!': 'offline' }, { 用户: 'offline' }]);
    });

    it('batch status takes at most 100 names', async () => {
      const names = (n: number) => Array.from({ length: n }, (_, i) => `n${i}`);
      const ok = await t.call('POST', '/users/batch/status', { usernames: names(100) });
      expect(ok.status).toBe(200);
      expect(ok.body.data).toHaveLength(100);
      expect(ok.body.data[99]).toEqual({ n99: 'offline' });
      expectError(await t.call('POST', '/users/batch/status', { usernames: names(101) }), 400, 'illegal_argument');
    });

    it('batch status: 401 without a token', async () => {
      expectNoToken(await t.call('POST', '/users/batch/status', { usernames: ['st1'] }, { token: null }));
    });
  });

  describe('offline messages', () => {
    beforeAll(async () => {
      await registerUsers(t, ['om1']);
    });

    it('GET P/users/{u}/offline_msg_count: data {u: 0} for a user with none', async () => {
      const res = await t.call('GET', '/users/om1/offline_msg_count');
      expect(res.status).toBe(200);
      expectKeys(res.body, ['action', 'uri', 'entities', 'data', 'timestamp', 'duration', 'count']);
      expect(res.body.action).toBe('get');
      expect(res.body.uri).toBe(`${usersUri()}/om1/offline_msg_count`);
      expect(res.body.entities).toEqual([]);
      expect(res.body.data).toEqual({ om1: 0 });
      expect(res.body.count).toBe(0);
    });

    it('GET P/users/{u}/offline_msg_status/{msg_id}: data {msg_id: "delivered"} for a message not queued', async () => {
      const res = await t.call('GET', '/users/om1/offline_msg_status/123');
      expect(res.status).toBe(200);
      expectKeys(res.body, ['action', 'uri', 'entities', 'data', 'timestamp', 'duration', 'count']);
      expect(res.body.action).toBe('get');
      expect(res.body.uri).toBe(`${usersUri()}/om1/offline_msg_status/123`);
      expect(res.body.data).toEqual({ '123': 'delivered' });
      expect(res.body.count).toBe(0);
    });

    it('404 for an unknown user; 401 without a token', async () => {
      expectUserNotFound(await t.call('GET', '/users/no-such-user/offline_msg_count'));
      expectUserNotFound(await t.call('GET', '/users/no-such-user/offline_msg_status/123'));
      expectNoToken(await t.call('GET', '/users/om1/offline_msg_count', undefined, { token: null }));
      expectNoToken(await t.call('GET', '/users/om1/offline_msg_status/123', undefined, { token: null }));
    });
  });

  describe('deactivate / activate', () => {
    beforeAll(async () => {
      await registerUsers(t, ['ban1']);
    });

    it('POST P/users/{u}/deactivate: entities show activated false; the user cannot get a token', async () => {
      const res = await t.call('POST', '/users/ban1/deactivate');
      expect(res.status).toBe(200);
      expectKeys(res.body, ['action', 'entities', 'timestamp', 'duration']);
      expect(res.body.action).toBe('Deactivate user');
      expect(res.body.entities).toHaveLength(1);
      expectUserEntity(res.body.entities[0], 'ban1');
      expect(res.body.entities[0].activated).toBe(false);
      expect((await t.call('GET', '/users/ban1')).body.entities[0].activated).toBe(false);
      const login = await userToken(t, 'ban1', 'pw-ban1');
      expect(login.status).toBe(400);
      expect(login.body.error).toBe('invalid_grant');
      expect(login.body).not.toHaveProperty('access_token');
      expect((await t.call('GET', '/users/ban1/status')).body.data).toEqual({ ban1: 'offline' });
    });

    it('deactivate an unknown user → 400 management', async () => {
      const res = await t.call('POST', '/users/no-such-user/deactivate');
      expectError(res, 400, 'management', `User with id null does not exist in app ${application}`, 'org.apache.usergrid.management.exceptions.ManagementException');
    });

    it('POST P/users/{u}/activate: {action: "activate user"}; the user can log in again', async () => {
      const res = await t.call('POST', '/users/ban1/activate', undefined, { scheme: 'agora' });
      expect(res.status).toBe(200);
      expectKeys(res.body, ['action', 'timestamp', 'duration']);
      expect(res.body.action).toBe('activate user');
      expect((await t.call('GET', '/users/ban1')).body.entities[0].activated).toBe(true);
      expect((await userToken(t, 'ban1', 'pw-ban1')).status).toBe(200);
    });

    it('activate an unknown user → 404 service_resource_not_found', async () => {
      expectUserNotFound(await t.call('POST', '/users/no-such-user/activate'));
    });

    it('401 without a token, and nothing changes', async () => {
      expect((await t.call('POST', '/users/ban1/deactivate', undefined, { token: null })).status).toBe(401);
      expect((await t.call('GET', '/users/ban1')).body.entities[0].activated).toBe(true);
      expect((await t.call('POST', '/users/ban1/activate', undefined, { token: null })).status).toBe(401);
    });
  });

  describe('GET P/users/{u}/disconnect', () => {
    it('answers data {result: true} with the example envelope', async () => {
      await registerUsers(t, ['dc1']);
      const res = await t.call('GET', '/users/dc1/disconnect');
      expect(res.status).toBe(200);
      expectKeys(res.body, ['action', 'uri', 'entities', 'data', 'timestamp', 'duration', 'count']);
      expect(res.body.action).toBe('get');
      expect(res.body.uri).toBe(`${usersUri()}/dc1/disconnect`);
      expect(res.body.entities).toEqual([]);
      expect(res.body.data).toEqual({ result: true });
      expect(res.body.count).toBe(0);
      expect((await t.call('GET', '/users/dc1/status')).body.data).toEqual({ dc1: 'offline' });
    });

    it('404 for an unknown user; 401 without a token', async () => {
      expectUserNotFound(await t.call('GET', '/users/no-such-user/disconnect'));
      expectNoToken(await t.call('GET', '/users/dc1/disconnect', undefined, { token: null }));
    });
  });
});

// ---- listing: its own emulator, so the set of users is known ---------------------------------

describe('GET P/users – list with cursor (003)', () => {
  let t: TestEmulator;
  const names = Array.from({ length: 25 }, (_, i) => `list${String(i).padStart(2, '0')}`);
  const LIST_KEYS = ['action', 'params', 'path', 'uri', 'entities', 'timestamp', 'duration', 'count'];

  beforeAll(async () => {
    t = await startTestEmulator();
    // One by one, so creation order is the order of names.
    for (const n of names) await registerUsers(t, [n]);
  });
  afterAll(() => t.close());

  async function walk(limit: number, scheme: 'easemob' | 'agora' = 'easemob') {
    const pages: ApiResponse[] = [];
    let cursor: string | undefined;
    do {
      const q = cursor ? `?limit=${limit}&cursor=${encodeURIComponent(cursor)}` : `?limit=${limit}`;
      const res = await t.call('GET', `/users${q}`, undefined, { scheme });
      expect(res.status).toBe(200);
      pages.push(res);
      cursor = res.body.cursor ?? undefined;
      expect(pages.length).toBeLessThanOrEqual(names.length + 1);
    } while (cursor);
    return pages;
  }

  it('walks 25 users with limit 7: pages of 7, 7, 7, 4, each user exactly once, by creation time', async () => {
    const pages = await walk(7);
    expect(pages.map((p) => p.body.count)).toEqual([7, 7, 7, 4]);
    const seen = pages.flatMap((p) => p.body.entities.map((e: { username: string }) => e.username));
    expect(seen).toEqual(names);
    for (const [i, p] of pages.entries()) {
      const last = i === pages.length - 1;
      expectKeys(p.body, LIST_KEYS, last ? [] : ['cursor']);
      expect(p.body.action).toBe('get');
      expect(p.body.path).toBe('/users');
      expect(p.body.uri).toBe(`${t.url}${t.prefix()}/users`);
      expect(p.body.count).toBe(p.body.entities.length);
      for (const e of p.body.entities) expectUserEntity(e, e.username);
      if (last) {
        // No more pages: no cursor (absent or null), never "".
        expect(p.body.cursor ?? null).toBeNull();
      } else {
        expect(typeof p.body.cursor).toBe('string');
        expect(p.body.cursor.length).toBeGreaterThan(0);
      }
    }
    const created = pages.flatMap((p) => p.body.entities.map((e: { created: number }) => e.created));
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it('echoes the query in params as the examples: {limit: ["7"]}, then {cursor: [c], limit: ["7"]}', async () => {
    const first = await t.call('GET', '/users?limit=7');
    expect(first.body.params).toEqual({ limit: ['7'] });
    const second = await t.call('GET', `/users?limit=7&cursor=${first.body.cursor}`);
    expect(second.body.params).toEqual({ cursor: [first.body.cursor], limit: ['7'] });
    expect(second.body.entities[0].username).toBe('list07');
  });

  it('the Agora scheme walks the same users, and cursors work across schemes', async () => {
    const pages = await walk(7, 'agora');
    expect(pages.flatMap((p) => p.body.entities.map((e: { username: string }) => e.username))).toEqual(names);
    expect(pages[0]!.body.uri).toBe(`${t.url}${t.prefix('agora')}/users`);
    const cursor = pages[0]!.body.cursor as string;
    const res = await t.call('GET', `/users?limit=7&cursor=${cursor}`);
    expect(res.body.entities[0].username).toBe('list07');
  });

  it('exactly limit users left: the page that takes the last one has no cursor', async () => {
    const pages = await walk(5);
    expect(pages.map((p) => p.body.count)).toEqual([5, 5, 5, 5, 5]);
    expect(pages.at(-1)!.body.cursor ?? null).toBeNull();
    const one = await t.call('GET', '/users?limit=25');
    expect(one.body.count).toBe(25);
    expect(one.body.cursor ?? null).toBeNull();
  });

  it('without limit: 10 by default and params {}', async () => {
    const res = await t.call('GET', '/users');
    expect(res.status).toBe(200);
    expect(res.body.params).toEqual({});
    expect(res.body.count).toBe(10);
    expect(typeof res.body.cursor).toBe('string');
  });

  it('a limit above 100 is clamped, not refused', async () => {
    const res = await t.call('GET', '/users?limit=500');
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(25);
  });

  it('401 without a token', async () => {
    expectNoToken(await t.call('GET', '/users?limit=7', undefined, { token: null }));
  });
});

describe('DELETE P/users?limit=N (003)', () => {
  let t: TestEmulator;

  beforeAll(async () => {
    t = await startTestEmulator();
    await registerUsers(t, ['d1', 'd2', 'd3', 'd4', 'd5']);
    expect((await t.call('POST', '/users/d1/contacts/users/d5')).status).toBe(200);
    expect((await t.call('POST', '/users/d2/contacts/users/d5')).status).toBe(200);
  });
  afterAll(() => t.close());

  const listNames = async () => ((await t.call('GET', '/users?limit=100')).body.entities as { username: string }[]).map((e) => e.username);

  it('refuses a limit outside 1..1000 and deletes nobody', async () => {
    expectError(await t.call('DELETE', '/users?limit=0'), 400, 'illegal_argument');
    expectError(await t.call('DELETE', '/users?limit=1001'), 400, 'illegal_argument');
    expect(await listNames()).toHaveLength(5);
  });

  it('401 without a token and deletes nobody', async () => {
    expectNoToken(await t.call('DELETE', '/users?limit=2', undefined, { token: null }));
    expect(await listNames()).toHaveLength(5);
  });

  it('deletes N users, lists them in entities with the example envelope, and cascades', async () => {
    const res = await t.call('DELETE', '/users?limit=2');
    expect(res.status).toBe(200);
    expectKeys(res.body, ['action', 'application', 'params', 'path', 'uri', 'entities', 'timestamp', 'duration', 'organization', 'applicationName', 'cursor']);
    expect(res.body.action).toBe('delete');
    expect(res.body.params).toEqual({ limit: ['2'] });
    expect(res.body.path).toBe('/users');
    expect(res.body.uri).toBe(`${t.url}${t.prefix()}/users`);
    expectApp(t, res.body);
    expect(typeof res.body.cursor).toBe('string');
    const deleted = (res.body.entities as { username: string }[]).map((e) => e.username);
    expect(deleted).toHaveLength(2);
    for (const e of res.body.entities) expectUserEntity(e, e.username);
    for (const u of deleted) expectUserNotFound(await t.call('GET', `/users/${u}`));
    const left = await listNames();
    expect(left).toHaveLength(3);
    expect([...left, ...deleted].sort()).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
    // Friendships of the deleted users are gone with them.
    if (left.includes('d5')) {
      const friends = (await t.call('GET', '/users/d5/contacts/users')).body.data as string[];
      expect(friends).toEqual(['d1', 'd2'].filter((u) => left.includes(u)));
    }
  });

  it('under the Agora scheme, deleting more than remain deletes the rest', async () => {
    const res = await t.call('DELETE', '/users?limit=10', undefined, { scheme: 'agora' });
    expect(res.status).toBe(200);
    expect(res.body.params).toEqual({ limit: ['10'] });
    expect(res.body.entities).toHaveLength(3);
    // Nothing left: no cursor to follow.
    expect(res.body.cursor ?? null).toBeNull();
    expect(await listNames()).toEqual([]);
  });
});

// ---- the demo seed: users online, with queued offline messages, banned ------------------------

describe('status, offline messages, ban and disconnect on the demo seed (003)', () => {
  let t: TestEmulator;
  let dir: string;
  let aliceQueued: string[];
  let otherOnline: string;
  const PASSWORD = 'demo-password';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'emu-users-'));
    const file = join(dir, 'demo.sqlite');
    t = await startTestEmulator({ seed: 'demo', db: file });
    // Read-only look at the fixtures the API cannot list (queued message IDs, who is online).
    const db = new Database(file, { readonly: true });
    try {
      aliceQueued = db.prepare("SELECT msg_id FROM offline_messages WHERE username = 'alice' ORDER BY msg_id").pluck().all() as string[];
      otherOnline = db
        .prepare("SELECT username FROM users WHERE online = 1 AND activated = 1 AND username <> 'alice' ORDER BY seq LIMIT 1")
        .pluck()
        .get() as string;
    } finally {
      db.close();
    }
  }, 60_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the fixtures are there: alice online with queued messages, another user online', () => {
    expect(aliceQueued.length).toBeGreaterThan(0);
    expect(otherOnline).toEqual(expect.any(String));
  });

  it('status of an online user is "online", under both schemes', async () => {
    for (const scheme of ['easemob', 'agora'] as const) {
      const res = await t.call('GET', '/users/alice/status', undefined, { scheme });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ alice: 'online' });
    }
  });

  it('batch status mixes online, offline (banned) and unknown names', async () => {
    const res = await t.call('POST', '/users/batch/status', { usernames: ['alice', 'mallory', 'ghost-user', otherOnline] });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([{ alice: 'online' }, { mallory: 'offline' }, { 'ghost-user': 'offline' }, { [otherOnline]: 'online' }]);
  });

  it('offline_msg_count counts the queued messages, the same under both schemes', async () => {
    const a = await t.call('GET', '/users/alice/offline_msg_count');
    expect(a.status).toBe(200);
    expect(a.body.data).toEqual({ alice: aliceQueued.length });
    const b = await t.call('GET', '/users/alice/offline_msg_count', undefined, { scheme: 'agora' });
    expect(b.body.data).toEqual(a.body.data);
  });

  it('offline_msg_status: a queued message is "undelivered", another is "delivered"', async () => {
    const id = aliceQueued[0]!;
    const res = await t.call('GET', `/users/alice/offline_msg_status/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ [id]: 'undelivered' });
    expect((await t.call('GET', '/users/alice/offline_msg_status/123')).body.data).toEqual({ '123': 'delivered' });
    // Queued for alice, not for bob.
    expect((await t.call('GET', `/users/bob/offline_msg_status/${id}`)).body.data).toEqual({ [id]: 'delivered' });
  });

  it('a banned user (mallory) shows activated false and cannot get a token until activated', async () => {
    expect((await t.call('GET', '/users/mallory')).body.entities[0].activated).toBe(false);
    const refused = await userToken(t, 'mallory', PASSWORD);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('invalid_grant');
    expect((await t.call('POST', '/users/mallory/activate')).status).toBe(200);
    expect((await t.call('GET', '/users/mallory', undefined, { scheme: 'agora' })).body.entities[0].activated).toBe(true);
    expect((await userToken(t, 'mallory', PASSWORD)).status).toBe(200);
  });

  it('disconnect takes an online user offline', async () => {
    const res = await t.call('GET', '/users/alice/disconnect');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ result: true });
    expect((await t.call('GET', '/users/alice/status')).body.data).toEqual({ alice: 'offline' });
    expect((await t.call('POST', '/users/batch/status', { usernames: ['alice'] }, { scheme: 'agora' })).body.data).toEqual([{ alice: 'offline' }]);
    // Disconnecting is not a ban.
    expect((await t.call('GET', '/users/alice')).body.entities[0].activated).toBe(true);
    expect((await userToken(t, 'alice', PASSWORD)).status).toBe(200);
  });

  it('deactivate takes an online user offline and refuses their log-in', async () => {
    expect((await t.call('GET', `/users/${otherOnline}/status`)).body.data).toEqual({ [otherOnline]: 'online' });
    expect((await userToken(t, otherOnline, PASSWORD)).status).toBe(200);
    const res = await t.call('POST', `/users/${otherOnline}/deactivate`, undefined, { scheme: 'agora' });
    expect(res.status).toBe(200);
    expect(res.body.entities[0]).toMatchObject({ username: otherOnline, activated: false });
    expect((await t.call('GET', `/users/${otherOnline}/status`)).body.data).toEqual({ [otherOnline]: 'offline' });
    expect((await userToken(t, otherOnline, PASSWORD)).status).toBe(400);
  });
});
