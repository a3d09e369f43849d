import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../testing/harness.js';
import { DEMO_USER_COUNT, extraUsername } from './demo.js';

/** Every username, in creation order, paging 100 at a time. */
async function allUsernames(t: TestEmulator): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await t.call('GET', `/users?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    names.push(...res.body.entities.map((e: { username: string }) => e.username));
    cursor = res.body.cursor ?? undefined;
  } while (cursor);
  return names;
}

const page = async (t: TestEmulator, query: string) =>
  (await t.call('GET', `/users?${query}`)).body.entities.map((e: { uuid: string; username: string; nickname?: string; created: number }) => [e.uuid, e.username, e.nickname, e.created]);

describe('demo seed with --users 10000', () => {
  let big: TestEmulator;
  let plain: TestEmulator;
  beforeAll(async () => {
    [big, plain] = await Promise.all([startTestEmulator({ seed: 'demo', users: 10_000 }), startTestEmulator({ seed: 'demo' })]);
  });
  afterAll(async () => {
    await Promise.all([big?.close(), plain?.close()]);
  });

  it('has 10,000 distinct users: the demo users first, then the generated ones in order', async () => {
    const names = await allUsernames(big);
    expect(names).toHaveLength(10_000);
    expect(new Set(names).size).toBe(10_000);
    expect(names.slice(0, DEMO_USER_COUNT)).toEqual(await allUsernames(plain));
    expect(names[DEMO_USER_COUNT]).toBe(extraUsername(DEMO_USER_COUNT));
    expect(names.at(-1)).toBe(extraUsername(9_999));
  });

  it('keeps the demo data itself unchanged (first page, friends, the big group)', async () => {
    expect(await page(big, 'limit=100')).toEqual(await page(plain, 'limit=100'));
    const friends = async (t: TestEmulator) => (await t.call('GET', '/users/alice/contacts/users')).body.data;
    expect(await friends(big)).toEqual(await friends(plain));
    const roster = async (t: TestEmulator) => (await t.call('GET', '/chatgroups/180000000104729/users?pagenum=3&pagesize=1000')).body.data;
    expect(await roster(big)).toEqual(await roster(plain));
  });

  it('generates the same users on every start', async () => {
    const again = await startTestEmulator({ seed: 'demo', users: 10_000 });
    try {
      const cursor = Buffer.from(`users:${DEMO_USER_COUNT + 5000}`).toString('base64url');
      const mine = await page(big, `limit=100&cursor=${cursor}`);
      expect(mine).toHaveLength(100);
      expect(await page(again, `limit=100&cursor=${cursor}`)).toEqual(mine);
    } finally {
      await again.close();
    }
  });

  it('refuses fewer users than the demo needs', async () => {
    await expect(startTestEmulator({ seed: 'demo', users: 100 })).rejects.toThrow(/at least 3200/);
  });
});
