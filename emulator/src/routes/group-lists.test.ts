import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, registerUsers, startTestEmulator, type ApiResponse, type TestEmulator } from '../testing/harness.js';
import { expectError, expectGroupEnvelope } from '../testing/expect-answers.js';

// Group blacklist, whitelist, mutes and mute-all (seed 002).

let t: TestEmulator;

const expectEnvelope = (res: ApiResponse, action: string, path: string, extra?: string[]) => expectGroupEnvelope(t, res, action, path, extra);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const listOf = async (g: string, path: string) => (await t.call('GET', `/chatgroups/${g}${path}`)).body.data as unknown[];
const members = async (g: string) =>
  ((await t.call('GET', `/chatgroups/${g}/users`)).body.data as Record<string, string>[]).map((e) => e.owner ?? e.member);
const sixtyOne = Array.from({ length: 61 }, (_, i) => `u${i}`);

const MISSING = '500500';
const notFound = `grpID ${MISSING} does not exist!`;

beforeAll(async () => {
  t = await startTestEmulator();
  await registerUsers(t, ['own', 'b1', 'b2', 'b3', 'b4', 'outsider']);
});
afterAll(() => t.close());

// ---- blacklist -----------------------------------------------------------------------------

describe('GET /chatgroups/{g}/blocks/users', () => {
  it('answers the documented envelope with data [names] and count', async () => {
    const g = await createGroup(t, 'own', ['b1', 'b2', 'b3']);
    const empty = await t.call('GET', `/chatgroups/${g}/blocks/users`);
    expectEnvelope(empty, 'get', `/chatgroups/${g}/blocks/users`, ['count']);
    expect(empty.body.data).toEqual([]);
    expect(empty.body.count).toBe(0);
    await t.call('POST', `/chatgroups/${g}/blocks/users`, { usernames: ['b2', 'b3'] });
    const res = await t.call('GET', `/chatgroups/${g}/blocks/users?version=v3`);
    expect(res.body.data).toEqual(['b2', 'b3']);
    expect(res.body.count).toBe(2);
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('GET', `/chatgroups/${MISSING}/blocks/users`), 404, 'resource_not_found', notFound);
  });
});

describe('POST /chatgroups/{g}/blocks/users/{u} (block one)', () => {
  it('blocks the member, who leaves the group, and answers data {result, action, user, groupid}', async () => {
    const g = await createGroup(t, 'own', ['b1', 'b2']);
    const res = await t.call('POST', `/chatgroups/${g}/blocks/users/b1`);
    expectEnvelope(res, 'post', `/chatgroups/${g}/blocks/users/b1`);
    expect(res.body.data).toEqual({ result: true, action: 'add_blocks', user: 'b1', groupid: g });
    expect(await listOf(g, '/blocks/users')).toEqual(['b1']);
    expect(await members(g)).toEqual(['own', 'b2']);
  });

  it('answers 403 "users [XX] are not members of this group!" for a non-member', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    expectError(await t.call('POST', `/chatgroups/${g}/blocks/users/outsider`), 403, 'forbidden_op', 'users [outsider] are not members of this group!');
    expect(await listOf(g, '/blocks/users')).toEqual([]);
  });

  it('answers 403 "forbidden operation on group owner!" for the owner', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    expectError(await t.call('POST', `/chatgroups/${g}/blocks/users/own`), 403, 'forbidden_op', 'forbidden operation on group owner!');
    expect(await members(g)).toEqual(['own', 'b1']);
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('POST', `/chatgroups/${MISSING}/blocks/users/b1`), 404, 'resource_not_found', notFound);
  });

  it('a blocked user cannot be re-added until unblocked, then can', async () => {
    const g = await createGroup(t, 'own', ['b1', 'b2']);
    expect((await t.call('POST', `/chatgroups/${g}/blocks/users/b1`)).status).toBe(200);

    const one = await t.call('POST', `/chatgroups/${g}/users/b1`);
    expect(one.status).toBe(403);
    expect(one.body.error).toBe('forbidden_op');
    const many = await t.call('POST', `/chatgroups/${g}/users`, { usernames: ['b1'] });
    expect(many.status).toBe(403);
    expect(many.body.error).toBe('forbidden_op');
    const mixed = await t.call('POST', `/chatgroups/${g}/users`, { usernames: ['b1', 'b3'] });
    expect(mixed.status).toBe(200);
    expect(mixed.body.data.newmembers).toEqual(['b3']);
    expect(await members(g)).toEqual(['own', 'b2', 'b3']);

    expect((await t.call('DELETE', `/chatgroups/${g}/blocks/users/b1`)).status).toBe(200);
    expect((await t.call('POST', `/chatgroups/${g}/users/b1`)).status).toBe(200);
    expect(await members(g)).toContain('b1');
  });

  it('blocking drops the member\'s mute, whitelist entry, admin role and attributes', async () => {
    const g = await createGroup(t, 'own', ['b1', 'b2']);
    await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['b1'], mute_duration: -1 });
    await t.call('POST', `/chatgroups/${g}/white/users/b1`);
    await t.call('POST', `/chatgroups/${g}/admin`, { newadmin: 'b1' });
    await t.call('PUT', `/metadata/chatgroup/${g}/user/b1`, { metaData: { nick: 'x' } });
    expect(await listOf(g, '/mute')).toHaveLength(1);
    expect(await listOf(g, '/white/users')).toEqual(['b1']);

    expect((await t.call('POST', `/chatgroups/${g}/blocks/users/b1`)).status).toBe(200);
    expect(await listOf(g, '/mute')).toEqual([]);
    expect(await listOf(g, '/white/users')).toEqual([]);
    expect(await listOf(g, '/admin')).toEqual([]);
    expect((await t.call('GET', `/metadata/chatgroup/${g}/user/b1`)).status).toBe(404);
  });
});

