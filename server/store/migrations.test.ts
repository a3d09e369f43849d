import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openConsoleDatabase, type ConsoleDatabase } from './database.js';
import { migrations } from './migrations.js';
import { DIALECTS, newPostgresDatabase, openTestDatabase } from '../testing/test-database.js';

// The migrations make the same tables in both databases, once, and the audit log refuses edits in
// both; a SQLite file from before the migrations keeps its rows and gains what it lacked.

let opened: ConsoleDatabase[] = [];
afterEach(async () => {
  for (const d of opened) await d.close();
  opened = [];
});
const open = async (...args: Parameters<typeof openConsoleDatabase>) => {
  const d = await openConsoleDatabase(...args);
  opened.push(d);
  return d;
};

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  it('make every table; running again changes nothing; the audit log is append-only', async () => {
    const first = await openTestDatabase(dialect);
    opened.push(first);
    const { db } = first;
    const op = await db.insertInto('operators').values({ username: 'ada', role: 'admin', password_hash: 'x', disabled: 0, created_at: 1, updated_at: 1 }).returning('id').executeTakeFirstOrThrow();
    expect(op.id).toBeGreaterThan(0);
    await expect(db.insertInto('operators').values({ username: 'bob', role: 'owner', password_hash: 'x', disabled: 0, created_at: 1, updated_at: 1 }).execute()).rejects.toThrow();
    const row = { time: Date.now(), operator: 'ada', app: 'demo', method: 'POST', path: 'users', action: 'POST users', target: null, subjects: ',', summary: '', status: 200 };
    const { id } = await db.insertInto('audit').values(row).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('audit_outcome').values({ audit_id: id, time: Date.now(), status: 200, items: null }).execute();
    await expect(db.updateTable('audit').set({ status: 500 }).where('id', '=', id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit').execute()).rejects.toThrow(/append-only/);
    await expect(db.updateTable('audit_outcome').set({ status: 500 }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_outcome').execute()).rejects.toThrow(/append-only/);
    if (dialect === 'postgres') await expect(sql`TRUNCATE audit_outcome`.execute(db)).rejects.toThrow(/append-only/);
    // Epoch milliseconds come back as numbers in both.
    expect((await db.selectFrom('audit').select('time').executeTakeFirstOrThrow()).time).toBe(row.time);
  });

  it('run once when two servers start on one database at the same time', async () => {
    if (dialect === 'sqlite') return;
    const url = await newPostgresDatabase();
    const [a, b] = await Promise.all([open({ url }), open({ url })]);
    const names = await a.db.selectFrom('kysely_migration' as never).select('name' as never).execute();
    expect(names).toHaveLength(Object.keys(migrations(dialect)).length);
    expect(b.dialect).toBe('postgres');
  });
});

describe('a SQLite file from before the migrations', () => {
  it('keeps its rows and gains the columns and tables added since', async () => {
    const sqlite = new Database(':memory:');
    // The first release's tables, as that version made them.
    sqlite.exec(`
      CREATE TABLE operators (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL, password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL, created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL);
      CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL, operator TEXT, app TEXT NOT NULL, method TEXT NOT NULL,
        path TEXT NOT NULL, action TEXT NOT NULL, target TEXT, subjects TEXT NOT NULL, summary TEXT NOT NULL, status INTEGER NOT NULL, items TEXT);
      INSERT INTO operators (username, role, password_hash, created_at, updated_at) VALUES ('ada', 'admin', 'h', 1, 1);
      INSERT INTO audit (time, operator, app, method, path, action, subjects, summary, status) VALUES (5, 'ada', '', 'POST', 'im-console/session', 'POST im-console/session', ',ada,', '', 200);
    `);
    const { db } = await open({ url: ':memory:', sqlite });
    expect(await db.selectFrom('operators').select(['username', 'sso_subject', 'totp_secret', 'last_sign_in_at']).execute()).toEqual([
      { username: 'ada', sso_subject: null, totp_secret: null, last_sign_in_at: null },
    ]);
    expect(await db.selectFrom('audit').select(['operator', 'sign_in', 'refusal']).execute()).toEqual([{ operator: 'ada', sign_in: null, refusal: null }]);
    await db.insertInto('sso_flows').values({ flow_hash: 'f', state: 's', nonce: 'n', code_verifier: 'v', redirect_uri: 'r', return_to: '/', created_at: 1 }).execute();
    await expect(db.deleteFrom('audit').execute()).rejects.toThrow(/append-only/);
  });
});
