import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, registerUsers, startTestEmulator, type ApiResponse, type TestEmulator } from '../testing/harness.js';
import { expectError } from '../testing/expect-answers.js';

// Group member attributes (seed 002): set, get one member's, get several members' by key.
// Unlike the other group calls, the examples answer only {timestamp, data, duration}.

let t: TestEmulator;

function expectBare(res: ApiResponse) {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(Object.keys(res.body).sort()).toEqual(['data', 'duration', 'timestamp']);
  expect(res.body.timestamp).toBeTypeOf('number');
  expect(res.body.duration).toBeTypeOf('number');
}

const put = (g: string, u: string, metaData: unknown) => t.call('PUT', `/metadata/chatgroup/${g}/user/${u}`, { metaData });
const get = (g: string, u: string) => t.call('GET', `/metadata/chatgroup/${g}/user/${u}`);
const batchGet = (g: string, body: unknown) => t.call('POST', `/metadata/chatgroup/${g}/get`, body);

const KEY_LIMIT = 'exceeds chatgroup user metadata single key limit';
const VALUE_LIMIT = 'exceeds chatgroup user metadata single value limit';

beforeAll(async () => {
  t = await startTestEmulator();
  await registerUsers(t, ['own', 'test1', 'test2', 'test3', 'outsider']);
});
afterAll(() => t.close());

describe('PUT /metadata/chatgroup/{g}/user/{u}', () => {
  it('sets the attributes and answers {timestamp, data, duration} with what was set', async () => {
    const g = await createGroup(t, 'own', ['test1']);
    const res = await put(g, 'test1', { key1: 'value1' });
    expectBare(res);
    expect(res.body.data).toEqual({ key1: 'value1' });
    expect((await get(g, 'test1')).body.data).toEqual({ key1: 'value1' });
  });

  it('merges with the keys already set and overwrites a key set again', async () => {
    const g = await createGroup(t, 'own', ['test1']);
    await put(g, 'test1', { key1: 'value1', key2: 'value2' });
    await put(g, 'test1', { key2: 'changed', key3: 'value3' });
    expect((await get(g, 'test1')).body.data).toEqual({ key1: 'value1', key2: 'changed', key3: 'value3' });
  });

  it('deletes a key set to the empty string', async () => {
    const g = await createGroup(t, 'own', ['test1']);
    await put(g, 'test1', { key1: 'value1', key2: 'value2' });
    expect((await put(g, 'test1', { key1: '' })).status).toBe(200);
    expect((await get(g, 'test1')).body.data).toEqual({ key2: 'value2' });
  });

  it('accepts the owner\'s own attributes', async () => {
    const g = await createGroup(t, 'own');
    expect((await put(g, 'own', { role: 'boss' })).status).toBe(200);
    expect((await get(g, 'own')).body.data).toEqual({ role: 'boss' });
  });

  it('accepts a 16-byte key and refuses a 17-byte one (bytes, not characters) with 400 metadata_error', async () => {
    const g = await createGroup(t, 'own', ['test1']);
    expect((await put(g, 'test1', { ['k'.repeat(16)]: 'v' })).status).toBe(200);
    expectError(await put(g, 'test1', { ['k'.repeat(17)]: 'v' }), 400, 'metadata_error', KEY_LIMIT);
    // 6 CJK characters are 18 UTF-8 bytes; 5 are 15.
    expectError(await put(g, 'test1', { 昵称昵称昵称: 'v' }), 400, 'metadata_error', KEY_LIMIT);
    expect((await put(g, 'test1', { 昵称昵称昵: 'v' })).status).toBe(200);
    expect(Object.keys((await get(g, 'test1')).body.data).sort()).toEqual(['k'.repeat(16), '昵称昵称昵'].sort());
  });

  it('accepts a 512-byte value and refuses a 513-byte one with 400 metadata_error, changing nothing', async () => {
    const g = await createGroup(t, 'own', ['test1']);
    expect((await put(g, 'test1', { big: 'x'.repeat(512) })).status).toBe(200);
    expectError(await put(g, 'test1', { other: 'ok', big: 'y'.repeat(513) }), 400, 'metadata_error', VALUE_LIMIT);
    // 171 three-byte characters = 513 bytes.
    expectError(await put(g, 'test1', { big: '值'.repeat(171) }), 400, 'metadata_error', VALUE_LIMIT);
    expect((await get(g, 'test1')).body.data).toEqual({ big: 'x'.repeat(512) });
  });

  it('refuses more than 4 KB per member (keys + values) with 400 metadata_error, keeping what was there', async () => {
    const g = await createGroup(t, 'own', ['test1']);
    const seven = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`key${i}`, 'v'.repeat(512)])); // 7 × 516 = 3612 bytes
    expect((await put(g, 'test1', seven)).status).toBe(200);
    const over = await put(g, 'test1', { key7: 'v'.repeat(512) }); // 4128 bytes in all
    expect(over.status).toBe(400);
    expect(over.body.error).toBe('metadata_error');
    // The document gives no wording for this limit; the emulator's own:
    expect(over.body.error_description).toBe('exceeds chatgroup user metadata total size limit');
    expect((await get(g, 'test1')).body.data).toEqual(seven);
    // Exactly 4096 fits: 3612 + 4 + 480 = 4096.
    expect((await put(g, 'test1', { key7: 'v'.repeat(480) })).status).toBe(200);
    // Replacing a value counts the new value only.
    expect((await put(g, 'test1', { key0: 'w'.repeat(512) })).status).toBe(200);
  });

  it('answers 404 MetadataException "user not in group" for a non-member or unknown user', async () => {
    const g = await createGroup(t, 'own', ['test1']);
    expectError(await put(g, 'outsider', { key1: 'v' }), 404, 'MetadataException', 'user not in group');
    expectError(await put(g, 'ghost', { key1: 'v' }), 404, 'MetadataException', 'user not in group');
  });

  it('answers 400 when metaData is missing or its values are not strings', async () => {
    const g = await createGroup(t, 'own', ['test1']);
    expect((await t.call('PUT', `/metadata/chatgroup/${g}/user/test1`, {})).status).toBe(400);
    expect((await put(g, 'test1', { key1: { nested: true } })).status).toBe(400);
    expect((await get(g, 'test1')).body.data).toEqual({});
  });

  it('answers 404 for a missing group', async () => {
    expectError(await put('404404', 'test1', { key1: 'v' }), 404, 'resource_not_found', 'grpID 404404 does not exist!');
  });
});