describe('POST /chatgroups/{g}/blocks/users (block many)', () => {
  it('answers one result per user, with a reason on failures', async () => {
    const g = await createGroup(t, 'own', ['b1', 'b2']);
    const res = await t.call('POST', `/chatgroups/${g}/blocks/users`, { usernames: ['outsider', 'b1', 'b2'] });
    expectEnvelope(res, 'post', `/chatgroups/${g}/blocks/users`);
    expect(res.body.data).toEqual([
      { result: false, action: 'add_blocks', reason: `user: outsider doesn't exist in group: ${g}`, user: 'outsider', groupid: g },
      { result: true, action: 'add_blocks', user: 'b1', groupid: g },
      { result: true, action: 'add_blocks', user: 'b2', groupid: g },
    ]);
    expect(await listOf(g, '/blocks/users')).toEqual(['b1', 'b2']);
    expect(await members(g)).toEqual(['own']);
  });

  it('reports the owner as a per-user failure', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    const res = await t.call('POST', `/chatgroups/${g}/blocks/users`, { usernames: ['own', 'b1'] });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toEqual({ result: false, action: 'add_blocks', reason: 'forbidden operation on group owner!', user: 'own', groupid: g });
    expect(res.body.data[1]).toMatchObject({ result: true, user: 'b1' });
  });

  it('fails as a whole with 403 when nobody could be blocked', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    expectError(
      await t.call('POST', `/chatgroups/${g}/blocks/users`, { usernames: ['outsider', 'b2'] }),
      403,
      'forbidden_op',
      'users [outsider] are not members of this group!',
    );
    expectError(await t.call('POST', `/chatgroups/${g}/blocks/users`, { usernames: ['own'] }), 403, 'forbidden_op', 'forbidden operation on group owner!');
  });

  it('refuses more than 60 users with 400 invalid_parameter "userNames is more than max limit : 60"', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    expectError(
      await t.call('POST', `/chatgroups/${g}/blocks/users`, { usernames: [...sixtyOne.slice(1), 'b1'] }),
      400,
      'invalid_parameter',
      'userNames is more than max limit : 60',
    );
    expect(await listOf(g, '/blocks/users')).toEqual([]);
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('POST', `/chatgroups/${MISSING}/blocks/users`, { usernames: ['b1'] }), 404, 'resource_not_found', notFound);
  });
});

