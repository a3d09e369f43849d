import { hash, verify } from '@node-rs/argon2';
import { isRole, type Role } from '../contract/roles.js';
import type { ConsoleDb } from './console-db.js';

// Console accounts (not IM users). Passwords are stored only as argon2id hashes (the package's
// default algorithm, with its default OWASP parameters) and never logged.

export interface Operator {
  id: number;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
  /** The last sign-in that opened a session; null when never. */
  lastSignInAt: number | null;
  /** A confirmed second factor (TOTP). */
  secondFactor: boolean;
  /** Signs in through the identity provider (no password here; the role follows the provider). */
  sso: boolean;
}

export class OperatorError extends Error {}

const NAME_RE = /^[a-z0-9][a-z0-9._@-]{0,63}$/;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

interface Row {
  id: number;
  username: string;
  role: string;
  password_hash: string;
  disabled: number;
  created_at: number;
  updated_at: number;
  last_sign_in_at: number | null;
  totp_secret: string | null;
  sso_subject: string | null;
}

const toOperator = (r: Row): Operator => ({
  id: r.id,
  username: r.username,
  role: r.role as Role,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  lastSignInAt: r.last_sign_in_at,
  secondFactor: r.totp_secret !== null,
  sso: r.sso_subject !== null,
});

/** Stands where an SSO operator's password hash would be: no password ever verifies against it. */
const NO_PASSWORD = '!sso';

/** A name for a new SSO operator from what the provider says, within the operator-name rules. */
function ssoName(wanted: string): string {
  const n = wanted
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._@-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 60);
  return n || 'sso-operator';
}

/** Could this be an operator's name at all? (Sign-in refuses anything else before any lookup.) */
export const isOperatorName = (name: string) => NAME_RE.test(name.trim().toLowerCase());

export function normalizeName(name: string): string {
  const n = name.trim().toLowerCase();
  if (!NAME_RE.test(n)) throw new OperatorError(`"${name}" is not a valid operator name (1-64 of a-z 0-9 . _ @ -, starting with a letter or digit)`);
  return n;
}

function checkRole(role: string): Role {
  if (!isRole(role)) throw new OperatorError(`"${role}" is not a role (viewer, support, moderator, admin)`);
  return role;
}

function checkPassword(password: string) {
  if (password.length < PASSWORD_MIN) throw new OperatorError(`the password must have at least ${PASSWORD_MIN} characters`);
  if (password.length > PASSWORD_MAX) throw new OperatorError(`the password must have at most ${PASSWORD_MAX} characters`);
}

