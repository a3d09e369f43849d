import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../store/database.js';

// The index's tables, made by the console's migrations (0003-user-index). The rows, their
// lower-cased names (prefix ranges) and the walk state are the same in both databases; what finds
// a fragment inside a name differs:
//   SQLite      FTS5 trigram over username and nickname (3+ characters);
//   PostgreSQL  pg_trgm GIN indexes on the lower-cased names (3+ characters; under the cluster's
//               C.UTF-8 locale Chinese characters are word characters, so their trigrams are kept).
// Both keep the same two side tables for shorter fragments: the 1- and 2-character fragments of
// non-Latin text (小王, 王), and every trigram holding a Latin character (a two-letter fragment is
// found through the trigrams that contain it).
//
// SQLite files written before the migrations already hold these tables (the index made them at
// start): every statement is IF NOT EXISTS and the columns added since are added when missing.

// oxlint-disable-next-line typescript/no-explicit-any -- migrations see the database as it was then, not as typed now.
type Db = Kysely<any>;

/** The walk state, one row per app that has an index. */
const STATE_COLUMNS = `
  app TEXT PRIMARY KEY,
  -- The current walk's generation; rows seen by it carry it.
  gen INTEGER NOT NULL DEFAULT 0,
  -- 0: no walk unfinished. 1: a walk is running, or was cut off (the server stopped or failed):
  -- it goes on by itself. 2: an operator cancelled it: "build" resumes it.
  walking INTEGER NOT NULL DEFAULT 0,
  -- 1 when the unfinished walk is a re-walk (its end sweeps rows it did not see).
  rewalk INTEGER NOT NULL DEFAULT 0,
  -- Where the unfinished walk continues; or, after a finished walk, the last page's own cursor
  -- (walking from there again picks up users registered since).
  cursor TEXT,
  -- How many rows the app has (kept by every write; a count(*) would read them all at each search).
  user_count INTEGER NOT NULL DEFAULT 0,
  walk_users INTEGER NOT NULL DEFAULT 0,
  walk_calls INTEGER NOT NULL DEFAULT 0,
  walk_started_at BIGINT,
  last_built_at BIGINT,
  last_error TEXT,
  -- 1 when the walk is the server's periodic pick-up (nobody waits for it).
  walk_routine INTEGER NOT NULL DEFAULT 0,
  -- Which server walks the app, until when (epoch ms): it renews the lease while it walks; once it
  -- has run out, another server takes the walk over from its cursor.
  lease_holder TEXT,
  lease_until BIGINT`;

/** State columns added after the first release, for SQLite files that predate them. */
const LATER_STATE_COLUMNS: [string, string][] = [
  ['user_count', 'INTEGER NOT NULL DEFAULT 0'],
  ['walk_routine', 'INTEGER NOT NULL DEFAULT 0'],
  ['lease_holder', 'TEXT'],
  ['lease_until', 'INTEGER'],
];

const SQLITE = [
  `CREATE TABLE IF NOT EXISTS user_index (
    id INTEGER PRIMARY KEY,
    app TEXT NOT NULL,
    username TEXT NOT NULL,
    nickname TEXT NOT NULL DEFAULT '',
    -- Lower-cased copies: prefix ranges and short substrings compare these.
    username_lc TEXT NOT NULL,
    nickname_lc TEXT NOT NULL,
    activated INTEGER NOT NULL,
    created INTEGER,
    -- The walk that last saw the row: a re-walk sweeps rows it did not see.
    gen INTEGER NOT NULL,
    UNIQUE (app, username_lc)
  )`,
  // Ties of a nickname prefix come in id order: SQLite's index entries end with the rowid.
  'CREATE INDEX IF NOT EXISTS user_index_nick ON user_index(app, nickname_lc)',
  'CREATE INDEX IF NOT EXISTS user_index_gen ON user_index(app, gen)',
  // Substrings of 3+ characters, any script (trigram matches inside words, CJK has no spaces).
  `CREATE VIRTUAL TABLE IF NOT EXISTS user_index_fts USING fts5(
    username, nickname, content='user_index', content_rowid='id', tokenize='trigram'
  )`,
  `CREATE TRIGGER IF NOT EXISTS user_index_ai AFTER INSERT ON user_index BEGIN
    INSERT INTO user_index_fts(rowid, username, nickname) VALUES (new.id, new.username, new.nickname);
  END`,
  `CREATE TRIGGER IF NOT EXISTS user_index_ad AFTER DELETE ON user_index BEGIN
    INSERT INTO user_index_fts(user_index_fts, rowid, username, nickname) VALUES ('delete', old.id, old.username, old.nickname);
  END`,
  `CREATE TRIGGER IF NOT EXISTS user_index_au AFTER UPDATE OF username, nickname ON user_index BEGIN
    INSERT INTO user_index_fts(user_index_fts, rowid, username, nickname) VALUES ('delete', old.id, old.username, old.nickname);
    INSERT INTO user_index_fts(rowid, username, nickname) VALUES (new.id, new.username, new.nickname);
  END`,
  // Never pruned: a stale trigram costs an empty branch. FTS5's own vocabulary table would read
  // the whole index to list them.
  'CREATE TABLE IF NOT EXISTS user_index_trigrams (term TEXT PRIMARY KEY) WITHOUT ROWID',
  // (Latin 1- and 2-character fragments would make this table ten times larger.)
  `CREATE TABLE IF NOT EXISTS user_index_grams (
    gram TEXT NOT NULL,
    id INTEGER NOT NULL,
    PRIMARY KEY (gram, id)
  ) WITHOUT ROWID`,
  'CREATE INDEX IF NOT EXISTS user_index_grams_id ON user_index_grams(id)',
  `CREATE TABLE IF NOT EXISTS user_index_state (${STATE_COLUMNS})`,
];

