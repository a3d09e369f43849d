import type Database from 'better-sqlite3';

// The SQLite handle the user search index still speaks to directly (store/database.ts opens it,
// with the console's other tables behind Kysely).
export type ConsoleDb = Database.Database;
