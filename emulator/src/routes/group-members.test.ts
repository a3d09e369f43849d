import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, registerUsers, startTestEmulator, type ApiResponse, type TestEmulator } from '../testing/harness.js';
import { expectError, expectGroupEnvelope } from '../testing/expect-answers.js';

// Group members (seed 002): roster, add one / many, remove one / many.

let t: TestEmulator;

const expectEnvelope = (res: ApiResponse, action: string, path: string, extra?: string[]) => expectGroupEnvelope(t, res, action, path, extra);

const roster = async (g: string, query = '') => (await t.call('GET', `/chatgroups/${g}/users${query}`)).body.data as Record<string, string>[];
const names = (count: number, stem: string) => Array.from({ length: count }, (_, i) => `${stem}${String(i).padStart(4, '0')}`);

beforeAll(async () => {
  t = await startTestEmulator();
  await registerUsers(t, ['own', 'm1', 'm2', 'm3', 'm4', 'm5', 'outsider']);
});
afterAll(() => t.close());

describe('GET /chatgroups/{g}/users (roster)', () => {
  it('answers the documented envelope with params echoed, owner as {owner} first, others as {member}', async () => {
    const g = await createGroup(t, 'own', ['m1', 'm2', 'm3']);
    const page2 = await t.call('GET', `/chatgroups/${g}/users?pagenum=2&pagesize=2`);
    expectEnvelope(page2, 'get', `/chatgroups/${g}/users`, ['params', 'count']);
    expect(page2.body.params).toEqual({ pagenum: ['2'], pagesize: ['2'] });
    expect(page2.body.data).toEqual([{ member: 'm2' }, { member: 'm3' }]);
    expect(page2.body.count).toBe(2);

    const page1 = await t.call('GET', `/chatgroups/${g}/users?pagenum=1&pagesize=2`);
    expect(page1.body.data).toEqual([{ owner: 'own' }, { member: 'm1' }]);
    expect(page1.body.count).toBe(2);
  });

  it('defaults to page 1 of up to 1000 and tolerates ?version=v3', async () => {
    const g = await createGroup(t, 'own', ['m1', 'm2']);
    const res = await t.call('GET', `/chatgroups/${g}/users?version=v3`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([{ owner: 'own' }, { member: 'm1' }, { member: 'm2' }]);
    expect(res.body.count).toBe(3);
  });

  it('lists admins as {member}, not a role of their own', async () => {
    const g = await createGroup(t, 'own', ['m1']);
    expect((await t.call('POST', `/chatgroups/${g}/admin`, { newadmin: 'm1' })).status).toBe(200);
    expect(await roster(g)).toEqual([{ owner: 'own' }, { member: 'm1' }]);
  });

  it('a page-number walk with pagesize 20 over ~130 members visits each exactly once and ends with a short page', async () => {
    const members = await registerUsers(t, names(129, 'walk'));
    const g = await createGroup(t, 'own', members.slice(0, 100));
    const add = await t.call('POST', `/chatgroups/${g}/users`, { usernames: members.slice(100) });
    expect(add.body.data.newmembers).toHaveLength(29);

    const seen: string[] = [];
    const counts: number[] = [];
    for (let pagenum = 1; pagenum < 50; pagenum++) {
      const res = await t.call('GET', `/chatgroups/${g}/users?pagenum=${pagenum}&pagesize=20`);
      expect(res.status).toBe(200);
      expect(res.body.count).toBe(res.body.data.length);
      counts.push(res.body.count);
      for (const entry of res.body.data) seen.push(entry.owner ?? entry.member);
      if (res.body.count < 20) break;
    }
    expect(counts).toEqual([20, 20, 20, 20, 20, 20, 10]);
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
    expect(seen[0]).toBe('own');
    expect([...seen].sort()).toEqual(['own', ...members].sort());
  });

  it('clamps pagesize above 1000 to 1000', async () => {
    const members = await registerUsers(t, names(1005, 'big'));
    const g = await createGroup(t, 'own', members.slice(0, 100));
    for (let i = 100; i < members.length; i += 60) {
      const res = await t.call('POST', `/chatgroups/${g}/users`, { usernames: members.slice(i, i + 60) });
      expect(res.status).toBe(200);
    }
    const first = await t.call('GET', `/chatgroups/${g}/users?pagenum=1&pagesize=5000`);
    expect(first.status).toBe(200);
    expect(first.body.count).toBe(1000);
    expect(first.body.params).toEqual({ pagenum: ['1'], pagesize: ['5000'] });
    // Page 2 of 1000 per page: the 6 left of 1006.
    const second = await t.call('GET', `/chatgroups/${g}/users?pagenum=2&pagesize=5000`);
    expect(second.body.count).toBe(6);
    const all = await t.call('GET', `/chatgroups/${g}/users`);
    expect(all.body.count).toBe(1000);
  });

  it('rejects pagesize below 1 with 400', async () => {
    const g = await createGroup(t, 'own');
    const res = await t.call('GET', `/chatgroups/${g}/users?pagesize=0`);
    expect(res.status).toBe(400);
  });

  it('answers a missing group with 404 service_resource_not_found "do not find this group:XX"', async () => {
    expectError(await t.call('GET', '/chatgroups/999999999/users'), 404, 'service_resource_not_found', 'do not find this group:999999999');
  });
});

describe('GET /chatgroups/{g}/users?limit&cursor (the web SDK\'s cursor form, undocumented)', () => {
  type Entry = { owner?: string; admin?: string; member?: string; joined_time: number };
  const nameOf = (e: Entry) => e.owner ?? e.admin ?? e.member;

  it('answers {owner|admin|member, joined_time} entries, owner first, with the next cursor at the top level', async () => {
    const g = await createGroup(t, 'own', ['m1', 'm2', 'm3']);
    expect((await t.call('POST', `/chatgroups/${g}/admin`, { newadmin: 'm2' })).status).toBe(200);
    const created = (await t.call('GET', `/chatgroups/${g}`)).body.data[0].created as number;

    const first = await t.call('GET', `/chatgroups/${g}/users?limit=2&cursor=undefined&joined_time=true&version=v3`);
    expectEnvelope(first, 'get', `/chatgroups/${g}/users`, ['params', 'count', 'cursor']);
    expect(first.body.params).toEqual({ limit: ['2'], cursor: ['undefined'], joined_time: ['true'], version: ['v3'] });
    expect(first.body.data).toEqual([
      { owner: 'own', joined_time: created },
      { member: 'm1', joined_time: created },
    ]);
    expect(first.body.count).toBe(2);
    expect(first.body.cursor).toBeTypeOf('string');
    expect(first.body.cursor).not.toBe('');

    const last = await t.call('GET', `/chatgroups/${g}/users?limit=2&cursor=${first.body.cursor}&joined_time=true`);
    expect(last.body.data).toEqual([
      { admin: 'm2', joined_time: created },
      { member: 'm3', joined_time: created },
    ]);
    // The last page says so with an empty cursor, which is what the SDK reads to stop.
    expect(last.body.cursor).toBe('');
  });

  it('walks ~130 members in pages of 20, each exactly once, ending with an empty cursor', async () => {
    const members = await registerUsers(t, names(129, 'cwalk'));
    const g = await createGroup(t, 'own', members.slice(0, 100));
    await t.call('POST', `/chatgroups/${g}/users`, { usernames: members.slice(100) });
    const seen: string[] = [];
    const counts: number[] = [];
    let cursor = 'undefined';
    for (let guard = 0; guard < 20; guard++) {
      const res = await t.call('GET', `/chatgroups/${g}/users?limit=20&cursor=${cursor}`);
      expect(res.status).toBe(200);
      counts.push(res.body.count);
      seen.push(...(res.body.data as Entry[]).map(nameOf).filter((n): n is string => n !== undefined));
      cursor = res.body.cursor;
      if (cursor === '') break;
    }
    expect(counts).toEqual([20, 20, 20, 20, 20, 20, 10]);
    expect(seen[0]).toBe('own');
    expect(new Set(seen).size).toBe(130);
    expect([...seen].sort()).toEqual(['own', ...members].sort());
  });

  it('a page that holds everyone ends at once; limit alone or cursor alone selects this form', async () => {
    const g = await createGroup(t, 'own', ['m1']);
    const all = await t.call('GET', `/chatgroups/${g}/users?limit=5`);
    expect(all.body.data.map(nameOf)).toEqual(['own', 'm1']);
    expect(all.body.cursor).toBe('');
    const cursorOnly = await t.call('GET', `/chatgroups/${g}/users?cursor=undefined`);
    expect(cursorOnly.body.data.map(nameOf)).toEqual(['own', 'm1']);
    expect(cursorOnly.body.cursor).toBe('');
  });

  it('keeps the documented page form whenever pagenum or pagesize is given', async () => {
    const g = await createGroup(t, 'own', ['m1', 'm2']);
    await t.call('POST', `/chatgroups/${g}/admin`, { newadmin: 'm1' });
    const res = await t.call('GET', `/chatgroups/${g}/users?pagenum=1&pagesize=2&limit=1&cursor=undefined`);
    expectEnvelope(res, 'get', `/chatgroups/${g}/users`, ['params', 'count']);
    expect(res.body.data).toEqual([{ owner: 'own' }, { member: 'm1' }]);
    expect('cursor' in res.body).toBe(false);
  });

  it('rejects a cursor it never issued, and a missing group as the page form does', async () => {
    const g = await createGroup(t, 'own', ['m1']);
    expect((await t.call('GET', `/chatgroups/${g}/users?limit=2&cursor=bm9wZQ`)).status).toBe(400);
    expectError(await t.call('GET', '/chatgroups/999999999/users?limit=2'), 404, 'service_resource_not_found', 'do not find this group:999999999');
  });
});

describe('POST /chatgroups/{g}/users/{u} (add one)', () => {
  it('adds the user and answers the documented envelope', async () => {
    const g = await createGroup(t, 'own');
    const res = await t.call('POST', `/chatgroups/${g}/users/m4`);
    expectEnvelope(res, 'post', `/chatgroups/${g}/users/m4`);
    expect(res.body.data).toEqual({ result: true, groupid: g, action: 'add_member', user: 'm4' });
    expect(await roster(g)).toEqual([{ owner: 'own' }, { member: 'm4' }]);
  });

  it('answers 403 forbidden_op when the user is already in the group (the owner too)', async () => {
    const g = await createGroup(t, 'own', ['m1']);
    expectError(
      await t.call('POST', `/chatgroups/${g}/users/m1`),
      403,
      'forbidden_op',
      `can not join this group, reason:user: m1 already in group: ${g}\n`,
    );
    expectError(
      await t.call('POST', `/chatgroups/${g}/users/own`),
      403,
      'forbidden_op',
      `can not join this group, reason:user: own already in group: ${g}\n`,
    );
  });

  it('answers 404 resource_not_found for a missing group and for a missing user', async () => {
    expectError(await t.call('POST', '/chatgroups/123456/users/m1'), 404, 'resource_not_found', 'grpID 123456 does not exist!');
    const g = await createGroup(t, 'own');
    expectError(await t.call('POST', `/chatgroups/${g}/users/ghost`), 404, 'resource_not_found', "username ghost doesn't exist!");
    expect(await roster(g)).toEqual([{ owner: 'own' }]);
  });
});

describe('POST /chatgroups/{g}/users (add many)', () => {
  it('adds the users and answers data {newmembers, groupid, action}', async () => {
    const g = await createGroup(t, 'own');
    const res = await t.call('POST', `/chatgroups/${g}/users`, { usernames: ['m4', 'm5'] });
    expectEnvelope(res, 'post', `/chatgroups/${g}/users`);
    expect(Object.keys(res.body.data).sort()).toEqual(['action', 'groupid', 'newmembers']);
    expect(res.body.data.groupid).toBe(g);
    expect(res.body.data.action).toBe('add_member');
    expect([...res.body.data.newmembers].sort()).toEqual(['m4', 'm5']);
    expect(await roster(g)).toEqual([{ owner: 'own' }, { member: 'm4' }, { member: 'm5' }]);
  });

  it('lists only the users actually added when some are already members', async () => {
    const g = await createGroup(t, 'own', ['m1']);
    const res = await t.call('POST', `/chatgroups/${g}/users`, { usernames: ['m1', 'm2'] });
    expect(res.status).toBe(200);
    expect(res.body.data.newmembers).toEqual(['m2']);
    expect((await roster(g)).length).toBe(3);
  });

  it('fails with 403 forbidden_op when every user is already a member', async () => {
    const g = await createGroup(t, 'own', ['m1', 'm2']);
    const res = await t.call('POST', `/chatgroups/${g}/users`, { usernames: ['m1', 'm2'] });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('forbidden_op');
    // The document prints "an not join this group, …" (a clipped "can not"): both readings end alike.
    expect(res.body.error_description).toContain(`an not join this group, reason:user: m1 already in group: ${g}\n`);
  });

  it('refuses more than 60 users with 403 exceed_limit "members size is greater than max user size !"', async () => {
    const g = await createGroup(t, 'own');
    const many = await registerUsers(t, names(61, 'sixtyone'));
    expectError(
      await t.call('POST', `/chatgroups/${g}/users`, { usernames: many }),
      403,
      'exceed_limit',
      'members size is greater than max user size !',
    );
    expect(await roster(g)).toEqual([{ owner: 'own' }]);
    // Exactly 60 is fine.
    const sixty = await t.call('POST', `/chatgroups/${g}/users`, { usernames: many.slice(0, 60) });
    expect(sixty.status).toBe(200);
    expect(sixty.body.data.newmembers).toHaveLength(60);
  });

  it('answers 404 for a missing user (adding nobody) and for a missing group', async () => {
    const g = await createGroup(t, 'own');
    expectError(await t.call('POST', `/chatgroups/${g}/users`, { usernames: ['m1', 'ghost'] }), 404, 'resource_not_found', "username ghost doesn't exist!");
    expect(await roster(g)).toEqual([{ owner: 'own' }]);
    expectError(await t.call('POST', '/chatgroups/424242/users', { usernames: ['m1'] }), 404, 'resource_not_found', 'grpID 424242 does not exist!');
  });

  it('answers 400 when usernames is missing or not an array', async () => {
    const g = await createGroup(t, 'own');
    expect((await t.call('POST', `/chatgroups/${g}/users`, { usernames: 'm1' })).status).toBe(400);
    expect((await t.call('POST', `/chatgroups/${g}/users`, {})).status).toBe(400);
  });
});

describe('the joined-groups cap', () => {
  it('answers 403 exceed_limit "user XX has joined too many groups!" on single and batch adds', async () => {
    const small = await startTestEmulator({ joinedGroupCap: 1 });
    try {
      await registerUsers(small, ['boss', 'busy']);
      const g1 = await createGroup(small, 'boss', ['busy']);
      const g2 = await createGroup(small, 'boss');
      expect(g1).not.toBe(g2);
      const one = await small.call('POST', `/chatgroups/${g2}/users/busy`);
      expect(one.status).toBe(403);
      expect(one.body).toMatchObject({ error: 'exceed_limit', error_description: 'user busy has joined too many groups!' });
      const many = await small.call('POST', `/chatgroups/${g2}/users`, { usernames: ['busy'] });
      expect(many.status).toBe(403);
      expect(many.body).toMatchObject({ error: 'exceed_limit', error_description: 'user busy has joined too many groups!' });
    } finally {
      await small.close();
    }
  });
});

describe('DELETE /chatgroups/{g}/users/{u} (remove one)', () => {
  it('removes the member and answers data {result, action, user, groupid}', async () => {
    const g = await createGroup(t, 'own', ['m1', 'm2']);
    const res = await t.call('DELETE', `/chatgroups/${g}/users/m1`);
    expectEnvelope(res, 'delete', `/chatgroups/${g}/users/m1`);
    expect(res.body.data).toEqual({ result: true, action: 'remove_member', user: 'm1', groupid: g });
    expect(await roster(g)).toEqual([{ owner: 'own' }, { member: 'm2' }]);
  });

  it('answers 403 "users [XX] are not members of this group!" for a non-member', async () => {
    const g = await createGroup(t, 'own', ['m1']);
    expectError(await t.call('DELETE', `/chatgroups/${g}/users/outsider`), 403, 'forbidden_op', 'users [outsider] are not members of this group!');
  });

  it('answers 403 "forbidden operation on group owner!" for the owner', async () => {
    const g = await createGroup(t, 'own', ['m1']);
    expectError(await t.call('DELETE', `/chatgroups/${g}/users/own`), 403, 'forbidden_op', 'forbidden operation on group owner!');
    expect((await roster(g))[0]).toEqual({ owner: 'own' });
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('DELETE', '/chatgroups/31337/users/m1'), 404, 'resource_not_found', 'grpID 31337 does not exist!');
  });

  it('lets a removed member be added again, without the attributes they had', async () => {
    const g = await createGroup(t, 'own', ['m1']);
    expect((await t.call('PUT', `/metadata/chatgroup/${g}/user/m1`, { metaData: { nick: 'one' } })).status).toBe(200);
    expect((await t.call('DELETE', `/chatgroups/${g}/users/m1`)).status).toBe(200);
    expect((await t.call('POST', `/chatgroups/${g}/users/m1`)).status).toBe(200);
    expect((await t.call('GET', `/metadata/chatgroup/${g}/user/m1`)).body.data).toEqual({});
  });
});

