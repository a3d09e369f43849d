import type { ConsoleDb } from '../console-db.js';

// The tables are the same as before the index became a folder: databases built by an earlier
// version keep working, and every statement is IF NOT EXISTS so opening one twice is harmless.

const SCHEMA = `
CREATE TABLE IF NOT EXISTS user_index (
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
);
CREATE INDEX IF NOT EXISTS user_index_nick ON user_index(app, nickname_lc);
CREATE INDEX IF NOT EXISTS user_index_gen ON user_index(app, gen);

-- Substrings of 3+ characters, any script (trigram matches inside words, CJK has no spaces).
CREATE VIRTUAL TABLE IF NOT EXISTS user_index_fts USING fts5(
  username, nickname, content='user_index', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER IF NOT EXISTS user_index_ai AFTER INSERT ON user_index BEGIN
  INSERT INTO user_index_fts(rowid, username, nickname) VALUES (new.id, new.username, new.nickname);
END;
CREATE TRIGGER IF NOT EXISTS user_index_ad AFTER DELETE ON user_index BEGIN
  INSERT INTO user_index_fts(user_index_fts, rowid, username, nickname) VALUES ('delete', old.id, old.username, old.nickname);
END;
CREATE TRIGGER IF NOT EXISTS user_index_au AFTER UPDATE OF username, nickname ON user_index BEGIN
  INSERT INTO user_index_fts(user_index_fts, rowid, username, nickname) VALUES ('delete', old.id, old.username, old.nickname);
  INSERT INTO user_index_fts(rowid, username, nickname) VALUES (new.id, new.username, new.nickname);
END;

-- Every trigram with a Latin character the index has held (never pruned: a stale one costs an
-- empty branch). A two-letter fragment is found through the trigrams that contain it; FTS5's own
-- vocabulary table would read the whole index to list them.
CREATE TABLE IF NOT EXISTS user_index_trigrams (term TEXT PRIMARY KEY) WITHOUT ROWID;

-- One- and two-character fragments of non-Latin text (小王, 王): trigram cannot find them, and a
-- scan would not be fast on a million rows. (Latin ones would make this table ten times larger.)
CREATE TABLE IF NOT EXISTS user_index_grams (
  gram TEXT NOT NULL,
  id INTEGER NOT NULL,
  PRIMARY KEY (gram, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS user_index_grams_id ON user_index_grams(id);

CREATE TABLE IF NOT EXISTS user_index_state (
  app TEXT PRIMARY KEY,
  -- The current walk's generation; rows seen by it carry it.
  gen INTEGER NOT NULL DEFAULT 0,
  -- 0: no walk unfinished. 1: a walk is running, or was cut off (the server stopped or failed):
  -- it resumes when the server starts. 2: an operator cancelled it: "build" resumes it.
  walking INTEGER NOT NULL DEFAULT 0,
  -- 1 when the unfinished walk is a re-walk (its end sweeps rows it did not see).
  rewalk INTEGER NOT NULL DEFAULT 0,
  -- Where the unfinished walk continues; or, after a finished walk, the last page's own cursor
  -- (walking from there again picks up users registered since).
  cursor TEXT,
  walk_users INTEGER NOT NULL DEFAULT 0,
  walk_calls INTEGER NOT NULL DEFAULT 0,
  walk_started_at INTEGER,
  last_built_at INTEGER,
  last_error TEXT
);
`;

/** Creates whatever is missing; the other modules prepare statements against these tables. */
export function applySchema(db: ConsoleDb): void {
  db.exec(SCHEMA);
}