/** Verified against when the name is unknown, so a wrong name takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

export function createOperators(db: ConsoleDb, now: () => number = Date.now) {
  const byName = db.prepare<[string], Row>('SELECT * FROM operators WHERE username = ?');
  const mustExist = (name: string): Row => {
    const row = byName.get(normalizeName(name));
    if (!row) throw new OperatorError(`no operator "${name}"`);
    return row;
  };

  return {
    async add(name: string, role: string, password: string): Promise<Operator> {
      const username = normalizeName(name);
      const r = checkRole(role);
      checkPassword(password);
      if (byName.get(username)) throw new OperatorError(`operator "${username}" already exists`);
      const t = now();
      const passwordHash = await hash(password);
      db.prepare('INSERT INTO operators (username, role, password_hash, disabled, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)').run(username, r, passwordHash, t, t);
      return toOperator(byName.get(username)!);
    },

    list(): Operator[] {
      return db.prepare<[], Row>('SELECT * FROM operators ORDER BY username').all().map(toOperator);
    },

    get(name: string): Operator | undefined {
      const row = byName.get(name.trim().toLowerCase());
      return row && toOperator(row);
    },

    /**
     * The operator the provider's subject signs in as, made at their first sign-in, with the role
     * the provider's groups give today. A local operator of the same name stays theirs: the new
     * one gets the name with a number after it.
     */
    ssoSignIn(subject: string, wantedName: string, role: Role): Operator {
      const t = now();
      return db.transaction(() => {
        const known = db.prepare<[string], Row>('SELECT * FROM operators WHERE sso_subject = ?').get(subject);
        if (known) {
          if (known.role !== role) db.prepare('UPDATE operators SET role = ?, updated_at = ? WHERE id = ?').run(checkRole(role), t, known.id);
          return toOperator(byName.get(known.username)!);
        }
        const base = ssoName(wantedName);
        let username = base;
        for (let i = 2; byName.get(username); i++) username = `${base}-${i}`;
        db.prepare('INSERT INTO operators (username, role, password_hash, disabled, created_at, updated_at, sso_subject) VALUES (?, ?, ?, 0, ?, ?, ?)').run(
          username,
          checkRole(role),
          NO_PASSWORD,
          t,
          t,
          subject,
        );
        return toOperator(byName.get(username)!);
      })();
    },

    setRole(name: string, role: string): Operator {
      const row = mustExist(name);
      db.prepare('UPDATE operators SET role = ?, updated_at = ? WHERE id = ?').run(checkRole(role), now(), row.id);
      return toOperator(byName.get(row.username)!);
    },

    /** Disables the account and ends its sessions at once. */
    disable(name: string): Operator {
      const row = mustExist(name);
      db.transaction(() => {
        db.prepare('UPDATE operators SET disabled = 1, updated_at = ? WHERE id = ?').run(now(), row.id);
        db.prepare('DELETE FROM sessions WHERE operator_id = ?').run(row.id);
      })();
      return toOperator(byName.get(row.username)!);
    },

    enable(name: string): Operator {
      const row = mustExist(name);
      db.prepare('UPDATE operators SET disabled = 0, updated_at = ? WHERE id = ?').run(now(), row.id);
      return toOperator(byName.get(row.username)!);
    },

    /** Sets a new password and ends the operator's sessions (whoever knew the old one is out). */
    async resetPassword(name: string, password: string): Promise<Operator> {
      const row = mustExist(name);
      if (row.sso_subject !== null) throw new OperatorError(`${row.username} signs in through the identity provider and has no password here`);
      checkPassword(password);
      const passwordHash = await hash(password);
      db.transaction(() => {
        db.prepare('UPDATE operators SET password_hash = ?, updated_at = ? WHERE id = ?').run(passwordHash, now(), row.id);
        db.prepare('DELETE FROM sessions WHERE operator_id = ?').run(row.id);
      })();
      return toOperator(byName.get(row.username)!);
    },

    /** A sign-in opened a session: shown on the Operators page. */
    signedIn(id: number): void {
      db.prepare('UPDATE operators SET last_sign_in_at = ? WHERE id = ?').run(now(), id);
    },

    /** Ends every session of the operator (they sign in again at their next request). */
    endSessions(name: string): number {
      return db.prepare('DELETE FROM sessions WHERE operator_id = ?').run(mustExist(name).id).changes;
    },

    /** Enabled admins: the last one may be neither disabled nor demoted from the console. */
    activeAdmins(): number {
      return db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM operators WHERE role = 'admin' AND disabled = 0").get()!.n;
    },

    /** The operator when the name and password match an enabled account, else undefined. */
    async verify(name: string, password: string): Promise<Operator | undefined> {
      const row = typeof name === 'string' && name.length <= 64 ? byName.get(name.trim().toLowerCase()) : undefined;
      if (!row || typeof password !== 'string' || password.length > PASSWORD_MAX) {
        dummyHash ??= hash('not-a-real-password-only-for-timing');
        await verify(await dummyHash, typeof password === 'string' ? password.slice(0, PASSWORD_MAX) : '').catch(() => false);
        return undefined;
      }
      const ok = await verify(row.password_hash, password).catch(() => false);
      if (!ok || row.disabled === 1) return undefined;
      return toOperator(row);
    },
  };
}

export type Operators = ReturnType<typeof createOperators>;
