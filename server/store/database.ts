import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { migrations } from './migrations.js';
import type { Tables } from './tables.js';

// The console's own state (operators, sessions, the audit log, …): an embedded SQLite file by
// default, or PostgreSQL with `DATABASE_URL=postgres://…` (several console servers on one database).
// Either way the same queries (Kysely) and the same migrations, run at start.

export type Dialect = 'sqlite' | 'postgres';

export interface ConsoleDatabase {
  db: Kysely<Tables>;
  dialect: Dialect;
  /** The SQLite handle (the search index still speaks to it directly); undefined on PostgreSQL. */
  sqlite?: Database.Database;
  close: () => Promise<void>;
}

export const CONSOLE_DB_DEFAULT = '.data/console.sqlite';

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url);

/** A better-sqlite3 handle set up as the console needs it (`:memory:` for tests). */
export function openSqlite(file: string = CONSOLE_DB_DEFAULT): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // An audit row is committed before its change is forwarded: make the commit survive power loss too.
  sqlite.pragma('synchronous = FULL');
  // Two processes (the server and `npm run operator`) may write at once.
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

// Epoch milliseconds are BIGINT in PostgreSQL, which `pg` reads as strings unless told otherwise;
// they stay far below 2^53, so numbers lose nothing.
const BIGINT_OID = 20;
const pgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === BIGINT_OID ? (value: string) => Number(value) : (pg.types.getTypeParser as (o: number, f?: string) => (v: string) => unknown)(oid, format),
};

export interface OpenOptions {
  /** `postgres://…`, or a SQLite file (`:memory:` for tests). */
  url: string;
  /** An open SQLite handle to use instead of opening `url` (tests share one). */
  sqlite?: Database.Database;
  /** PostgreSQL connections (default 10). */
  poolSize?: number;
}

/** Opens the database and brings its tables up to date. */
export async function openConsoleDatabase(o: OpenOptions): Promise<ConsoleDatabase> {
  let opened: ConsoleDatabase;
  if (!o.sqlite && isPostgresUrl(o.url)) {
    const pool = new pg.Pool({ connectionString: o.url, max: o.poolSize ?? 10, types: pgTypes });
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    opened = { db, dialect: 'postgres', close: () => db.destroy() };
  } else {
    const sqlite = o.sqlite ?? openSqlite(o.url);
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
    opened = {
      db,
      dialect: 'sqlite',
      sqlite,
      close: async () => {
        await db.destroy();
        if (sqlite.open) sqlite.close();
      },
    };
  }
  try {
    await migrate(opened);
  } catch (e) {
    await opened.close();
    throw e;
  }
  return opened;
}

async function migrate({ db, dialect }: ConsoleDatabase) {
  const all = migrations(dialect);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => all } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
