import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

// The console's own database: operators, their sessions and the audit log. Not the IM data.

export type ConsoleDb = Database.Database;

export const CONSOLE_DB_DEFAULT = '.data/console.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS operators (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'support', 'moderator', 'admin')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Only a hash of each session token is kept: a copy of this file opens no session.
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_operator ON sessions(operator_id);

-- Sign-ins started with the identity provider and not yet back: what the callback checks
-- (state, nonce, PKCE verifier), found by the hash of a cookie only that browser holds.
CREATE TABLE IF NOT EXISTS sso_flows (
  flow_hash TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  redirect_uri TEXT NOT NULL,
  return_to TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- A local operator's one-time recovery codes (second factor), kept as SHA-256.
CREATE TABLE IF NOT EXISTS recovery_codes (
  id INTEGER PRIMARY KEY,
  operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  used_at INTEGER
);
CREATE INDEX IF NOT EXISTS recovery_codes_operator ON recovery_codes(operator_id);

CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  time INTEGER NOT NULL,
  operator TEXT,
  app TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  -- Every name the call touches, as ",a,b,", so a target filter finds a user inside a batch.
  subjects TEXT NOT NULL,
  summary TEXT NOT NULL,
  status INTEGER NOT NULL,
  items TEXT
);
CREATE INDEX IF NOT EXISTS audit_time ON audit(time);
CREATE INDEX IF NOT EXISTS audit_operator ON audit(operator, id);

-- A change's outcome, added when the IM host answers (the change's own row, written before it
-- was forwarded, is never updated). No outcome row: the outcome is unknown.
CREATE TABLE IF NOT EXISTS audit_outcome (
  audit_id INTEGER PRIMARY KEY REFERENCES audit(id),
  time INTEGER NOT NULL,
  status INTEGER NOT NULL,
  items TEXT
);

-- Append-only: no route edits or deletes it, and the database refuses to as well.
CREATE TRIGGER IF NOT EXISTS audit_outcome_no_update BEFORE UPDATE ON audit_outcome
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_outcome_no_delete BEFORE DELETE ON audit_outcome
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;

/** Columns added since the first release: added to older databases in place. */
function migrate(db: Database.Database) {
  const columns = new Set(db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('audit')").all().map((c) => c.name));
  // The address a session or a refused call came from, and the refusal's error code.
  if (!columns.has('address')) db.exec('ALTER TABLE audit ADD COLUMN address TEXT');
  if (!columns.has('refusal')) db.exec('ALTER TABLE audit ADD COLUMN refusal TEXT');
  // How the session behind the row signed in: password, password+totp, recovery, sso.
  if (!columns.has('sign_in')) db.exec('ALTER TABLE audit ADD COLUMN sign_in TEXT');
  const operatorColumns = new Set(db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('operators')").all().map((c) => c.name));
  // The second factor: the confirmed secret, one waiting for its first code, and the last time
  // step accepted (a code is refused once used, for the rest of its window).
  if (!operatorColumns.has('totp_secret')) db.exec('ALTER TABLE operators ADD COLUMN totp_secret TEXT');
  if (!operatorColumns.has('totp_pending_secret')) db.exec('ALTER TABLE operators ADD COLUMN totp_pending_secret TEXT');
  if (!operatorColumns.has('totp_last_step')) db.exec('ALTER TABLE operators ADD COLUMN totp_last_step INTEGER');
  if (!operatorColumns.has('last_sign_in_at')) db.exec('ALTER TABLE operators ADD COLUMN last_sign_in_at INTEGER');
  const sessionColumns = new Set(db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('sessions')").all().map((c) => c.name));
  if (!sessionColumns.has('sign_in')) db.exec("ALTER TABLE sessions ADD COLUMN sign_in TEXT NOT NULL DEFAULT 'password'");
  // Single sign-on: the provider's subject (issuer + sub) of an operator made at their first
  // OpenID Connect sign-in; such an operator has no password.
  if (!operatorColumns.has('sso_subject')) db.exec('ALTER TABLE operators ADD COLUMN sso_subject TEXT');
  db.exec('CREATE UNIQUE INDEX IF NOT EXISTS operators_sso_subject ON operators(sso_subject) WHERE sso_subject IS NOT NULL');
}

/** Opens (and creates when needed) the console database; `:memory:` for tests. */
export function openConsoleDb(file: string = CONSOLE_DB_DEFAULT): ConsoleDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // An audit row is committed before its change is forwarded: make the commit survive power loss too.
  db.pragma('synchronous = FULL');
  // Two processes (the server and `npm run operator`) may write at once.
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  migrate(db);
  return db;
}
