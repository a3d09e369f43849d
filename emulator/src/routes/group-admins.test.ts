import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, registerUsers, startTestEmulator, type ApiResponse, type TestEmulator } from '../testing/harness.js';
import { expectError, expectGroupEnvelope } from '../testing/expect-answers.js';

// Group admins (seed 002): list, add, remove; owner + admins ≤ 100.

let t: TestEmulator;

const expectEnvelope = (res: ApiResponse, action: string, path: string, extra?: string[]) => expectGroupEnvelope(t, res, action, path, extra);

const admins = async (g: string) => (await t.call('GET', `/chatgroups/${g}/admin`)).body.data as string[];
const addAdmin = (g: string, newadmin: unknown) => t.call('POST', `/chatgroups/${g}/admin`, { newadmin });

beforeAll(async () => {
  t = await startTestEmulator();
  await registerUsers(t, ['own', 'a1', 'a2', 'a3', 'outsider']);
});
afterAll(() => t.close());

describe('GET /chatgroups/{g}/admin', () => {
  it('answers the documented envelope with data [names] and count', async () => {
    const g = await createGroup(t, 'own', ['a1', 'a2', 'a3']);
    const empty = await t.call('GET', `/chatgroups/${g}/admin`);
    expectEnvelope(empty, 'get', `/chatgroups/${g}/admin`, ['count']);
    expect(empty.body.data).toEqual([]);
    expect(empty.body.count).toBe(0);

    await addAdmin(g, 'a1');
    await addAdmin(g, 'a3');
    const res = await t.call('GET', `/chatgroups/${g}/admin?version=v3`);
    expect(res.body.data).toEqual(['a1', 'a3']);
    expect(res.body.count).toBe(2);
  });

  it('does not list the owner', async () => {
    const g = await createGroup(t, 'own', ['a1']);
    expect(await admins(g)).not.toContain('own');
  });

  it('answers 404 resource_not_found for a missing group', async () => {
    expectError(await t.call('GET', '/chatgroups/777/admin'), 404, 'resource_not_found', 'grpID 777 does not exist!');
  });
});

describe('POST /chatgroups/{g}/admin {newadmin}', () => {
  it('makes a member admin and answers data {result: "success", newadmin} with properties', async () => {
    const g = await createGroup(t, 'own', ['a1']);
    const res = await addAdmin(g, 'a1');
    expectEnvelope(res, 'post', `/chatgroups/${g}/admin`, ['properties']);
    expect(res.body.properties).toEqual({});
    expect(res.body.data).toEqual({ result: 'success', newadmin: 'a1' });
    expect(await admins(g)).toEqual(['a1']);
    // Still a member in the roster.
    expect((await t.call('GET', `/chatgroups/${g}/users`)).body.data).toEqual([{ owner: 'own' }, { member: 'a1' }]);
  });

  it('answers 404 resource_not_found "user: XX doesn\'t exist in group: XXX" for a non-member or unknown user', async () => {
    const g = await createGroup(t, 'own', ['a1']);
    expectError(await addAdmin(g, 'outsider'), 404, 'resource_not_found', `user: outsider doesn't exist in group: ${g}`);
    expectError(await addAdmin(g, 'ghost'), 404, 'resource_not_found', `user: ghost doesn't exist in group: ${g}`);
    expect(await admins(g)).toEqual([]);
  });

  it('answers 404 for a missing group', async () => {
    expectError(await addAdmin('8888', 'a1'), 404, 'resource_not_found', 'grpID 8888 does not exist!');
  });

  it('refuses the owner and an existing admin with 403', async () => {
    const g = await createGroup(t, 'own', ['a1']);
    expectError(await addAdmin(g, 'own'), 403, 'forbidden_op', 'forbidden operation on group owner!');
    expect((await addAdmin(g, 'a1')).status).toBe(200);
    const again = await addAdmin(g, 'a1');
    expect(again.status).toBe(403);
    expect(again.body.error).toBe('forbidden_op');
    expect(await admins(g)).toEqual(['a1']);
  });

  it('answers 400 when newadmin is missing or not a string', async () => {
    const g = await createGroup(t, 'own', ['a1']);
    expect((await t.call('POST', `/chatgroups/${g}/admin`, {})).status).toBe(400);
    expect((await addAdmin(g, 42)).status).toBe(400);
  });

  it('allows at most 99 admins (owner + admins = 100): the 100th is refused with 403 exceed_limit', async () => {
    const members = await registerUsers(
      t,
      Array.from({ length: 100 }, (_, i) => `adm${String(i).padStart(3, '0')}`),
    );
    const g = await createGroup(t, 'own', members.slice(0, 60));
    expect((await t.call('POST', `/chatgroups/${g}/users`, { usernames: members.slice(60) })).status).toBe(200);
    expect((await t.call('GET', `/chatgroups/${g}/users`)).body.count).toBe(101);

    for (const m of members.slice(0, 99)) {
      const res = await addAdmin(g, m);
      expect(res.status, m).toBe(200);
    }
    const list = await t.call('GET', `/chatgroups/${g}/admin`);
    expect(list.body.count).toBe(99);

    const over = await addAdmin(g, members[99]);
    expect(over.status).toBe(403);
    expect(over.body.error).toBe('exceed_limit');
    expect(await admins(g)).not.toContain(members[99]);

    // Room again once one admin steps down.
    expect((await t.call('DELETE', `/chatgroups/${g}/admin/${members[0]}`)).status).toBe(200);
    expect((await addAdmin(g, members[99])).status).toBe(200);
    expect((await admins(g)).length).toBe(99);
  });
});

