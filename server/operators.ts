import { hash, verify } from '@node-rs/argon2';
import { isRole, type Role } from '../contract/roles.js';
import type { Kysely, Selectable } from 'kysely';
import type { OperatorsTable, Tables } from './store/tables.js';

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

type Row = Selectable<OperatorsTable>;

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

export function createOperators(db: Kysely<Tables>, now: () => number = Date.now) {
  const byName = (username: string) => db.selectFrom('operators').selectAll().where('username', '=', username).executeTakeFirst();
  const mustExist = async (name: string): Promise<Row> => {
    const row = await byName(normalizeName(name));
    if (!row) throw new OperatorError(`no operator "${name}"`);
    return row;
  };
  /** The operator as it is now, after a change. */
  const reread = async (username: string) => toOperator((await byName(username))!);
  const endSessionsOf = (id: number) => db.deleteFrom('sessions').where('operator_id', '=', id);

  return {
    async add(name: string, role: string, password: string): Promise<Operator> {
      const username = normalizeName(name);
      const r = checkRole(role);
      checkPassword(password);
      if (await byName(username)) throw new OperatorError(`operator "${username}" already exists`);
      const t = now();
      const passwordHash = await hash(password);
      await db.insertInto('operators').values({ username, role: r, password_hash: passwordHash, disabled: 0, created_at: t, updated_at: t }).execute();
      return reread(username);
    },

    async list(): Promise<Operator[]> {
      return (await db.selectFrom('operators').selectAll().orderBy('username').execute()).map(toOperator);
    },

    async get(name: string): Promise<Operator | undefined> {
      const row = await byName(name.trim().toLowerCase());
      return row && toOperator(row);
    },

    /**
     * The operator the provider's subject signs in as, made at their first sign-in, with the role
     * the provider's groups give today. A local operator of the same name stays theirs: the new
     * one gets the name with a number after it.
     */
    async ssoSignIn(subject: string, wantedName: string, role: Role): Promise<Operator> {
      const t = now();
      const known = await db.selectFrom('operators').selectAll().where('sso_subject', '=', subject).executeTakeFirst();
      if (known) {
        if (known.role !== role) await db.updateTable('operators').set({ role: checkRole(role), updated_at: t }).where('id', '=', known.id).execute();
        return reread(known.username);
      }
      const base = ssoName(wantedName);
      // Two first sign-ins racing for one name: the unique index lets one in, the other takes the next.
      for (let i = 1; ; i++) {
        const username = i === 1 ? base : `${base}-${i}`;
        if (await byName(username)) continue;
        const added = await db
          .insertInto('operators')
          .values({ username, role: checkRole(role), password_hash: NO_PASSWORD, disabled: 0, created_at: t, updated_at: t, sso_subject: subject })
          .onConflict((c) => c.doNothing())
          .returning('username')
          .executeTakeFirst();
        if (added) return reread(added.username);
        // The subject itself may have been added by a sign-in racing this one.
        const raced = await db.selectFrom('operators').selectAll().where('sso_subject', '=', subject).executeTakeFirst();
        if (raced) return toOperator(raced);
      }
    },

    async setRole(name: string, role: string): Promise<Operator> {
      const row = await mustExist(name);
      await db.updateTable('operators').set({ role: checkRole(role), updated_at: now() }).where('id', '=', row.id).execute();
      return reread(row.username);
    },

    /** Disables the account and ends its sessions at once. */
    async disable(name: string): Promise<Operator> {
      const row = await mustExist(name);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('operators').set({ disabled: 1, updated_at: now() }).where('id', '=', row.id).execute();
        await trx.deleteFrom('sessions').where('operator_id', '=', row.id).execute();
      });
      return reread(row.username);
    },

    async enable(name: string): Promise<Operator> {
      const row = await mustExist(name);
      await db.updateTable('operators').set({ disabled: 0, updated_at: now() }).where('id', '=', row.id).execute();
      return reread(row.username);
    },

    /** Sets a new password and ends the operator's sessions (whoever knew the old one is out). */
    async resetPassword(name: string, password: string): Promise<Operator> {
      const row = await mustExist(name);
      if (row.sso_subject !== null) throw new OperatorError(`${row.username} signs in through the identity provider and has no password here`);
      checkPassword(password);
      const passwordHash = await hash(password);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('operators').set({ password_hash: passwordHash, updated_at: now() }).where('id', '=', row.id).execute();
        await trx.deleteFrom('sessions').where('operator_id', '=', row.id).execute();
      });
      return reread(row.username);
    },

    /** A sign-in opened a session: shown on the Operators page. */
    async signedIn(id: number): Promise<void> {
      await db.updateTable('operators').set({ last_sign_in_at: now() }).where('id', '=', id).execute();
    },

    /** Ends every session of the operator (they sign in again at their next request). */
    async endSessions(name: string): Promise<number> {
      const { id } = await mustExist(name);
      return Number((await endSessionsOf(id).executeTakeFirst()).numDeletedRows);
    },

    /** Enabled admins: the last one may be neither disabled nor demoted from the console. */
    async activeAdmins(): Promise<number> {
      const { n } = await db.selectFrom('operators').select((e) => e.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('disabled', '=', 0).executeTakeFirstOrThrow();
      return Number(n);
    },

    /** The operator when the name and password match an enabled account, else undefined. */
    async verify(name: string, password: string): Promise<Operator | undefined> {
      const row = typeof name === 'string' && name.length <= 64 ? await byName(name.trim().toLowerCase()) : undefined;
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
