import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../contract/roles.js';
import type { ConsoleDb } from './console-db.js';

// Operator sessions: a random token in an HttpOnly cookie, its SHA-256 in the database. A session
// ends after `idleMs` without a request, or `maxMs` after sign-in, whichever comes first.

export interface SessionOptions {
  idleMs: number;
  maxMs: number;
  now?: () => number;
}

export interface ActiveSession {
  username: string;
  role: Role;
  csrfToken: string;
  operatorId: number;
  createdAt: number;
  /** `password`, `password+totp`, `password+recovery` or `sso`. */
  signIn: string;
  /** A confirmed second factor (TOTP) on the account. */
  secondFactor: boolean;
}

interface Row {
  token_hash: string;
  operator_id: number;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  sign_in: string;
  username: string;
  role: Role;
  disabled: number;
  second_factor: number;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

/** How often `touch` writes: a request every second need not rewrite the row every second. */
const TOUCH_EVERY_MS = 15_000;

export function createSessions(db: ConsoleDb, options: SessionOptions) {
  const now = options.now ?? Date.now;
  const find = db.prepare<[string], Row>(
    `SELECT s.*, o.username, o.role, o.disabled, o.totp_secret IS NOT NULL AS second_factor FROM sessions s JOIN operators o ON o.id = s.operator_id WHERE s.token_hash = ?`,
  );
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');

  return {
    create(operatorId: number, signIn = 'password'): { token: string; csrfToken: string } {
      const token = randomToken();
      const csrfToken = randomToken();
      const t = now();
      // Expired rows go when someone signs in: no timer to stop at shutdown.
      db.prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?').run(t - options.idleMs, t - options.maxMs);
      db.prepare('INSERT INTO sessions (token_hash, operator_id, csrf_token, created_at, last_seen_at, sign_in) VALUES (?, ?, ?, ?, ?, ?)').run(
        digest(token),
        operatorId,
        csrfToken,
        t,
        t,
        signIn,
      );
      return { token, csrfToken };
    },

    /** The live session for this cookie value (and counts this request as activity), or undefined. */
    get(token: string | undefined): ActiveSession | undefined {
      if (!token || token.length > 200) return undefined;
      const key = digest(token);
      const row = find.get(key);
      if (!row) return undefined;
      const t = now();
      if (row.disabled === 1 || t - row.last_seen_at > options.idleMs || t - row.created_at > options.maxMs) {
        remove.run(key);
        return undefined;
      }
      if (t - row.last_seen_at > TOUCH_EVERY_MS) db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(t, key);
      return {
        username: row.username,
        role: row.role,
        csrfToken: row.csrf_token,
        operatorId: row.operator_id,
        createdAt: row.created_at,
        signIn: row.sign_in,
        secondFactor: row.second_factor === 1,
      };
    },

    destroy(token: string | undefined) {
      if (token) remove.run(digest(token));
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