describe('DELETE /chatgroups/{g}/users/{u1,u2,…} (remove many)', () => {
  it.each([
    ['comma', ','],
    ['%2C', '%2C'],
  ])('answers one result per user, with a reason on failures (%s)', async (_label, sep) => {
    const g = await createGroup(t, 'own', ['m1', 'm2']);
    const path = `/chatgroups/${g}/users/${['ghost', 'm1', 'm2', 'outsider'].join(sep)}`;
    const res = await t.call('DELETE', path);
    expectEnvelope(res, 'delete', path);
    expect(res.body.data).toEqual([
      { result: false, action: 'remove_member', reason: "user ghost doesn't exist.", user: 'ghost', groupid: g },
      { result: true, action: 'remove_member', user: 'm1', groupid: g },
      { result: true, action: 'remove_member', user: 'm2', groupid: g },
      {
        result: false,
        action: 'remove_member',
        reason: 'users [outsider] are not members of this group!',
        user: 'outsider',
        groupid: g,
      },
    ]);
    expect(await roster(g)).toEqual([{ owner: 'own' }]);
  });

  it('reports the owner as a per-user failure and keeps them', async () => {
    const g = await createGroup(t, 'own', ['m1']);
    const res = await t.call('DELETE', `/chatgroups/${g}/users/own,m1`);
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toEqual({
      result: false,
      action: 'remove_member',
      reason: 'forbidden operation on group owner!',
      user: 'own',
      groupid: g,
    });
    expect(res.body.data[1]).toMatchObject({ result: true, user: 'm1' });
    expect(await roster(g)).toEqual([{ owner: 'own' }]);
  });

  it('fails as a whole when no user could be removed', async () => {
    const g = await createGroup(t, 'own', ['m1']);
    expectError(await t.call('DELETE', `/chatgroups/${g}/users/m2,m3`), 403, 'forbidden_op', 'users [m2] are not members of this group!');
    expectError(await t.call('DELETE', `/chatgroups/${g}/users/own,outsider`), 403, 'forbidden_op', 'forbidden operation on group owner!');
  });

  it('refuses more than 60 users with 400 invalid_parameter', async () => {
    const g = await createGroup(t, 'own', ['m1']);
    const list = [...names(60, 'nobody'), 'm1'].join(',');
    expectError(await t.call('DELETE', `/chatgroups/${g}/users/${list}`), 400, 'invalid_parameter', 'kickMember: kickMembers number more than maxSize : 60');
    expect((await roster(g)).length).toBe(2);
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('DELETE', '/chatgroups/31337/users/m1,m2'), 404, 'resource_not_found', 'grpID 31337 does not exist!');
  });
});

describe('authentication', () => {
  it.each([
    ['GET', '/users'],
    ['POST', '/users/m5'],
    ['POST', '/users'],
    ['DELETE', '/users/m1'],
    ['DELETE', '/users/m1,m2'],
  ])('%s /chatgroups/{g}%s without a token → 401 unauthorized', async (method, suffix) => {
    const g = await createGroup(t, 'own', ['m1', 'm2']);
    const res = await t.call(method, `/chatgroups/${g}${suffix}`, method === 'POST' && suffix === '/users' ? { usernames: ['m5'] } : undefined, {
      token: null,
    });
    expectError(res, 401, 'unauthorized', 'Unable to authenticate (OAuth)');
    expect((await roster(g)).length).toBe(3);
  });
});