// COLLATE "C": byte order, which for UTF-8 is code point order, as SQLite compares; a btree on
// such a column serves the prefix ranges (>= q AND < q || U+10FFFF) whatever the cluster's locale.
const POSTGRES = [
  'CREATE EXTENSION IF NOT EXISTS pg_trgm',
  `CREATE TABLE user_index (
    id BIGSERIAL PRIMARY KEY,
    app TEXT NOT NULL,
    username TEXT NOT NULL,
    nickname TEXT NOT NULL DEFAULT '',
    username_lc TEXT COLLATE "C" NOT NULL,
    nickname_lc TEXT COLLATE "C" NOT NULL,
    activated INTEGER NOT NULL,
    created BIGINT,
    gen INTEGER NOT NULL,
    UNIQUE (app, username_lc)
  )`,
  // With the id, ties of a nickname prefix come in id order straight from the index, as in SQLite.
  'CREATE INDEX user_index_nick ON user_index (app, nickname_lc, id)',
  'CREATE INDEX user_index_gen ON user_index (app, gen)',
  // An app's rows oldest first (a substring search checks the oldest ones in order first).
  'CREATE INDEX user_index_app_id ON user_index (app, id)',
  'CREATE INDEX user_index_username_trgm ON user_index USING gin (username_lc gin_trgm_ops)',
  'CREATE INDEX user_index_nickname_trgm ON user_index USING gin (nickname_lc gin_trgm_ops)',
  'CREATE TABLE user_index_trigrams (term TEXT COLLATE "C" PRIMARY KEY)',
  `CREATE TABLE user_index_grams (
    gram TEXT COLLATE "C" NOT NULL,
    id BIGINT NOT NULL REFERENCES user_index (id) ON DELETE CASCADE,
    PRIMARY KEY (gram, id)
  )`,
  'CREATE INDEX user_index_grams_id ON user_index_grams (id)',
  `CREATE TABLE user_index_state (${STATE_COLUMNS})`,
];

async function addMissingStateColumns(db: Db) {
  const have = new Set((await sql<{ name: string }>`SELECT name FROM pragma_table_info('user_index_state')`.execute(db)).rows.map((r) => r.name));
  for (const [name, type] of LATER_STATE_COLUMNS) {
    if (!have.has(name)) await sql.raw(`ALTER TABLE user_index_state ADD COLUMN ${name} ${type}`).execute(db);
  }
  if (!have.has('user_count')) await sql`UPDATE user_index_state SET user_count = (SELECT count(*) FROM user_index WHERE user_index.app = user_index_state.app)`.execute(db);
}

/** The migration that makes the index's tables (store/migrations.ts runs it). */
export const userIndexMigration = (d: Dialect): Migration => ({
  async up(db: Db) {
    for (const statement of d === 'postgres' ? POSTGRES : SQLITE) await sql.raw(statement).execute(db);
    if (d === 'sqlite') await addMissingStateColumns(db);
  },
});
