import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, registerUsers, startTestEmulator, type ApiResponse, type TestEmulator } from '../testing/harness.js';
import { expectError, expectGroupEnvelope } from '../testing/expect-answers.js';

// Owner transfer (seed 002) and the undocumented group calls of STACK-NOTES.md: list with cursor,
// details, create, delete, update, a user's joined groups.

let t: TestEmulator;

const expectEnvelope = (res: ApiResponse, action: string, path: string, extra?: string[]) => expectGroupEnvelope(t, res, action, path, extra);

const details = async (g: string) => (await t.call('GET', `/chatgroups/${g}`)).body.data[0];
const roster = async (g: string) => (await t.call('GET', `/chatgroups/${g}/users`)).body.data as Record<string, string>[];

beforeAll(async () => {
  t = await startTestEmulator();
  await registerUsers(t, ['own', 'user1', 'user2', 'user3', 'outsider', 'loner']);
});
afterAll(() => t.close());

// ---- owner transfer (documented) ------------------------------------------------------------

describe('PUT /chatgroups/{g} {newowner}', () => {
  it('transfers ownership, answers data {newowner: true}, and the old owner becomes a member', async () => {
    const g = await createGroup(t, 'own', ['user1', 'user2']);
    const res = await t.call('PUT', `/chatgroups/${g}`, { newowner: 'user2' });
    expectEnvelope(res, 'put', `/chatgroups/${g}`);
    expect(res.body.data).toEqual({ newowner: true });

    expect(await roster(g)).toEqual([{ owner: 'user2' }, { member: 'own' }, { member: 'user1' }]);
    const d = await details(g);
    expect(d.owner).toBe('user2');
    expect(d.affiliations_count).toBe(3);
    // The old owner is now an ordinary member: removable; the new one is not.
    expectError(await t.call('DELETE', `/chatgroups/${g}/users/user2`), 403, 'forbidden_op', 'forbidden operation on group owner!');
    expect((await t.call('DELETE', `/chatgroups/${g}/users/own`)).status).toBe(200);
  });

  it('answers 403 "new owner and old owner are the same"', async () => {
    const g = await createGroup(t, 'own', ['user1']);
    expectError(await t.call('PUT', `/chatgroups/${g}`, { newowner: 'own' }), 403, 'forbidden_op', 'new owner and old owner are the same');
    expect((await details(g)).owner).toBe('own');
  });

  it('answers 403 "user: XX doesn\'t exist in group: XXX" for a non-member or unknown user', async () => {
    const g = await createGroup(t, 'own', ['user1']);
    expectError(await t.call('PUT', `/chatgroups/${g}`, { newowner: 'outsider' }), 403, 'forbidden_op', `user: outsider doesn't exist in group: ${g}`);
    expectError(await t.call('PUT', `/chatgroups/${g}`, { newowner: 'ghost' }), 403, 'forbidden_op', `user: ghost doesn't exist in group: ${g}`);
    expect((await details(g)).owner).toBe('own');
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('PUT', '/chatgroups/606060', { newowner: 'user1' }), 404, 'resource_not_found', 'grpID 606060 does not exist!');
  });

  it('a muted admin who becomes owner is neither admin nor muted any more', async () => {
    const g = await createGroup(t, 'own', ['user1']);
    await t.call('POST', `/chatgroups/${g}/admin`, { newadmin: 'user1' });
    await t.call('POST', `/chatgroups/${g}/mute`, { usernames: ['user1'], mute_duration: -1 });
    expect((await t.call('PUT', `/chatgroups/${g}`, { newowner: 'user1' })).status).toBe(200);
    expect((await t.call('GET', `/chatgroups/${g}/admin`)).body.data).toEqual([]);
    expect((await t.call('GET', `/chatgroups/${g}/mute`)).body.data).toEqual([]);
  });

  it('the old owner still lists the group among their joined groups', async () => {
    const g = await createGroup(t, 'own', ['user3']);
    await t.call('PUT', `/chatgroups/${g}`, { newowner: 'user3' });
    const joined = await t.call('GET', '/users/own/joined_chatgroups');
    expect(joined.body.data.map((x: { groupid: string }) => x.groupid)).toContain(g);
  });
});

// ---- create ---------------------------------------------------------------------------------

