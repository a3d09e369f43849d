import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUsers, startTestEmulator, type TestEmulator } from '../testing/harness.js';

// Seeds 000 (Agora Chat scheme) and 001 (Easemob scheme): friends, remarks, import, user blacklist;
// plus the older forms of 003. Each scheme gets its own emulator and users.

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

describe.each(['easemob', 'agora'] as const)('friends and blacklists, %s scheme', (scheme) => {
  let t: TestEmulator;
  const call = (method: string, path: string, body?: unknown) => t.call(method, path, body, { scheme });

  beforeAll(async () => {
    t = await startTestEmulator({ friendCap: 40 });
    await registerUsers(t, ['owner', 'pal', 'other', 'stranger', ...names('f', 45), ...names('b', 30)]);
  });
  afterAll(() => t.close());

  it('adds a friend, mutually, answering with the friend entity', async () => {
    const res = await call('POST', '/users/owner/contacts/users/pal');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ action: 'post', organization: 'demo', applicationName: 'console' });
    expect(res.body.path).toMatch(/^\/users\/[0-9a-f-]+\/contacts$/);
    expect(res.body.entities).toHaveLength(1);
    expect(res.body.entities[0]).toMatchObject({ type: 'user', username: 'pal', activated: true });
    expect(typeof res.body.timestamp).toBe('number');
    expect(typeof res.body.duration).toBe('number');
    expect((await call('GET', '/users/owner/contacts/users')).body.data).toContain('pal');
    expect((await call('GET', '/users/pal/contacts/users')).body.data).toContain('owner');
  });

  it('answers 404 service_resource_not_found when either user is missing', async () => {
    for (const path of ['/users/ghost/contacts/users/pal', '/users/owner/contacts/users/ghost']) {
      const res = await call('POST', path);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: 'service_resource_not_found', error_description: 'Service resource not found' });
    }
    expect((await call('DELETE', '/users/owner/contacts/users/ghost')).status).toBe(404);
    expect((await call('GET', '/users/ghost/contacts/users')).status).toBe(404);
    expect((await call('GET', '/user/ghost/contacts')).status).toBe(404);
  });

  it('answers 401 without a token', async () => {
    const res = await t.call('POST', '/users/owner/contacts/users/pal', undefined, { token: null, scheme });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('unauthorized');
  });

  it('sets a remark ≤ 100 characters on a friend only (singular /user/ path)', async () => {
    const ok = await call('PUT', '/user/owner/contacts/users/pal', { remark: '大学同学' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ action: 'put', status: 'ok' });
    expect(ok.body.uri).toMatch(/\/user\/owner\/contacts\/users\/pal$/);

    const notFriends = await call('PUT', '/user/owner/contacts/users/stranger', { remark: 'x' });
    expect(notFriends.status).toBe(400);
    expect(notFriends.body).toMatchObject({
      error: 'illegal_argument',
      error_description: 'updateRemark they are not friends, please add as a friend first.',
    });
    const tooLong = await call('PUT', '/user/owner/contacts/users/pal', { remark: 'r'.repeat(101) });
    expect(tooLong.status).toBe(400);
    expect((await call('PUT', '/user/owner/contacts/users/pal', { remark: 'r'.repeat(100) })).status).toBe(200);
    expect((await call('PUT', '/user/ghost/contacts/users/pal', { remark: 'x' })).status).toBe(404);
  });

  it('returns remarks only with needReturnRemark=true; each side keeps its own remark', async () => {
    await call('PUT', '/user/owner/contacts/users/pal', { remark: '同事' });
    const withRemark = await call('GET', '/user/owner/contacts?limit=10&needReturnRemark=true');
    expect(withRemark.body.data.contacts).toContainEqual({ remark: '同事', username: 'pal' });
    const without = await call('GET', '/user/owner/contacts?limit=10');
    expect(without.body.data.contacts).toContainEqual({ username: 'pal' });
    const palSide = await call('GET', '/user/pal/contacts?needReturnRemark=true');
    expect(palSide.body.data.contacts).toContainEqual({ remark: null, username: 'owner' });
  });

  it('pages friends with limit 1..50 and a cursor that visits each exactly once', async () => {
    for (const f of names('f', 37)) expect((await call('POST', `/users/other/contacts/users/${f}`)).status).toBe(200);
    const visited: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await call('GET', `/user/other/contacts?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : '&cursor=undefined&version=v3'}`);
      expect(res.status).toBe(200);
      expect(res.body.count).toBe(res.body.data.contacts.length);
      visited.push(...res.body.data.contacts.map((x: { username: string }) => x.username));
      expect(res.body.cursor).not.toBe('');
      cursor = res.body.cursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(visited.sort()).toEqual(names('f', 37).sort());

    const over = await call('GET', '/user/other/contacts?limit=51');
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ error: 'illegal_argument', error_description: 'getContacts page size more than max limit : 50' });
  });

  it('keeps a cursor walk stable while friends are added', async () => {
    const first = await call('GET', '/user/other/contacts?limit=20');
    await call('POST', '/users/other/contacts/users/stranger');
    const second = await call('GET', `/user/other/contacts?limit=50&cursor=${encodeURIComponent(first.body.cursor)}`);
    const all = [...first.body.data.contacts, ...second.body.data.contacts].map((x: { username: string }) => x.username);
    expect(new Set(all).size).toBe(all.length);
    for (const f of names('f', 37)) expect(all).toContain(f);
    await call('DELETE', '/users/other/contacts/users/stranger');
  });

  it('stops at the friend cap with 403 exceed_limit', async () => {
    // friendCap is 40 here; `other` has 37 friends.
    for (const f of ['f037', 'f038', 'f039']) expect((await call('POST', `/users/other/contacts/users/${f}`)).status).toBe(200);
    const res = await call('POST', '/users/other/contacts/users/f040');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'exceed_limit', error_description: 'user contact number exceed limit' });
  });

  it('removes a friend on both sides', async () => {
    const res = await call('DELETE', '/users/other/contacts/users/f039');
    expect(res.status).toBe(200);
    expect(res.body.entities[0].username).toBe('f039');
    expect((await call('GET', '/users/other/contacts/users')).body.data).not.toContain('f039');
    expect((await call('GET', '/users/f039/contacts/users')).body.data).not.toContain('other');
  });

  it('imports up to 10 friends, reporting each name in its bucket', async () => {
    const res = await call('POST', '/users/pal/contacts/import?isSendNotice=true', { usernames: ['f000', 'ghost1', 'owner', 'other'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', action: 'post' });
    expect(res.body.data.success).toEqual(expect.arrayContaining(['f000', 'owner']));
    expect(res.body.data.NotExistFailed).toEqual(['ghost1']);
    // `other` had 39 friends: one place left, so it is imported too.
    expect(res.body.data.success).toContain('other');
    expect(res.body.data.maxLimitFailed).toEqual([]);
    expect(res.body.data.UnKnowFailed).toEqual([]);

    const tooMany = await call('POST', '/users/pal/contacts/import', { usernames: names('f', 11) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ error: 'illegal_argument', error_description: 'request user over flow limit:10.' });
    expect((await call('POST', '/users/ghost/contacts/import', { usernames: ['f000'] })).status).toBe(404);
  });

  it('reports friends over the cap in maxLimitFailed, and refuses an owner already at the cap', async () => {
    // `other` has 40 friends (the cap) after the import above made it pal's friend: free one place.
    expect((await call('DELETE', '/users/other/contacts/users/pal')).status).toBe(200);
    const fill = await call('POST', '/users/other/contacts/import', { usernames: ['f040', 'f041'] });
    expect(fill.body.data.success).toEqual(['f040']);
    expect(fill.body.data.maxLimitFailed).toEqual(['f041']);
    const full = await call('POST', '/users/other/contacts/import', { usernames: ['f042'] });
    expect(full.status).toBe(403);
    expect(full.body).toMatchObject({ error: 'exceed_limit', error_description: "Inviter's contact max count." });
  });

  it('blocks any user, friend or not, newest first, and pages with pageSize 1..50', async () => {
    const add = await call('POST', '/users/stranger/blocks/users', { usernames: names('b', 23) });
    expect(add.status).toBe(200);
    expect(add.body.data).toEqual(names('b', 23));
    expect(add.body.entities).toEqual([]);

    const all = await call('GET', '/users/stranger/blocks/users');
    expect(all.body.count).toBe(23);
    expect(all.body.data[0]).toBe('b022');
    expect(all.body.cursor ?? null).toBeNull();

    const firstPage = await call('GET', '/users/stranger/blocks/users?pageSize=5');
    expect(firstPage.body.data).toEqual(['b022', 'b021', 'b020', 'b019', 'b018']);

    const visited: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await call('GET', `/users/stranger/blocks/users?pageSize=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      visited.push(...res.body.data);
      expect(res.body.cursor).not.toBe('');
      cursor = res.body.cursor ?? undefined;
    } while (cursor);
    expect(visited).toEqual(names('b', 23).reverse());
    expect((await call('GET', '/users/stranger/blocks/users?pageSize=51')).status).toBe(400);
  });

  it('refuses to block a user that does not exist (003 wording) and a missing owner', async () => {
    const res = await call('POST', '/users/stranger/blocks/users', { usernames: ['user20'] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: 'illegal_argument',
      error_description: 'attempt to adding new block[user20] for user[stranger],but user[user20] not found.',
    });
    expect((await call('POST', '/users/ghost/blocks/users', { usernames: ['pal'] })).status).toBe(404);
    expect((await call('GET', '/users/ghost/blocks/users')).status).toBe(404);
  });

  it('unblocks, answering with the unblocked user', async () => {
    const res = await call('DELETE', '/users/stranger/blocks/users/b000');
    expect(res.status).toBe(200);
    expect(res.body.entities[0].username).toBe('b000');
    expect(res.body.path).toMatch(/\/blocks$/);
    expect((await call('GET', '/users/stranger/blocks/users')).body.data).not.toContain('b000');
    expect((await call('DELETE', '/users/stranger/blocks/users/ghost')).status).toBe(404);
  });
});

describe('one app under both schemes', () => {
  it('shows through one scheme what the other wrote', async () => {
    const t = await startTestEmulator();
    try {
      await registerUsers(t, ['x1', 'x2', 'x3']);
      await t.call('POST', '/users/x1/contacts/users/x2', undefined, { scheme: 'agora' });
      await t.call('POST', '/users/x1/blocks/users', { usernames: ['x3'] }, { scheme: 'easemob' });
      expect((await t.call('GET', '/users/x1/contacts/users', undefined, { scheme: 'easemob' })).body.data).toEqual(['x2']);
      expect((await t.call('GET', '/users/x1/blocks/users', undefined, { scheme: 'agora' })).body.data).toEqual(['x3']);
    } finally {
      await t.close();
    }
  });

  it('caps a blacklist at 500 entries', async () => {
    const t = await startTestEmulator();
    try {
      const many = names('z', 501);
      await registerUsers(t, ['holder', ...many]);
      expect((await t.call('POST', '/users/holder/blocks/users', { usernames: many.slice(0, 500) })).status).toBe(200);
      const over = await t.call('POST', '/users/holder/blocks/users', { usernames: [many[500]] });
      expect(over.status).toBe(403);
      expect(over.body.error).toBe('exceed_limit');
      expect((await t.call('GET', '/users/holder/blocks/users')).body.count).toBe(500);
    } finally {
      await t.close();
    }
  });
});