describe('DELETE /chatgroups/{g}/admin/{u}', () => {
  it('demotes the admin to member and answers data {result: "success", oldadmin}', async () => {
    const g = await createGroup(t, 'own', ['a1', 'a2']);
    await addAdmin(g, 'a1');
    await addAdmin(g, 'a2');
    const res = await t.call('DELETE', `/chatgroups/${g}/admin/a1`);
    expectEnvelope(res, 'delete', `/chatgroups/${g}/admin/a1`);
    expect(res.body.data).toEqual({ result: 'success', oldadmin: 'a1' });
    expect(await admins(g)).toEqual(['a2']);
    expect((await t.call('GET', `/chatgroups/${g}/users`)).body.data).toContainEqual({ member: 'a1' });
  });

  it('answers 403 forbidden_op "user:XX is not admin of group:XX" for a plain member, the owner or an outsider', async () => {
    const g = await createGroup(t, 'own', ['a1']);
    expectError(await t.call('DELETE', `/chatgroups/${g}/admin/a1`), 403, 'forbidden_op', `user:a1 is not admin of group:${g}`);
    expectError(await t.call('DELETE', `/chatgroups/${g}/admin/own`), 403, 'forbidden_op', `user:own is not admin of group:${g}`);
    expectError(await t.call('DELETE', `/chatgroups/${g}/admin/outsider`), 403, 'forbidden_op', `user:outsider is not admin of group:${g}`);
  });

  it('answers 404 for a missing group', async () => {
    expectError(await t.call('DELETE', '/chatgroups/9999/admin/a1'), 404, 'resource_not_found', 'grpID 9999 does not exist!');
  });

  it('an admin who leaves the group is no longer listed, and comes back as a plain member', async () => {
    const g = await createGroup(t, 'own', ['a1']);
    await addAdmin(g, 'a1');
    expect((await t.call('DELETE', `/chatgroups/${g}/users/a1`)).status).toBe(200);
    expect(await admins(g)).toEqual([]);
    expect((await t.call('POST', `/chatgroups/${g}/users/a1`)).status).toBe(200);
    expect(await admins(g)).toEqual([]);
  });
});

describe('authentication', () => {
  it.each([
    ['GET', '/admin', undefined],
    ['POST', '/admin', { newadmin: 'a1' }],
    ['DELETE', '/admin/a2', undefined],
  ])('%s /chatgroups/{g}%s without a token → 401 unauthorized', async (method, suffix, body) => {
    const g = await createGroup(t, 'own', ['a1', 'a2']);
    await addAdmin(g, 'a2');
    expectError(await t.call(method, `/chatgroups/${g}${suffix}`, body, { token: null }), 401, 'unauthorized', 'Unable to authenticate (OAuth)');
    expect(await admins(g)).toEqual(['a2']);
  });
});