describe('POST /chatgroups (create, undocumented)', () => {
  it('creates the group and answers data {groupid}', async () => {
    const res = await t.call('POST', '/chatgroups', {
      groupname: 'team',
      description: 'the team',
      public: false,
      maxusers: '500',
      owner: 'own',
      members: ['user1', 'user2', 'own'],
      membersonly: 'true',
      allowinvites: true,
      custom: 'c=1',
    });
    expectEnvelope(res, 'post', '/chatgroups');
    expect(Object.keys(res.body.data)).toEqual(['groupid']);
    const g = res.body.data.groupid as string;
    expect(g).toMatch(/^\d+$/);

    const d = await details(g);
    expect(d).toMatchObject({
      id: g,
      name: 'team',
      description: 'the team',
      membersonly: true,
      allowinvites: true,
      maxusers: 500,
      owner: 'own',
      custom: 'c=1',
      mute: false,
      affiliations_count: 3,
      public: false,
      affiliations: [{ owner: 'own' }, { member: 'user1' }, { member: 'user2' }],
    });
    expect(d.created).toBeTypeOf('number');
  });

  it('answers 404 for an owner or member that does not exist, creating nothing', async () => {
    const before = (await t.call('GET', '/chatgroups?limit=100')).body.count;
    expectError(await t.call('POST', '/chatgroups', { groupname: 'x', owner: 'ghost' }), 404, 'resource_not_found', "username ghost doesn't exist!");
    expectError(
      await t.call('POST', '/chatgroups', { groupname: 'x', owner: 'own', members: ['user1', 'phantom'] }),
      404,
      'resource_not_found',
      "username phantom doesn't exist!",
    );
    expect((await t.call('GET', '/chatgroups?limit=100')).body.count).toBe(before);
  });

  it('answers 400 for more than 100 members, a missing groupname or owner', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `m${i}`);
    expect((await t.call('POST', '/chatgroups', { groupname: 'x', owner: 'own', members: many })).status).toBe(400);
    expect((await t.call('POST', '/chatgroups', { owner: 'own' })).status).toBe(400);
    expect((await t.call('POST', '/chatgroups', { groupname: 'x' })).status).toBe(400);
  });

  it('refuses more members than maxusers with 403 exceed_limit', async () => {
    const res = await t.call('POST', '/chatgroups', { groupname: 'x', owner: 'own', maxusers: 2, members: ['user1', 'user2'] });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('exceed_limit');
  });
});

// ---- list -----------------------------------------------------------------------------------

