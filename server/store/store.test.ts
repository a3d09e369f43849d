import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditRecord } from '../audit/audit-log.js';
import { createOperators } from '../operators.js';
import { createSessions } from '../sessions.js';
import { createSsoFlows } from '../sso/flows.js';
import { DIALECTS, openTestDatabase } from '../testing/test-database.js';
import type { ConsoleDatabase } from './database.js';

// The console's state behaves the same in SQLite and PostgreSQL: sessions, the audit log's
// filters and pages, single sign-on flows. (Operators and the second factor: their own test files,
// run against both as well.)

describe.each(DIALECTS)('the store on %s', (dialect) => {
  let database: ConsoleDatabase;
  const clock = { now: Date.parse('2026-12-03T10:00:00Z') };
  const now = () => clock.now;
  beforeEach(async () => {
    database = await openTestDatabase(dialect);
  });
  afterEach(() => database.close());

  describe('sessions', () => {
    it('open, are found by token with their operator, end when idle, too old, disabled or destroyed', async () => {
      const { db } = database;
      const operators = createOperators(db, now);
      const ada = await operators.add('ada', 'admin', 'a long enough password');
      const sessions = createSessions(db, { idleMs: 60_000, maxMs: 3_600_000, now });
      const { token, csrfToken } = await sessions.create(ada.id, 'password+totp');
      expect(await sessions.get(token)).toEqual({
        username: 'ada',
        role: 'admin',
        csrfToken,
        operatorId: ada.id,
        createdAt: clock.now,
        signIn: 'password+totp',
        secondFactor: false,
      });
      expect(await sessions.get(`${token}x`)).toBeUndefined();
      expect(await sessions.countActive()).toBe(1);

      // Activity keeps it; an idle minute ends it.
      clock.now += 50_000;
      expect(await sessions.get(token)).toBeDefined();
      clock.now += 50_000;
      expect(await sessions.get(token)).toBeDefined();
      clock.now += 61_000;
      expect(await sessions.get(token)).toBeUndefined();

      const second = await sessions.create(ada.id);
      await operators.disable('ada');
      expect(await sessions.get(second.token)).toBeUndefined();
      await operators.enable('ada');
      const third = await sessions.create(ada.id);
      await sessions.destroy(third.token);
      expect(await sessions.get(third.token)).toBeUndefined();
      expect(await sessions.countActive()).toBe(0);
    });

    it('end for good at their maximum age, however active', async () => {
      const { db } = database;
      const ada = await createOperators(db, now).add('ada', 'support', 'a long enough password');
      const sessions = createSessions(db, { idleMs: 60_000, maxMs: 120_000, now });
      const { token } = await sessions.create(ada.id);
      for (let i = 1; i <= 3; i++) {
        clock.now += 45_000;
        expect(!!(await sessions.get(token)), `after ${i * 45} s`).toBe(i < 3);
      }
    });
  });

  describe('the audit log', () => {
    const row = (r: Partial<AuditRecord>): AuditRecord => ({
      time: clock.now,
      operator: 'ada',
      app: 'demo',
      method: 'POST',
      path: 'users/alice/deactivate',
      action: 'POST users/{username}/deactivate',
      target: 'alice',
      subjects: ['alice'],
      summary: '',
      status: 200,
      ...r,
    });

    it('filters by operator, a name inside a batch, a method or part of the action, and time; newest first', async () => {
      const audit = createAuditLog(database.db);
      await audit.record(row({ time: 1000 }));
      await audit.record(row({ time: 2000, operator: 'bob', method: 'DELETE', path: 'chatgroups/1/users/x,y', action: 'DELETE chatgroups/{group}/users/{usernames}', target: 'x', subjects: ['X', 'y_z'] }));
      await audit.record(row({ time: 3000, action: 'POST users/{username}/activate', path: 'users/alice/activate' }));
      const actions = async (q: Parameters<typeof audit.query>[0]) => (await audit.query(q)).entries.map((e) => e.time);

      expect(await actions({})).toEqual(['1970-01-01T00:00:03.000Z', '1970-01-01T00:00:02.000Z', '1970-01-01T00:00:01.000Z']);
      expect(await actions({ operator: ' BOB ' })).toEqual(['1970-01-01T00:00:02.000Z']);
      // A name in the batch, whatever its case; `_` and `%` are themselves, not wildcards.
      expect(await actions({ target: 'x' })).toEqual(['1970-01-01T00:00:02.000Z']);
      expect(await actions({ target: 'y_z' })).toEqual(['1970-01-01T00:00:02.000Z']);
      expect(await actions({ target: 'y%z' })).toEqual([]);
      expect(await actions({ target: 'y' })).toEqual([]);
      expect(await actions({ action: 'delete' })).toEqual(['1970-01-01T00:00:02.000Z']);
      // Part of the action: "deactivate" holds "activate".
      expect(await actions({ action: 'ACTIVATE' })).toEqual(['1970-01-01T00:00:03.000Z', '1970-01-01T00:00:01.000Z']);
      expect(await actions({ action: 'users/{username}' })).toHaveLength(2);
      expect(await actions({ from: 1500, to: 2500 })).toEqual(['1970-01-01T00:00:02.000Z']);
      expect(await audit.count({ operator: 'ada' })).toBe(2);
    });

    it('pages by number and by cursor, and reads a change pending until its outcome is written', async () => {
      const audit = createAuditLog(database.db);
      for (let i = 1; i <= 5; i++) await audit.record(row({ time: i, target: `u${i}`, subjects: [`u${i}`] }));
      const first = await audit.query({ limit: 2 });
      expect(first.entries.map((e) => e.target)).toEqual(['u5', 'u4']);
      const next = await audit.query({ limit: 2, cursor: first.cursor });
      expect(next.entries.map((e) => e.target)).toEqual(['u3', 'u2']);
      expect((await audit.query({ limit: 2, page: 3 })).entries.map((e) => e.target)).toEqual(['u1']);
      expect(await audit.count({ cursor: first.cursor })).toBe(5);

      const id = await audit.begin({ ...row({}), target: 'carol', subjects: ['carol'] });
      expect((await audit.query({ target: 'carol' })).entries[0]).toMatchObject({ status: null });
      await audit.finish(id, clock.now, 207, [{ target: 'carol', ok: false, reason: 'no such user' }]);
      expect((await audit.query({ target: 'carol' })).entries[0]).toMatchObject({ status: 207, items: [{ target: 'carol', ok: false, reason: 'no such user' }] });
      // One outcome per change.
      await expect(audit.finish(id, clock.now, 200)).rejects.toThrow();
    });
  });

  describe('single sign-on flows', () => {
    it('are taken once, only with their cookie, and not after ten minutes', async () => {
      const flows = createSsoFlows(database.db, now);
      const checks = { state: 's', nonce: 'n', codeVerifier: 'v', redirectUri: 'https://console.example/im-console/sso/callback' };
      const token = await flows.save(checks, '/demo/audit');
      expect(await flows.take('not-the-cookie')).toBeUndefined();
      // Two callbacks at once with one cookie: one has the flow.
      const [a, b] = await Promise.all([flows.take(token), flows.take(token)]);
      expect([a, b].filter(Boolean)).toEqual([{ checks, returnTo: '/demo/audit' }]);
      const late = await flows.save(checks, '/');
      clock.now += 10 * 60_000 + 1;
      expect(await flows.take(late)).toBeUndefined();
    });
  });
});
