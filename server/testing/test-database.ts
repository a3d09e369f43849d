import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openConsoleDatabase, type ConsoleDatabase, type Dialect } from '../store/database.js';

// A fresh, migrated console database for a test: SQLite in memory, or a new database in the run's
// PostgreSQL cluster (postgres-global-setup.ts). `DIALECTS` runs a suite against both.

export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

/** A new empty database in the test cluster; its URL. */
export async function newPostgresDatabase(): Promise<string> {
  const admin = inject('postgresUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client(admin);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.href;
}

export async function openTestDatabase(dialect: Dialect): Promise<ConsoleDatabase> {
  return openConsoleDatabase({ url: dialect === 'postgres' ? await newPostgresDatabase() : ':memory:' });
}
