import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Tables } from '../store/tables.js';

// The audit log. A change through the proxy is written BEFORE it is forwarded (its intent) and its
// outcome added when the answer comes, as a row of its own: nothing is ever updated or deleted
// (the tables' triggers refuse both). An intent whose outcome never came (the server was killed
// or cut off mid-call) reads as `status: null`, "outcome unknown". Sign-ins, sign-outs, index
// admin and refused calls are written whole, in one row.

export interface AuditItem {
  target: string;
  ok: boolean;
  reason?: string;
}

export interface AuditRecord {
  time: number;
  /** Null when sign-in is off (dev against the local emulator) or nobody signed in. */
  operator: string | null;
  app: string;
  method: string;
  /** The API path after the app prefix, with its query's secrets removed. */
  path: string;
  /** `METHOD pattern`, e.g. `POST users/{username}/deactivate`. */
  action: string;
  target: string | null;
  /** Every name the call touches (target, users in the path or the body). */
  subjects: string[];
  summary: string;
  status: number;
  items?: AuditItem[];
  /** The client's address (sessions and refusals). */
  address?: string;
  /** Set on calls the console refused: the error code it answered. */
  refusal?: string;
  /** How the operator's session signed in (`password`, `password+totp`, `password+recovery`, `sso`). */
  signIn?: string;
}

export type AuditIntent = Omit<AuditRecord, 'status' | 'items'>;

/** A row as read back: `time` as ISO 8601 (UTC); `status` null when the outcome never came. */
export type AuditEntry = Omit<AuditRecord, 'time' | 'subjects' | 'status'> & {
  id: number;
  time: string;
  status: number | null;
};

export interface AuditQuery {
  operator?: string;
  target?: string;
  /** A method (`DELETE`) or part of the action (`deactivate`, `chatgroups/{group}/mute`). */
  action?: string;
  from?: number;
  to?: number;
  cursor?: string;
  limit?: number;
  /** 1-based page of `limit` entries (offset `(page - 1) * limit`), for numbered pages. */
  page?: number;
}

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 500;
const SUBJECTS_MAX = 1000;
/** An intent row's status until its outcome row exists. */
const PENDING = 0;

/** A row as the query reads it: the outcome's status and items over the intent's. */
type Row = Omit<Selectable<Tables['audit']>, 'subjects' | 'status'> & { status: number | null };

const toEntry = (r: Row): AuditEntry => ({
  id: r.id,
  time: new Date(r.time).toISOString(),
  operator: r.operator,
  app: r.app,
  method: r.method,
  path: r.path,
  action: r.action,
  target: r.target,
  summary: r.summary,
  status: r.status,
  ...(r.items ? { items: JSON.parse(r.items) as AuditItem[] } : {}),
  ...(r.address ? { address: r.address } : {}),
  ...(r.refusal ? { refusal: r.refusal } : {}),
  ...(r.sign_in ? { signIn: r.sign_in } : {}),
});

/** `from`/`to` as ISO dates or epoch milliseconds; undefined when absent, NaN when unreadable. */
export function parseTime(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value);
  return Date.parse(value);
}

/** `%` and `_` match only themselves inside a LIKE pattern (with ESCAPE '\\'). */
const likeEscaped = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
/** `haystack` contains `needle`, the same in SQLite and PostgreSQL. */
const contains = (haystack: Expression<string>, needle: string) => sql<SqlBool>`${haystack} LIKE ${`%${likeEscaped(needle)}%`} ESCAPE '\\'`;