describe('DELETE /chatgroups/{g}/blocks/users/{u} and /{u1%2Cu2}', () => {
  it('unblocks one user and answers data {result, action, user, groupid}', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    await t.call('POST', `/chatgroups/${g}/blocks/users/b1`);
    const res = await t.call('DELETE', `/chatgroups/${g}/blocks/users/b1`);
    expectEnvelope(res, 'delete', `/chatgroups/${g}/blocks/users/b1`);
    expect(res.body.data).toEqual({ result: true, action: 'remove_blocks', user: 'b1', groupid: g });
    expect(await listOf(g, '/blocks/users')).toEqual([]);
    // Unblocking does not re-add.
    expect(await members(g)).toEqual(['own']);
  });

  it('answers 403 "users [XX] are not members of this group!" for a user not on the blacklist', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    expectError(await t.call('DELETE', `/chatgroups/${g}/blocks/users/b1`), 403, 'forbidden_op', 'users [b1] are not members of this group!');
  });

  it.each([
    ['%2C', '%2C'],
    ['comma', ','],
  ])('unblocks many (%s) with one result per user', async (_label, sep) => {
    const g = await createGroup(t, 'own', ['b1', 'b2', 'b3']);
    await t.call('POST', `/chatgroups/${g}/blocks/users`, { usernames: ['b1', 'b2'] });
    const path = `/chatgroups/${g}/blocks/users/${['b1', 'b2', 'b3'].join(sep)}`;
    const res = await t.call('DELETE', path);
    expectEnvelope(res, 'delete', path);
    expect(res.body.data).toEqual([
      { result: true, action: 'remove_blocks', user: 'b1', groupid: g },
      { result: true, action: 'remove_blocks', user: 'b2', groupid: g },
      { result: false, action: 'remove_blocks', reason: 'users [b3] are not members of this group!', user: 'b3', groupid: g },
    ]);
    expect(await listOf(g, '/blocks/users')).toEqual([]);
  });

  it('fails as a whole when nobody was on the blacklist', async () => {
    const g = await createGroup(t, 'own', ['b1', 'b2']);
    expectError(await t.call('DELETE', `/chatgroups/${g}/blocks/users/b1%2Cb2`), 403, 'forbidden_op', 'users [b1] are not members of this group!');
  });

  it('refuses more than 60 users with 400 invalid_parameter "removeBlacklist: list size more than max limit : 60"', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    expectError(
      await t.call('DELETE', `/chatgroups/${g}/blocks/users/${sixtyOne.join('%2C')}`),
      400,
      'invalid_parameter',
      'removeBlacklist: list size more than max limit : 60',
    );
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('DELETE', `/chatgroups/${MISSING}/blocks/users/b1`), 404, 'resource_not_found', notFound);
    expectError(await t.call('DELETE', `/chatgroups/${MISSING}/blocks/users/b1%2Cb2`), 404, 'resource_not_found', notFound);
  });
});

// ---- whitelist -----------------------------------------------------------------------------

describe('GET /chatgroups/{g}/white/users', () => {
  it('answers the documented envelope with data [names] and count', async () => {
    const g = await createGroup(t, 'own', ['b1', 'b2']);
    const empty = await t.call('GET', `/chatgroups/${g}/white/users`);
    expectEnvelope(empty, 'get', `/chatgroups/${g}/white/users`, ['count']);
    expect(empty.body.data).toEqual([]);
    expect(empty.body.count).toBe(0);
    await t.call('POST', `/chatgroups/${g}/white/users`, { usernames: ['b2', 'b1'] });
    const res = await t.call('GET', `/chatgroups/${g}/white/users`);
    expect(res.body.data).toEqual(['b2', 'b1']);
    expect(res.body.count).toBe(2);
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('GET', `/chatgroups/${MISSING}/white/users`), 404, 'resource_not_found', notFound);
  });
});

describe('POST /chatgroups/{g}/white/users/{u} (add one)', () => {
  it('adds a member and answers data {result, action, user, groupid}', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    const res = await t.call('POST', `/chatgroups/${g}/white/users/b1`);
    expectEnvelope(res, 'post', `/chatgroups/${g}/white/users/b1`);
    expect(res.body.data).toEqual({ result: true, action: 'add_user_whitelist', user: 'b1', groupid: g });
    expect(await listOf(g, '/white/users')).toEqual(['b1']);
  });

  it('requires membership: 403 "users [XX] are not members of this group!"', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    expectError(await t.call('POST', `/chatgroups/${g}/white/users/outsider`), 403, 'forbidden_op', 'users [outsider] are not members of this group!');
    expectError(await t.call('POST', `/chatgroups/${g}/white/users/ghost`), 403, 'forbidden_op', 'users [ghost] are not members of this group!');
    expect(await listOf(g, '/white/users')).toEqual([]);
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('POST', `/chatgroups/${MISSING}/white/users/b1`), 404, 'resource_not_found', notFound);
  });

  it('a member who leaves the group leaves the whitelist', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    await t.call('POST', `/chatgroups/${g}/white/users/b1`);
    await t.call('DELETE', `/chatgroups/${g}/users/b1`);
    expect(await listOf(g, '/white/users')).toEqual([]);
  });
});

