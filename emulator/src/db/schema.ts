import Database from 'better-sqlite3';

export type Db = Database.Database;

// Usernames are the natural key everywhere: foreign keys with ON DELETE CASCADE give the
// documented "delete user" cascade (friendships, blacklists, memberships, owned groups) for free.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS users (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT NOT NULL UNIQUE,
  uuid TEXT NOT NULL,
  password TEXT NOT NULL,
  nickname TEXT,
  activated INTEGER NOT NULL DEFAULT 1,
  online INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL,
  modified INTEGER NOT NULL,
  notification_display_style INTEGER,
  notification_no_disturbing INTEGER,
  notification_no_disturbing_start INTEGER,
  notification_no_disturbing_end INTEGER,
  notifier_name TEXT,
  device_token TEXT
);

CREATE TABLE IF NOT EXISTS tokens (
  token TEXT PRIMARY KEY,
  username TEXT REFERENCES users(username) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS contacts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  owner TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  friend TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  remark TEXT,
  UNIQUE (owner, friend)
);
CREATE INDEX IF NOT EXISTS contacts_friend ON contacts(friend);

CREATE TABLE IF NOT EXISTS user_blocks (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  owner TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  blocked TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  UNIQUE (owner, blocked)
);
CREATE INDEX IF NOT EXISTS user_blocks_blocked ON user_blocks(blocked);

CREATE TABLE IF NOT EXISTS offline_messages (
  username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  msg_id TEXT NOT NULL,
  PRIMARY KEY (username, msg_id)
);

CREATE TABLE IF NOT EXISTS groups (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  groupid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  public INTEGER NOT NULL DEFAULT 1,
  membersonly INTEGER NOT NULL DEFAULT 0,
  allowinvites INTEGER NOT NULL DEFAULT 0,
  maxusers INTEGER NOT NULL DEFAULT 200,
  owner TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  created INTEGER NOT NULL,
  modified INTEGER NOT NULL,
  custom TEXT NOT NULL DEFAULT '',
  mute_all INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS groups_owner ON groups(owner);

CREATE TABLE IF NOT EXISTS group_members (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  groupid TEXT NOT NULL REFERENCES groups(groupid) ON DELETE CASCADE,
  username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  UNIQUE (groupid, username)
);
CREATE INDEX IF NOT EXISTS group_members_user ON group_members(username);

CREATE TABLE IF NOT EXISTS group_blocks (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  groupid TEXT NOT NULL REFERENCES groups(groupid) ON DELETE CASCADE,
  username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  UNIQUE (groupid, username)
);

CREATE TABLE IF NOT EXISTS group_whitelist (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  groupid TEXT NOT NULL REFERENCES groups(groupid) ON DELETE CASCADE,
  username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  UNIQUE (groupid, username)
);

CREATE TABLE IF NOT EXISTS group_mutes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  groupid TEXT NOT NULL REFERENCES groups(groupid) ON DELETE CASCADE,
  username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  expire INTEGER NOT NULL,
  UNIQUE (groupid, username)
);

CREATE TABLE IF NOT EXISTS group_member_attributes (
  groupid TEXT NOT NULL REFERENCES groups(groupid) ON DELETE CASCADE,
  username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (groupid, username, key)
);
`;

export function openDatabase(file: string): Db {
  const db = new Database(file);
  // WAL + NORMAL: a committed transaction survives a kill -9 of this process.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  cacheStatements(db);
  return db;
}

/**
 * Every `db.prepare(sql)` of the same SQL returns one compiled statement: the handlers prepare
 * where they use a statement, often once per user of a 60-user batch, and compiling costs more
 * than running. Safe here: no statement is iterated while another call could run it.
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, ReturnType<typeof prepare>>();
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = prepare(sql)));
    return statement;
  }) as typeof db.prepare;
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