describe('GET /metadata/chatgroup/{g}/user/{u}', () => {
  it('answers {timestamp, data, duration} with every attribute, {} when none', async () => {
    const g = await createGroup(t, 'own', ['test1', 'test2']);
    await put(g, 'test1', { key1: 'value1', key2: 'value2' });
    const res = await get(g, 'test1');
    expectBare(res);
    expect(res.body.data).toEqual({ key1: 'value1', key2: 'value2' });
    const none = await get(g, 'test2');
    expectBare(none);
    expect(none.body.data).toEqual({});
  });

  it('keeps attributes per group', async () => {
    const g1 = await createGroup(t, 'own', ['test1']);
    const g2 = await createGroup(t, 'own', ['test1']);
    await put(g1, 'test1', { nick: 'one' });
    await put(g2, 'test1', { nick: 'two' });
    expect((await get(g1, 'test1')).body.data).toEqual({ nick: 'one' });
    expect((await get(g2, 'test1')).body.data).toEqual({ nick: 'two' });
  });

  it('answers 404 MetadataException "user not in group" for a non-member, and after the member left', async () => {
    const g = await createGroup(t, 'own', ['test1']);
    expectError(await get(g, 'outsider'), 404, 'MetadataException', 'user not in group');
    await put(g, 'test1', { key1: 'v' });
    expect((await t.call('DELETE', `/chatgroups/${g}/users/test1`)).status).toBe(200);
    expectError(await get(g, 'test1'), 404, 'MetadataException', 'user not in group');
  });

  it('answers 404 for a missing group', async () => {
    expectError(await get('404404', 'test1'), 404, 'resource_not_found', 'grpID 404404 does not exist!');
  });
});

describe('POST /metadata/chatgroup/{g}/get {targets, properties}', () => {
  it('answers {timestamp, data, duration} with the requested keys per member', async () => {
    const g = await createGroup(t, 'own', ['test1', 'test2']);
    await put(g, 'test1', { key1: 'value1', key2: 'a', key3: 'b' });
    await put(g, 'test2', { key1: 'value1', key3: 'c' });
    const res = await batchGet(g, { targets: ['test1', 'test2'], properties: ['key1', 'key2'] });
    expectBare(res);
    expect(res.body.data).toEqual({ test1: { key1: 'value1', key2: 'a' }, test2: { key1: 'value1' } });
  });

  it('returns every attribute when properties is empty or absent', async () => {
    const g = await createGroup(t, 'own', ['test1', 'test2']);
    await put(g, 'test1', { key1: 'value1', key2: 'a' });
    const all = { test1: { key1: 'value1', key2: 'a' }, test2: {} };
    expect((await batchGet(g, { targets: ['test1', 'test2'], properties: [] })).body.data).toEqual(all);
    expect((await batchGet(g, { targets: ['test1', 'test2'] })).body.data).toEqual(all);
  });

  it('leaves out targets that are not members', async () => {
    const g = await createGroup(t, 'own', ['test1']);
    await put(g, 'test1', { key1: 'v' });
    const res = await batchGet(g, { targets: ['test1', 'outsider', 'ghost'], properties: ['key1'] });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ test1: { key1: 'v' } });
  });

  it('accepts 10 targets and refuses 11 with 400 metadata_error "query param reaches limit."', async () => {
    const g = await createGroup(t, 'own', ['test1']);
    const ten = ['test1', ...Array.from({ length: 9 }, (_, i) => `x${i}`)];
    expect((await batchGet(g, { targets: ten, properties: [] })).status).toBe(200);
    expectError(await batchGet(g, { targets: [...ten, 'x9'], properties: [] }), 400, 'metadata_error', 'query param reaches limit.');
  });

  it('answers 400 without targets and 404 for a missing group', async () => {
    const g = await createGroup(t, 'own', ['test1']);
    expect((await batchGet(g, { properties: ['key1'] })).status).toBe(400);
    expectError(await batchGet('404404', { targets: ['test1'], properties: [] }), 404, 'resource_not_found', 'grpID 404404 does not exist!');
  });
});

describe('authentication', () => {
  it.each([
    ['PUT', '/user/test1', { metaData: { key1: 'changed' } }],
    ['GET', '/user/test1', undefined],
    ['POST', '/get', { targets: ['test1'], properties: [] }],
  ])('%s /metadata/chatgroup/{g}%s without a token → 401 unauthorized', async (method, suffix, body) => {
    const g = await createGroup(t, 'own', ['test1']);
    await put(g, 'test1', { key1: 'value1' });
    expectError(await t.call(method, `/metadata/chatgroup/${g}${suffix}`, body, { token: null }), 401, 'unauthorized', 'Unable to authenticate (OAuth)');
    expect((await get(g, 'test1')).body.data).toEqual({ key1: 'value1' });
  });
});