describe('POST /chatgroups/{g}/white/users (add many)', () => {
  it('answers one result per user, with a reason for non-members', async () => {
    const g = await createGroup(t, 'own', ['b1', 'b2']);
    const res = await t.call('POST', `/chatgroups/${g}/white/users`, { usernames: ['b1', 'outsider', 'b2'] });
    expectEnvelope(res, 'post', `/chatgroups/${g}/white/users`);
    expect(res.body.data).toEqual([
      { result: true, action: 'add_user_whitelist', user: 'b1', groupid: g },
      { result: false, action: 'add_user_whitelist', reason: 'users [outsider] are not members of this group!', user: 'outsider', groupid: g },
      { result: true, action: 'add_user_whitelist', user: 'b2', groupid: g },
    ]);
    expect(await listOf(g, '/white/users')).toEqual(['b1', 'b2']);
  });

  it('fails as a whole with 403 when no user is a member', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    expectError(
      await t.call('POST', `/chatgroups/${g}/white/users`, { usernames: ['outsider', 'b3'] }),
      403,
      'forbidden_op',
      'users [outsider] are not members of this group!',
    );
  });

  it('refuses more than 60 users with 400 invalid_parameter "usernames size is more than max limit : 60"', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    expectError(
      await t.call('POST', `/chatgroups/${g}/white/users`, { usernames: [...sixtyOne.slice(1), 'b1'] }),
      400,
      'invalid_parameter',
      'usernames size is more than max limit : 60',
    );
    expect(await listOf(g, '/white/users')).toEqual([]);
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('POST', `/chatgroups/${MISSING}/white/users`, { usernames: ['b1'] }), 404, 'resource_not_found', notFound);
  });
});

describe('DELETE /chatgroups/{g}/white/users/{u1,u2}', () => {
  it('answers an array of results even for one user', async () => {
    const g = await createGroup(t, 'own', ['b1', 'b2']);
    await t.call('POST', `/chatgroups/${g}/white/users`, { usernames: ['b1', 'b2'] });
    const res = await t.call('DELETE', `/chatgroups/${g}/white/users/b1`);
    expectEnvelope(res, 'delete', `/chatgroups/${g}/white/users/b1`);
    expect(res.body.data).toEqual([{ result: true, action: 'remove_user_whitelist', user: 'b1', groupid: g }]);
    expect(await listOf(g, '/white/users')).toEqual(['b2']);
  });

  it.each([
    ['comma', ','],
    ['%2C', '%2C'],
  ])('removes many (%s) with one result per user', async (_label, sep) => {
    const g = await createGroup(t, 'own', ['b1', 'b2', 'b3']);
    await t.call('POST', `/chatgroups/${g}/white/users`, { usernames: ['b1', 'b2'] });
    const path = `/chatgroups/${g}/white/users/${['b1', 'b2', 'b3'].join(sep)}`;
    const res = await t.call('DELETE', path);
    expectEnvelope(res, 'delete', path);
    expect(res.body.data).toEqual([
      { result: true, action: 'remove_user_whitelist', user: 'b1', groupid: g },
      { result: true, action: 'remove_user_whitelist', user: 'b2', groupid: g },
      { result: false, action: 'remove_user_whitelist', reason: 'users [b3] are not members of this group!', user: 'b3', groupid: g },
    ]);
    expect(await listOf(g, '/white/users')).toEqual([]);
  });

  it('fails with 403 when no user was on the whitelist', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    expectError(await t.call('DELETE', `/chatgroups/${g}/white/users/b1`), 403, 'forbidden_op', 'users [b1] are not members of this group!');
  });

  it('refuses more than 60 users with 400 invalid_parameter "removeWhitelist size is more than max limit : 60"', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    expectError(
      await t.call('DELETE', `/chatgroups/${g}/white/users/${sixtyOne.join(',')}`),
      400,
      'invalid_parameter',
      'removeWhitelist size is more than max limit : 60',
    );
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('DELETE', `/chatgroups/${MISSING}/white/users/b1`), 404, 'resource_not_found', notFound);
  });
});

// ---- mutes -----------------------------------------------------------------------------------

