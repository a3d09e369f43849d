import { newToken, tokenHash } from './http/tokens.js';
import type { Role } from '../contract/roles.js';
import { sql, type Kysely } from 'kysely';
import type { Tables } from './store/tables.js';

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

/** How often `touch` writes: a request every second need not rewrite the row every second. */
const TOUCH_EVERY_MS = 15_000;

export function createSessions(db: Kysely<Tables>, options: SessionOptions) {
  const now = options.now ?? Date.now;
  const remove = (key: string) => db.deleteFrom('sessions').where('token_hash', '=', key).execute();

  return {
    async create(operatorId: number, signIn = 'password'): Promise<{ token: string; csrfToken: string }> {
      const token = newToken();
      const csrfToken = newToken();
      const t = now();
      // Expired rows go when someone signs in: no timer to stop at shutdown.
      await db
        .deleteFrom('sessions')
        .where((e) => e.or([e('last_seen_at', '<', t - options.idleMs), e('created_at', '<', t - options.maxMs)]))
        .execute();
      await db
        .insertInto('sessions')
        .values({ token_hash: tokenHash(token), operator_id: operatorId, csrf_token: csrfToken, created_at: t, last_seen_at: t, sign_in: signIn })
        .execute();
      return { token, csrfToken };
    },

    /** The live session for this cookie value (and counts this request as activity), or undefined. */
    async get(token: string | undefined): Promise<ActiveSession | undefined> {
      if (!token || token.length > 200) return undefined;
      const key = tokenHash(token);
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('operators as o', 'o.id', 's.operator_id')
        .select(['s.operator_id', 's.csrf_token', 's.created_at', 's.last_seen_at', 's.sign_in', 'o.username', 'o.role', 'o.disabled'])
        .select(sql<number>`CASE WHEN o.totp_secret IS NULL THEN 0 ELSE 1 END`.as('second_factor'))
        .where('s.token_hash', '=', key)
        .executeTakeFirst();
      if (!row) return undefined;
      const t = now();
      if (row.disabled === 1 || t - row.last_seen_at > options.idleMs || t - row.created_at > options.maxMs) {
        await remove(key);
        return undefined;
      }
      if (t - row.last_seen_at > TOUCH_EVERY_MS) await db.updateTable('sessions').set({ last_seen_at: t }).where('token_hash', '=', key).execute();
      return {
        username: row.username,
        role: row.role as Role,
        csrfToken: row.csrf_token,
        operatorId: row.operator_id,
        createdAt: row.created_at,
        signIn: row.sign_in,
        secondFactor: Number(row.second_factor) === 1,
      };
    },

    async destroy(token: string | undefined): Promise<void> {
      if (token) await remove(tokenHash(token));
    },

    /** Sessions not yet ended (metrics). */
    async countActive(): Promise<number> {
      const t = now();
      const { n } = await db
        .selectFrom('sessions')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('last_seen_at', '>=', t - options.idleMs)
        .where('created_at', '>=', t - options.maxMs)
        .executeTakeFirstOrThrow();
      return Number(n);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
