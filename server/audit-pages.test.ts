import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerUsers, startTestEmulator, type TestEmulator } from '../emulator/src/testing/harness.js';
import type { AuditEntry } from './audit/audit-log.js';
import { emulatorApps, type ImAppConfig } from './im-config.js';
import { addOperators, serveConsole, signIn, type ConsoleUnderTest, type SignedIn } from './testing/console-harness.js';

// The audit log by numbered pages: `page` and `total` over HTTP, beside the cursor that the CSV
// export and older links still use.

let t: TestEmulator;
let apps: ImAppConfig[];
let c: ConsoleUnderTest;
let admin: SignedIn;

type Answer = { entries: AuditEntry[]; cursor?: string; total: number };

beforeAll(async () => {
  t = await startTestEmulator();
  await registerUsers(t, ['carol']);
  apps = emulatorApps(t.emulator.port);
});
afterAll(() => t.close());
afterEach(async () => c?.close());

/** 23 changes by support (one through the proxy, so a real row is among them), then the admin's sign-in. */
async function withEntries() {
  c = await serveConsole(apps);
  await addOperators(c.services, ['support', 'admin', 'viewer']);
  const support = await signIn(c.url, 'support');
  expect((await support.call('POST', '/im/demo/users/carol/deactivate')).status).toBe(200);
  for (let i = 0; i < 20; i++) {
    c.clock.now += 1000;
    (await c.services.audit.record({
      time: c.clock.now,
      operator: 'support',
      app: 'demo',
      method: i % 2 ? 'DELETE' : 'POST',
      path: `users/user-${i}/deactivate`,
      action: i % 2 ? 'DELETE users/{username}' : 'POST users/{username}/deactivate',
      target: `user-${i}`,
      subjects: [`user-${i}`],
      summary: '',
      status: 200,
    }));
  }
  c.clock.now += 1000;
  admin = await signIn(c.url, 'admin');
}

const get = async (query: string): Promise<Answer> => {
  const res = await admin.call('GET', `/im-console/audit${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Answer;
};

describe('GET /im-console/audit by page number', () => {
  it('answers the filtered total and the page at (page - 1) × limit', async () => {
    await withEntries();
    // Support's sign-in, its change, 20 rows, the admin's sign-in.
    const all = await get('?limit=500');
    expect(all.total).toBe(23);
    expect(all.entries).toHaveLength(23);
    const ids = all.entries.map((e) => e.id);

    const third = await get('?limit=5&page=3');
    expect(third.total).toBe(23);
    expect(third.entries.map((e) => e.id)).toEqual(ids.slice(10, 15));
    // The last page is short and says nothing more follows; past it, no rows but the same total.
    const last = await get('?limit=5&page=5');
    expect(last.entries.map((e) => e.id)).toEqual(ids.slice(20, 23));
    expect(last.cursor).toBeUndefined();
    expect(await get('?limit=5&page=6')).toEqual({ entries: [], total: 23 });
    // Page 1 is the same as no page at all.
    expect(await get('?limit=5&page=1')).toEqual(await get('?limit=5'));

    // Every page of a filter, one after the other, is the filtered log once, and the total counts it.
    const deletes = await get('?action=DELETE&limit=4');
    expect(deletes.total).toBe(10);
    const pages = [deletes, ...(await Promise.all([2, 3].map((p) => get(`?action=DELETE&limit=4&page=${p}`))))];
    expect(pages.map((p) => p.entries.length)).toEqual([4, 4, 2]);
    expect(pages.flatMap((p) => p.entries).every((e) => e.method === 'DELETE')).toBe(true);
    expect(new Set(pages.flatMap((p) => p.entries.map((e) => e.id))).size).toBe(10);
    expect((await get('?operator=admin&page=1')).total).toBe(1);
    expect((await get('?target=nobody-at-all')).total).toBe(0);
  });

  it('keeps the cursor working, with the same total, and the CSV export whole', async () => {
    await withEntries();
    const first = await get('?operator=support&limit=10');
    expect(first).toMatchObject({ total: 22, cursor: String(first.entries.at(-1)!.id) });
    // A page's cursor continues where the numbered page 2 starts.
    const byCursor = await get(`?operator=support&limit=10&cursor=${first.cursor}`);
    expect(byCursor.total).toBe(22);
    expect(byCursor.entries).toEqual((await get('?operator=support&limit=10&page=2')).entries);

    const csv = await admin.call('GET', '/im-console/audit?format=csv&operator=support');
    expect(csv.status).toBe(200);
    const rows = Papa.parse<string[]>((await csv.text()).trim(), { newline: '\r\n' }).data;
    expect(rows).toHaveLength(1 + 22);
  });

  it('refuses a page that is not a positive whole number, or a page with a cursor', async () => {
    await withEntries();
    for (const bad of ['page=0', 'page=-1', 'page=2.5', 'page=two', 'page=99999999999999999']) {
      const res = await admin.call('GET', `/im-console/audit?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining('`page`') });
    }
    const both = await admin.call('GET', '/im-console/audit?page=2&cursor=10');
    expect(both.status).toBe(400);
    expect((await both.json()).error_description).toMatch(/either `page` or `cursor`/);
  });

  it('gives pages and totals to admins only', async () => {
    await withEntries();
    const viewer = await signIn(c.url, 'viewer');
    expect((await viewer.call('GET', '/im-console/audit?page=2')).status).toBe(403);
  });
});