describe('GET/POST /chatgroups/{g}/mute', () => {
  it('mutes for mute_duration ms and answers data [{result, expire, user}]', async () => {
    const g = await createGroup(t, 'own', ['b1', 'b2']);
    const before = Date.now();
    const res = await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['b1', 'b2'], mute_duration: 86_400_000 });
    const after = Date.now();
    expectEnvelope(res, 'post', `/chatgroups/${g}/mute`);
    expect(res.body.data).toHaveLength(2);
    for (const [i, user] of ['b1', 'b2'].entries()) {
      const entry = res.body.data[i];
      expect(Object.keys(entry).sort()).toEqual(['expire', 'result', 'user']);
      expect(entry.result).toBe(true);
      expect(entry.user).toBe(user);
      expect(entry.expire).toBeGreaterThanOrEqual(before + 86_400_000);
      expect(entry.expire).toBeLessThanOrEqual(after + 86_400_000);
    }

    const list = await t.call('GET', `/chatgroups/${g}/mute`);
    expectEnvelope(list, 'get', `/chatgroups/${g}/mute`);
    expect(list.body.data).toEqual([
      { user: 'b1', expire: res.body.data[0].expire },
      { user: 'b2', expire: res.body.data[1].expire },
    ]);
  });

  it('accepts mute_duration as a numeric string', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    const before = Date.now();
    const res = await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['b1'], mute_duration: '60000' });
    expect(res.status).toBe(200);
    expect(res.body.data[0].expire).toBeGreaterThanOrEqual(before + 60_000);
    expect(res.body.data[0].expire).toBeLessThan(before + 120_000);
  });

  it('expired mutes vanish from the list', async () => {
    const g = await createGroup(t, 'own', ['b1', 'b2']);
    await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['b1'], mute_duration: 500 });
    await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['b2'], mute_duration: 600_000 });
    expect(((await listOf(g, '/mute')) as { user: string }[]).map((m) => m.user)).toEqual(['b1', 'b2']);
    await sleep(650);
    expect(((await listOf(g, '/mute')) as { user: string }[]).map((m) => m.user)).toEqual(['b2']);
  });

  it('mute_duration -1 is permanent: expire -1', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    const res = await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['b1'], mute_duration: -1 });
    expect(res.body.data).toEqual([{ result: true, expire: -1, user: 'b1' }]);
    expect(await listOf(g, '/mute')).toEqual([{ user: 'b1', expire: -1 }]);
  });

  it('muting again replaces the expiry', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['b1'], mute_duration: -1 });
    const res = await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['b1'], mute_duration: 1000 });
    expect(res.body.data[0].expire).toBeGreaterThan(0);
    expect(await listOf(g, '/mute')).toEqual([{ user: 'b1', expire: res.body.data[0].expire }]);
  });

  it('reports non-members and the owner per user, and fails as a whole when nobody could be muted', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    const mixed = await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['own', 'outsider', 'b1'], mute_duration: -1 });
    expect(mixed.status).toBe(200);
    expect(mixed.body.data[0]).toMatchObject({ result: false, user: 'own', reason: 'forbidden operation on group owner!' });
    expect(mixed.body.data[1]).toMatchObject({ result: false, user: 'outsider', reason: 'users [outsider] are not members of this group!' });
    expect(mixed.body.data[2]).toEqual({ result: true, expire: -1, user: 'b1' });

    expectError(
      await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['outsider'], mute_duration: 1000 }),
      403,
      'forbidden_op',
      'users [outsider] are not members of this group!',
    );
    expectError(
      await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['own'], mute_duration: 1000 }),
      403,
      'forbidden_op',
      'forbidden operation on group owner!',
    );
    expect(await listOf(g, '/mute')).toEqual([{ user: 'b1', expire: -1 }]);
  });

  it('refuses more than 60 users with 400 invalid_parameter "userNames size is more than max limit : 60"', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    expectError(
      await t.call('POST', `/chatgroups/${g}/mute`, { usernames: [...sixtyOne.slice(1), 'b1'], mute_duration: 1000 }),
      400,
      'invalid_parameter',
      'userNames size is more than max limit : 60',
    );
    expect(await listOf(g, '/mute')).toEqual([]);
  });

  it('answers 400 without a valid mute_duration', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    expect((await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['b1'] })).status).toBe(400);
    expect((await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['b1'], mute_duration: 'soon' })).status).toBe(400);
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('GET', `/chatgroups/${MISSING}/mute`), 404, 'resource_not_found', notFound);
    expectError(await t.call('POST', `/chatgroups/${MISSING}/mute`, { usernames: ['b1'], mute_duration: 1000 }), 404, 'resource_not_found', notFound);
  });
});

