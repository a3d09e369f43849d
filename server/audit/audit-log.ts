import type { ConsoleDb } from '../console-db.js';

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

interface Row {
  id: number;
  time: number;
  operator: string | null;
  app: string;
  method: string;
  path: string;
  action: string;
  target: string | null;
  summary: string;
  status: number | null;
  items: string | null;
  address: string | null;
  refusal: string | null;
  sign_in: string | null;
}

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

/** The WHERE clause of a query's filters (and cursor), on the `audit a` rows. */
function filtersOf(q: AuditQuery): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (q.operator) {
    where.push('a.operator = ?');
    params.push(q.operator.trim().toLowerCase());
  }
  if (q.target) {
    where.push("instr(a.subjects, ',' || ? || ',') > 0");
    params.push(q.target.trim().toLowerCase());
  }
  if (q.action) {
    const a = q.action.trim();
    if (/^[A-Za-z]+$/.test(a) && ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].includes(a.toUpperCase())) {
      where.push('a.method = ?');
      params.push(a.toUpperCase());
    } else {
      where.push('instr(lower(a.action), lower(?)) > 0');
      params.push(a);
    }
  }
  if (q.from !== undefined) {
    where.push('a.time >= ?');
    params.push(q.from);
  }
  if (q.to !== undefined) {
    where.push('a.time <= ?');
    params.push(q.to);
  }
  if (q.cursor) {
    where.push('a.id < ?');
    params.push(Number(q.cursor));
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function createAuditLog(db: ConsoleDb) {
  const insert = db.prepare(
    `INSERT INTO audit (time, operator, app, method, path, action, target, subjects, summary, status, items, address, refusal, sign_in)
     VALUES (@time, @operator, @app, @method, @path, @action, @target, @subjects, @summary, @status, @items, @address, @refusal, @sign_in)`,
  );
  const insertOutcome = db.prepare('INSERT INTO audit_outcome (audit_id, time, status, items) VALUES (?, ?, ?, ?)');

  const write = (r: AuditIntent & { status: number; items?: AuditItem[] }): number => {
    // Capped: a 1000-user batch stays findable by name without a row of unbounded size.
    const subjects = `,${[...new Set(r.subjects.map((s) => s.toLowerCase()))].slice(0, SUBJECTS_MAX).join(',')},`;
    const info = insert.run({
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
    });
    return Number(info.lastInsertRowid);
  };

  return {
    /** A whole row: something that already happened (a sign-in, a refusal). */
    record: (r: AuditRecord): number => write(r),

    /** The intent of a change, committed before the change is sent; returns its id for `finish`. */
    begin: (r: AuditIntent): number => write({ ...r, status: PENDING }),

    /** The outcome of a change begun with `begin`. */
    finish(id: number, time: number, status: number, items?: AuditItem[]) {
      insertOutcome.run(id, time, status, items ? JSON.stringify(items) : null);
    },

    /**
     * Newest first; `cursor` continues after the last entry of the previous page, `page` skips the
     * pages before it. Offsets shift as new entries arrive (they come first); a cursor does not, so
     * the CSV export walks by cursor.
     */
    query(q: AuditQuery): { entries: AuditEntry[]; cursor?: string } {
      const { sql, params } = filtersOf(q);
      const limit = Math.min(Math.max(1, Math.trunc(q.limit ?? AUDIT_PAGE_DEFAULT)), AUDIT_PAGE_MAX);
      const offset = q.page === undefined ? 0 : (Math.max(1, Math.trunc(q.page)) - 1) * limit;
      const rows = db
        .prepare<(string | number)[], Row>(
          `SELECT a.id, a.time, a.operator, a.app, a.method, a.path, a.action, a.target, a.summary,
                  COALESCE(o.status, NULLIF(a.status, ${PENDING})) AS status, COALESCE(o.items, a.items) AS items, a.address, a.refusal, a.sign_in
           FROM audit a LEFT JOIN audit_outcome o ON o.audit_id = a.id
           ${sql} ORDER BY a.id DESC LIMIT ? OFFSET ?`,
        )
        .all(...params, limit + 1, offset);
      const more = rows.length > limit;
      const page = rows.slice(0, limit).map(toEntry);
      return more ? { entries: page, cursor: String(page.at(-1)!.id) } : { entries: page };
    },

    /** How many entries the filters match, whatever the page or cursor: for numbered pages. */
    count(q: AuditQuery): number {
      const { sql, params } = filtersOf({ ...q, cursor: undefined });
      return db.prepare<(string | number)[], { n: number }>(`SELECT count(*) AS n FROM audit a ${sql}`).get(...params)!.n;
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
