import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { userIndexMigration } from '../user-index/schema.js';
import type { Dialect } from './database.js';

// One set of migrations for both databases, run at start (Kysely's migrator: in order, each once,
// under a lock, so two replicas starting together do not both run one). Where the dialects differ
// (generated ids, the append-only guard) the migration says so in one place.
//
// SQLite files made before the migrations existed already hold these tables, perhaps without the
// columns added since: the first migration creates only what is missing and adds those columns.

// oxlint-disable-next-line typescript/no-explicit-any -- migrations see the database as it was then, not as typed now.
type Db = Kysely<any>;

const idColumn = (d: Dialect) => (d === 'postgres' ? 'bigserial' : 'integer');
const ms = 'bigint';

/** Columns older SQLite files may lack, in the order they were added. */
const LATER_COLUMNS: Record<string, [string, string][]> = {
  audit: [
    ['address', 'text'],
    ['refusal', 'text'],
    ['sign_in', 'text'],
  ],
  operators: [
    ['totp_secret', 'text'],
    ['totp_pending_secret', 'text'],
    ['totp_last_step', 'integer'],
    ['last_sign_in_at', 'integer'],
    ['sso_subject', 'text'],
  ],
  sessions: [['sign_in', "text not null default 'password'"]],
};

async function addMissingSqliteColumns(db: Db) {
  for (const [table, columns] of Object.entries(LATER_COLUMNS)) {
    const have = new Set((await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db)).rows.map((r) => r.name));
    for (const [name, type] of columns) {
      if (!have.has(name)) await sql.raw(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`).execute(db);
    }
  }
}

/** Nothing updates or deletes audit rows; the database refuses to as well. */
async function appendOnly(db: Db, d: Dialect, table: string) {
  if (d === 'sqlite') {
    await sql.raw(`CREATE TRIGGER IF NOT EXISTS ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`).execute(db);
    await sql.raw(`CREATE TRIGGER IF NOT EXISTS ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`).execute(db);
    return;
  }
  await sql.raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_append_only()`).execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`).execute(db);
}

const initial = (d: Dialect): Migration => ({
  async up(db) {
    await db.schema
      .createTable('operators')
      .ifNotExists()
      .addColumn('id', idColumn(d), (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('viewer', 'support', 'moderator', 'admin')`))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', ms, (c) => c.notNull())
      .addColumn('updated_at', ms, (c) => c.notNull())
      // The second factor: the confirmed secret, one waiting for its first code, and the last time
      // step accepted (a code is refused once used, for the rest of its window).
      .addColumn('totp_secret', 'text')
      .addColumn('totp_pending_secret', 'text')
      .addColumn('totp_last_step', 'bigint')
      .addColumn('last_sign_in_at', ms)
      // Single sign-on: the provider's issuer and subject; such an operator has no password.
      .addColumn('sso_subject', 'text')
      .execute();

    // Only a hash of each session token is kept: a copy of the database opens no session.
    await db.schema
      .createTable('sessions')
      .ifNotExists()
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('operator_id', d === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull().references('operators.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', ms, (c) => c.notNull())
      .addColumn('last_seen_at', ms, (c) => c.notNull())
      .addColumn('sign_in', 'text', (c) => c.notNull().defaultTo('password'))
      .execute();

    // Sign-ins started with the identity provider and not yet back (state, nonce, PKCE verifier),
    // found by the hash of a cookie only that browser holds.
    await db.schema
      .createTable('sso_flows')
      .ifNotExists()
      .addColumn('flow_hash', 'text', (c) => c.primaryKey())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('redirect_uri', 'text', (c) => c.notNull())
      .addColumn('return_to', 'text', (c) => c.notNull())
      .addColumn('created_at', ms, (c) => c.notNull())
      .execute();

    // A local operator's one-time recovery codes (second factor), kept as SHA-256.
    await db.schema
      .createTable('recovery_codes')
      .ifNotExists()
      .addColumn('id', idColumn(d), (c) => c.primaryKey())
      .addColumn('operator_id', d === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull().references('operators.id').onDelete('cascade'))
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('used_at', ms)
      .execute();

    await db.schema
      .createTable('audit')
      .ifNotExists()
      // SQLite: AUTOINCREMENT, so an id is never given twice (as a PostgreSQL sequence never does).
      .addColumn('id', idColumn(d), (c) => (d === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('time', ms, (c) => c.notNull())
      .addColumn('operator', 'text')
      .addColumn('app', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text')
      // Every name the call touches, as ",a,b,", so a target filter finds a user inside a batch.
      .addColumn('subjects', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('items', 'text')
      // The address a session or a refused call came from, and the refusal's error code.
      .addColumn('address', 'text')
      .addColumn('refusal', 'text')
      // How the session behind the row signed in: password, password+totp, recovery, sso.
      .addColumn('sign_in', 'text')
      .execute();

    // A change's outcome, added when the IM host answers (the change's own row, written before it
    // was forwarded, is never updated). No outcome row: the outcome is unknown.
    await db.schema
      .createTable('audit_outcome')
      .ifNotExists()
      .addColumn('audit_id', d === 'postgres' ? 'bigint' : 'integer', (c) => c.primaryKey().references('audit.id'))
      .addColumn('time', ms, (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('items', 'text')
      .execute();

    if (d === 'sqlite') await addMissingSqliteColumns(db);
    await db.schema.createIndex('sessions_operator').ifNotExists().on('sessions').column('operator_id').execute();
    await db.schema.createIndex('recovery_codes_operator').ifNotExists().on('recovery_codes').column('operator_id').execute();
    await db.schema.createIndex('audit_time').ifNotExists().on('audit').column('time').execute();
    await db.schema.createIndex('audit_operator').ifNotExists().on('audit').columns(['operator', 'id']).execute();
    await db.schema.createIndex('operators_sso_subject').ifNotExists().unique().on('operators').column('sso_subject').where(sql.ref('sso_subject'), 'is not', null).execute();

    if (d === 'postgres') {
      await sql`CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$`.execute(db);
    }
    await appendOnly(db, d, 'audit');
    await appendOnly(db, d, 'audit_outcome');
  },
});

// Sign-in throttling (sign-in-throttle.ts), shared by every server on the database: each attempt
// in flight or failed is a row, and a counter (a name+address pair, an address, a name) that was
// locked or cleared has a row saying since which attempt it counts again.
const signInAttempts = (d: Dialect): Migration => ({
  async up(db) {
    await db.schema
      .createTable('sign_in_attempts')
      // Ids give the order attempts were recorded in (a failure is a new row): never given twice.
      .addColumn('id', idColumn(d), (c) => (d === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      // When it was reserved, then (once it failed) when it failed.
      .addColumn('at', ms, (c) => c.notNull())
      // 1 while its password is being checked.
      .addColumn('pending', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sign_in_attempts_address').on('sign_in_attempts').columns(['address', 'at']).execute();
    await db.schema.createIndex('sign_in_attempts_name').on('sign_in_attempts').columns(['name', 'at']).execute();
    await db.schema.createIndex('sign_in_attempts_at').on('sign_in_attempts').column('at').execute();

    await db.schema
      .createTable('sign_in_locks')
      .addColumn('key', 'text', (c) => c.primaryKey())
      // Refused until then (0: not locked).
      .addColumn('locked_until', ms, (c) => c.notNull())
      // Attempts recorded before this id no longer count: paid by a lock, or cleared by a right password.
      .addColumn('count_from', d === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
      // When the row was last set: once that is a window ago and the lock is over, it says nothing.
      .addColumn('since', ms, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sign_in_locks_since').on('sign_in_locks').column('since').execute();
  },
});

/** The migrations, by name (run in name order). */
export function migrations(d: Dialect): Record<string, Migration> {
  return {
    '0001-initial': initial(d),
    '0002-sign-in-attempts': signInAttempts(d),
    '0003-user-index': userIndexMigration(d),
  };
}