describe('DELETE /chatgroups/{g}/mute/{u1,u2}', () => {
  it('unmutes one user and answers data [{result, user}]', async () => {
    const g = await createGroup(t, 'own', ['b1', 'b2']);
    await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['b1', 'b2'], mute_duration: -1 });
    const res = await t.call('DELETE', `/chatgroups/${g}/mute/b1`);
    expectEnvelope(res, 'delete', `/chatgroups/${g}/mute/b1`);
    expect(res.body.data).toEqual([{ result: true, user: 'b1' }]);
    expect(await listOf(g, '/mute')).toEqual([{ user: 'b2', expire: -1 }]);
  });

  it.each([
    ['comma', ','],
    ['%2C', '%2C'],
  ])('unmutes many (%s)', async (_label, sep) => {
    const g = await createGroup(t, 'own', ['b1', 'b2', 'b3']);
    await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['b1', 'b2'], mute_duration: -1 });
    const path = `/chatgroups/${g}/mute/${['b1', 'b2', 'b3'].join(sep)}`;
    const res = await t.call('DELETE', path);
    expectEnvelope(res, 'delete', path);
    expect(res.body.data).toEqual([
      { result: true, user: 'b1' },
      { result: true, user: 'b2' },
      { result: false, user: 'b3' },
    ]);
    expect(await listOf(g, '/mute')).toEqual([]);
  });

  it('refuses more than 60 users with 400 invalid_parameter "removeMute member size more than max limit : 60"', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    expectError(
      await t.call('DELETE', `/chatgroups/${g}/mute/${sixtyOne.join(',')}`),
      400,
      'invalid_parameter',
      'removeMute member size more than max limit : 60',
    );
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('DELETE', `/chatgroups/${MISSING}/mute/b1`), 404, 'resource_not_found', notFound);
  });
});

describe('POST/DELETE /chatgroups/{g}/ban (mute everyone)', () => {
  it('sets data.mute and the group details show it', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    expect((await t.call('GET', `/chatgroups/${g}`)).body.data[0].mute).toBe(false);

    const on = await t.call('POST', `/chatgroups/${g}/ban`);
    expectEnvelope(on, 'post', `/chatgroups/${g}/ban`);
    expect(on.body.data).toEqual({ mute: true });
    expect((await t.call('GET', `/chatgroups/${g}`)).body.data[0].mute).toBe(true);

    const off = await t.call('DELETE', `/chatgroups/${g}/ban`);
    expectEnvelope(off, 'delete', `/chatgroups/${g}/ban`);
    expect(off.body.data).toEqual({ mute: false });
    expect((await t.call('GET', `/chatgroups/${g}`)).body.data[0].mute).toBe(false);
  });

  it('does not touch the per-user mute list', async () => {
    const g = await createGroup(t, 'own', ['b1']);
    await t.call('POST', `/chatgroups/${g}/ban`);
    expect(await listOf(g, '/mute')).toEqual([]);
    await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['b1'], mute_duration: -1 });
    await t.call('DELETE', `/chatgroups/${g}/ban`);
    expect(await listOf(g, '/mute')).toEqual([{ user: 'b1', expire: -1 }]);
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('POST', `/chatgroups/${MISSING}/ban`), 404, 'resource_not_found', notFound);
    expectError(await t.call('DELETE', `/chatgroups/${MISSING}/ban`), 404, 'resource_not_found', notFound);
  });
});

describe('authentication', () => {
  it.each([
    ['GET', '/blocks/users', undefined],
    ['POST', '/blocks/users/b1', undefined],
    ['POST', '/blocks/users', { usernames: ['b1'] }],
    ['DELETE', '/blocks/users/b1', undefined],
    ['DELETE', '/blocks/users/b1%2Cb2', undefined],
    ['GET', '/white/users', undefined],
    ['POST', '/white/users/b1', undefined],
    ['POST', '/white/users', { usernames: ['b1'] }],
    ['DELETE', '/white/users/b1,b2', undefined],
    ['GET', '/mute', undefined],
    ['POST', '/mute', { usernames: ['b1'], mute_duration: -1 }],
    ['DELETE', '/mute/b1', undefined],
    ['POST', '/ban', undefined],
    ['DELETE', '/ban', undefined],
  ])('%s /chatgroups/{g}%s without a token → 401 unauthorized', async (method, suffix, body) => {
    const g = await createGroup(t, 'own', ['b1', 'b2']);
    expectError(await t.call(method, `/chatgroups/${g}${suffix}`, body, { token: null }), 401, 'unauthorized', 'Unable to authenticate (OAuth)');
    expect(await members(g)).toEqual(['own', 'b1', 'b2']);
    expect(await listOf(g, '/mute')).toEqual([]);
  });
});