describe('GET /chatgroups?limit&cursor (undocumented)', () => {
  it('pages with a cursor that ends absent, visiting every group once', async () => {
    // A fresh emulator, so the count is known.
    const own = await startTestEmulator();
    try {
      await registerUsers(own, ['boss', 'helper']);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await createGroup(own, 'boss', i === 0 ? ['helper'] : []));

      const seen: string[] = [];
      let cursor: string | undefined;
      const counts: number[] = [];
      for (let guard = 0; guard < 10; guard++) {
        const res = await own.call('GET', `/chatgroups?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        counts.push(res.body.count);
        for (const item of res.body.data) seen.push(item.groupid);
        cursor = res.body.cursor;
        if (cursor === undefined) {
          expect('cursor' in res.body).toBe(false);
          break;
        }
        expect(cursor).toBeTypeOf('string');
        expect(cursor).not.toBe('');
      }
      expect(counts).toEqual([2, 2, 1]);
      expect(seen).toEqual(ids);

      const first = await own.call('GET', '/chatgroups?limit=2&cursor=undefined&version=v3');
      expect(first.body.data.map((x: { groupid: string }) => x.groupid)).toEqual(ids.slice(0, 2));
      expect(first.body.params).toEqual({ limit: ['2'], cursor: ['undefined'], version: ['v3'] });
      expect(first.body.data[0]).toEqual({
        owner: 'demo#console_boss',
        groupid: ids[0],
        affiliations: 2,
        type: 'group',
        lastModified: expect.any(String),
        groupname: 'g-boss',
      });
    } finally {
      await own.close();
    }
  });

  it('answers the envelope with params, count and (while more remain) cursor', async () => {
    await createGroup(t, 'own');
    await createGroup(t, 'own');
    const res = await t.call('GET', '/chatgroups?limit=1');
    expectEnvelope(res, 'get', '/chatgroups', ['params', 'count', 'cursor']);
    expect(res.body.count).toBe(1);
  });

  it('rejects a cursor it never issued', async () => {
    expect((await t.call('GET', '/chatgroups?cursor=bm9wZQ')).status).toBe(400);
  });
});

// ---- details --------------------------------------------------------------------------------

describe('GET /chatgroups/{id1,id2} (details, undocumented)', () => {
  it('answers data [details] with the SDK fields', async () => {
    const g = await createGroup(t, 'own', ['user1']);
    const res = await t.call('GET', `/chatgroups/${g}`);
    expectEnvelope(res, 'get', `/chatgroups/${g}`, ['count']);
    expect(res.body.count).toBe(1);
    expect(Object.keys(res.body.data[0]).sort()).toEqual(
      [
        'id',
        'name',
        'description',
        'membersonly',
        'allowinvites',
        'maxusers',
        'owner',
        'created',
        'custom',
        'mute',
        'affiliations_count',
        'public',
        'affiliations',
      ].sort(),
    );
    expect(res.body.data[0].affiliations).toEqual([{ owner: 'own' }, { member: 'user1' }]);
  });

  it.each([
    ['comma', ','],
    ['%2C', '%2C'],
  ])('answers several groups at once (%s), in the order asked', async (_label, sep) => {
    const g1 = await createGroup(t, 'own');
    const g2 = await createGroup(t, 'user1');
    const res = await t.call('GET', `/chatgroups/${g2}${sep}${g1}`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((d: { id: string }) => d.id)).toEqual([g2, g1]);
    expect(res.body.data.map((d: { owner: string }) => d.owner)).toEqual(['user1', 'own']);
    expect(res.body.count).toBe(2);
  });

  it('answers 404 resource_not_found when a group is missing', async () => {
    const g = await createGroup(t, 'own');
    expectError(await t.call('GET', '/chatgroups/121212'), 404, 'resource_not_found', 'grpID 121212 does not exist!');
    expectError(await t.call('GET', `/chatgroups/${g},121212`), 404, 'resource_not_found', 'grpID 121212 does not exist!');
  });
});

// ---- update ---------------------------------------------------------------------------------

describe('PUT /chatgroups/{g} with group fields (update, undocumented)', () => {
  it('updates the fields and answers data {field: true}', async () => {
    const g = await createGroup(t, 'own', ['user1']);
    const res = await t.call('PUT', `/chatgroups/${g}`, { groupname: 'renamed', description: 'new', maxusers: '300', custom: 'k' });
    expectEnvelope(res, 'put', `/chatgroups/${g}`);
    expect(res.body.data).toEqual({ groupname: true, description: true, maxusers: true, custom: true });
    expect(await details(g)).toMatchObject({ name: 'renamed', description: 'new', maxusers: 300, custom: 'k', owner: 'own' });
  });

  it('refuses a maxusers below the member count, unknown fields and an empty body', async () => {
    const g = await createGroup(t, 'own', ['user1', 'user2']);
    const small = await t.call('PUT', `/chatgroups/${g}`, { maxusers: 2 });
    expect(small.status).toBe(403);
    expect(small.body.error).toBe('exceed_limit');
    expect((await t.call('PUT', `/chatgroups/${g}`, { owner: 'user1' })).status).toBe(400);
    expect((await t.call('PUT', `/chatgroups/${g}`, {})).status).toBe(400);
    expect((await details(g)).maxusers).toBe(3000);
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('PUT', '/chatgroups/343434', { groupname: 'x' }), 404, 'resource_not_found', 'grpID 343434 does not exist!');
  });
});

// ---- delete ---------------------------------------------------------------------------------

describe('DELETE /chatgroups/{g} (undocumented)', () => {
  it('deletes the group and everything in it: data {success: true, groupid}', async () => {
    const g = await createGroup(t, 'own', ['user1', 'user2']);
    await t.call('POST', `/chatgroups/${g}/blocks/users/user2`);
    const res = await t.call('DELETE', `/chatgroups/${g}`);
    expectEnvelope(res, 'delete', `/chatgroups/${g}`);
    expect(res.body.data).toEqual({ success: true, groupid: g });

    expectError(await t.call('GET', `/chatgroups/${g}`), 404, 'resource_not_found', `grpID ${g} does not exist!`);
    expectError(await t.call('GET', `/chatgroups/${g}/users`), 404, 'service_resource_not_found', `do not find this group:${g}`);
    const joined = await t.call('GET', '/users/user1/joined_chatgroups');
    expect(joined.body.data.map((x: { groupid: string }) => x.groupid)).not.toContain(g);
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('DELETE', '/chatgroups/565656'), 404, 'resource_not_found', 'grpID 565656 does not exist!');
  });
});

// ---- a user's groups ------------------------------------------------------------------------

describe('GET /users/{u}/joined_chatgroups?pagenum&pagesize (undocumented)', () => {
  it('answers data [{groupid, groupname}] with params and count, paged', async () => {
    await registerUsers(t, ['joiner']);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await createGroup(t, 'own', ['joiner'], { groupname: `joined-${i}` }));
    const res = await t.call('GET', '/users/joiner/joined_chatgroups?pagenum=1&pagesize=2');
    expectEnvelope(res, 'get', '/users/joiner/joined_chatgroups', ['params', 'count']);
    expect(res.body.params).toEqual({ pagenum: ['1'], pagesize: ['2'] });
    const entry = (i: number) => ({ groupid: ids[i], groupname: `joined-${i}`, id: ids[i], name: `joined-${i}`, disabled: false, permission: 'member' });
    expect(res.body.data).toEqual([entry(0), entry(1)]);
    expect(res.body.count).toBe(2);
    const page2 = await t.call('GET', '/users/joiner/joined_chatgroups?pagenum=2&pagesize=2');
    expect(page2.body.data).toEqual([entry(2)]);
    expect(page2.body.count).toBe(1);
  });

  it('carries the web SDK\'s form too: {id, name, disabled, permission} with the user\'s role, and a uri naming joined_chatgroups', async () => {
    await registerUsers(t, ['roles']);
    const owned = await createGroup(t, 'roles', [], { groupname: 'mine' });
    const admined = await createGroup(t, 'own', ['roles'], { groupname: 'helping' });
    await t.call('POST', `/chatgroups/${admined}/admin`, { newadmin: 'roles' });
    const plain = await createGroup(t, 'own', ['roles'], { groupname: 'plain' });
    const res = await t.call('GET', '/users/roles/joined_chatgroups?pagenum=1&pagesize=20&version=v3');
    expect(res.body.uri).toContain('/users/roles/joined_chatgroups');
    expect(res.body.data).toEqual([
      { groupid: owned, groupname: 'mine', id: owned, name: 'mine', disabled: false, permission: 'owner' },
      { groupid: admined, groupname: 'helping', id: admined, name: 'helping', disabled: false, permission: 'admin' },
      { groupid: plain, groupname: 'plain', id: plain, name: 'plain', disabled: false, permission: 'member' },
    ]);
  });

  it('lists owned groups too and answers an empty list for a user in none', async () => {
    const g = await createGroup(t, 'user3');
    const owned = await t.call('GET', '/users/user3/joined_chatgroups');
    expect(owned.body.data.map((x: { groupid: string }) => x.groupid)).toContain(g);
    const none = await t.call('GET', '/users/loner/joined_chatgroups');
    expect(none.body.data).toEqual([]);
    expect(none.body.count).toBe(0);
  });

  it('answers 404 service_resource_not_found for a missing user', async () => {
    const res = await t.call('GET', '/users/ghost/joined_chatgroups');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('service_resource_not_found');
  });
});

describe('both path schemes and authentication', () => {
  it('answers the same group under the Agora Chat prefix', async () => {
    const g = await createGroup(t, 'own', ['user1']);
    const res = await t.call('GET', `/chatgroups/${g}/users`, undefined, { scheme: 'agora' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([{ owner: 'own' }, { member: 'user1' }]);
  });

  it.each([
    ['PUT', '', { newowner: 'user1' }],
    ['PUT', '', { groupname: 'hijacked' }],
    ['GET', '', undefined],
    ['DELETE', '', undefined],
  ])('%s /chatgroups/{g}%s without a token → 401 unauthorized', async (method, suffix, body) => {
    const g = await createGroup(t, 'own', ['user1']);
    expectError(await t.call(method, `/chatgroups/${g}${suffix}`, body, { token: null }), 401, 'unauthorized', 'Unable to authenticate (OAuth)');
    expect(await details(g)).toMatchObject({ owner: 'own', name: 'g-own' });
  });

  it.each([
    ['GET', '/chatgroups', undefined],
    ['POST', '/chatgroups', { groupname: 'x', owner: 'own' }],
    ['GET', '/users/own/joined_chatgroups', undefined],
  ])('%s %s without a token → 401 unauthorized', async (method, path, body) => {
    expectError(await t.call(method, path, body, { token: null }), 401, 'unauthorized', 'Unable to authenticate (OAuth)');
  });
});