/** A query's filters (and cursor), on the `audit as a` rows. */
function filtersOf(q: AuditQuery) {
  return (e: ExpressionBuilder<{ a: Tables['audit'] }, 'a'>) => {
    const where: Expression<SqlBool>[] = [];
    if (q.operator) where.push(e('a.operator', '=', q.operator.trim().toLowerCase()));
    if (q.target) where.push(contains(e.ref('a.subjects'), `,${q.target.trim().toLowerCase()},`));
    if (q.action) {
      const a = q.action.trim();
      if (/^[A-Za-z]+$/.test(a) && ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].includes(a.toUpperCase())) where.push(e('a.method', '=', a.toUpperCase()));
      else where.push(contains(sql<string>`lower(${e.ref('a.action')})`, a.toLowerCase()));
    }
    if (q.from !== undefined) where.push(e('a.time', '>=', q.from));
    if (q.to !== undefined) where.push(e('a.time', '<=', q.to));
    if (q.cursor) where.push(e('a.id', '<', Number(q.cursor)));
    return e.and(where);
  };
}

export function createAuditLog(db: Kysely<Tables>) {
  const write = async (r: AuditIntent & { status: number; items?: AuditItem[] }): Promise<number> => {
    // Capped: a 1000-user batch stays findable by name without a row of unbounded size.
    const subjects = `,${[...new Set(r.subjects.map((s) => s.toLowerCase()))].slice(0, SUBJECTS_MAX).join(',')},`;
    const { id } = await db
      .insertInto('audit')
      .values({
        time: r.time,
        operator: r.operator,
        app: r.app,
        method: r.method,
        path: r.path,
        action: r.action,
        target: r.target,
        subjects,
        summary: r.summary,
        status: r.status,
        items: r.items ? JSON.stringify(r.items) : null,
        address: r.address ?? null,
        refusal: r.refusal ?? null,
        sign_in: r.signIn ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(id);
  };

  return {
    /** A whole row: something that already happened (a sign-in, a refusal). */
    record: (r: AuditRecord): Promise<number> => write(r),

    /** The intent of a change, committed before the change is sent; returns its id for `finish`. */
    begin: (r: AuditIntent): Promise<number> => write({ ...r, status: PENDING }),

    /** The outcome of a change begun with `begin`. */
    async finish(id: number, time: number, status: number, items?: AuditItem[]): Promise<void> {
      await db.insertInto('audit_outcome').values({ audit_id: id, time, status, items: items ? JSON.stringify(items) : null }).execute();
    },

    /**
     * Newest first; `cursor` continues after the last entry of the previous page, `page` skips the
     * pages before it. Offsets shift as new entries arrive (they come first); a cursor does not, so
     * the CSV export walks by cursor.
     */
    async query(q: AuditQuery): Promise<{ entries: AuditEntry[]; cursor?: string }> {
      const limit = Math.min(Math.max(1, Math.trunc(q.limit ?? AUDIT_PAGE_DEFAULT)), AUDIT_PAGE_MAX);
      const offset = q.page === undefined ? 0 : (Math.max(1, Math.trunc(q.page)) - 1) * limit;
      const rows: Row[] = await db
        .selectFrom('audit as a')
        .leftJoin('audit_outcome as o', 'o.audit_id', 'a.id')
        .select(['a.id', 'a.time', 'a.operator', 'a.app', 'a.method', 'a.path', 'a.action', 'a.target', 'a.summary', 'a.address', 'a.refusal', 'a.sign_in'])
        .select(sql<number | null>`COALESCE(o.status, NULLIF(a.status, ${sql.lit(PENDING)}))`.as('status'))
        .select(sql<string | null>`COALESCE(o.items, a.items)`.as('items'))
        .where(filtersOf(q))
        .orderBy('a.id', 'desc')
        .limit(limit + 1)
        .offset(offset)
        .execute();
      const more = rows.length > limit;
      const page = rows.slice(0, limit).map(toEntry);
      return more ? { entries: page, cursor: String(page.at(-1)!.id) } : { entries: page };
    },

    /** How many entries the filters match, whatever the page or cursor: for numbered pages. */
    async count(q: AuditQuery): Promise<number> {
      const { n } = await db
        .selectFrom('audit as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where(filtersOf({ ...q, cursor: undefined }))
        .executeTakeFirstOrThrow();
      return Number(n);
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
