import Papa from 'papaparse';
import type { ConsoleDb } from './console-db.js';

// The audit log: one row per mutating call through the proxy, written before the answer goes back.
// Append-only (the table's triggers refuse UPDATE and DELETE; no route offers either).

export interface AuditItem {
  target: string;
  ok: boolean;
  reason?: string;
}

export interface AuditRecord {
  time: number;
  /** Null when sign-in is off (dev against the local emulator). */
  operator: string | null;
  app: string;
  method: string;
  /** The API path after the app prefix, with its query, as sent. */
  path: string;
  /** `METHOD pattern`, e.g. `POST users/{username}/deactivate`. */
  action: string;
  target: string | null;
  /** Every name the call touches (target, users in the path or the body). */
  subjects: string[];
  summary: string;
  status: number;
  items?: AuditItem[];
}

export interface AuditEntry {
  id: number;
  /** ISO 8601, UTC. */
  time: string;
  operator: string | null;
  app: string;
  method: string;
  path: string;
  action: string;
  target: string | null;
  summary: string;
  status: number;
  items?: AuditItem[];
}

export interface AuditQuery {
  operator?: string;
  target?: string;
  /** A method (`DELETE`) or part of the action (`deactivate`, `chatgroups/{group}/mute`). */
  action?: string;
  from?: number;
  to?: number;
  cursor?: string;
  limit?: number;
}

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 500;
const SUMMARY_MAX = 4000;
const SUBJECTS_MAX = 1000;

/** Keys whose values never reach the log: passwords, secrets, tokens. */
const SECRET_KEY = /password|secret|token/i;
export const REDACTED = '[redacted]';

/** The request body with every secret-looking value replaced, however deep it sits. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? REDACTED : redact(v)]));
  }
  return value;
}

/** The query string with secret-looking parameters redacted. */
function redactQuery(query: string): string {
  if (!query) return '';
  const params = new URLSearchParams(query);
  for (const key of [...params.keys()]) if (SECRET_KEY.test(key)) params.set(key, REDACTED);
  return params.toString();
}

/** A short text of what was sent: the redacted query and JSON body, cut at a few KB. */
export function summarize(query: string, body: unknown): string {
  const parts: string[] = [];
  const q = redactQuery(query);
  if (q) parts.push(`?${q}`);
  if (body !== undefined) parts.push(typeof body === 'string' ? '[non-JSON body]' : JSON.stringify(redact(body)));
  const text = parts.join(' ');
  return text.length > SUMMARY_MAX ? `${text.slice(0, SUMMARY_MAX)}…` : text;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/**
 * The per-item outcome of a batch call, read from the IM host's answer. Shapes handled: a list of
 * `{user|username, result, reason?}`; batch register (`entities` created, `data` failed with
 * `registerUserFailReason`); `DELETE users?limit` (`entities` deleted); contact import
 * (`success` and `…Failed` lists); `newmembers` (added, the rest of the request not).
 */
export function batchItems(answer: unknown, requested: string[]): AuditItem[] | undefined {
  if (!answer || typeof answer !== 'object') return undefined;
  const a = answer as { data?: unknown; entities?: unknown };
  const items: AuditItem[] = [];
  const entityNames = Array.isArray(a.entities) ? a.entities.map((e) => str((e as { username?: unknown })?.username)).filter((n): n is string => !!n) : [];
  if (Array.isArray(a.data)) {
    for (const d of a.data) {
      if (!d || typeof d !== 'object') continue;
      const o = d as Record<string, unknown>;
      const target = str(o.user) ?? str(o.username);
      if (!target) continue;
      const reason = str(o.reason) ?? str(o.registerUserFailReason);
      const ok = o.result !== false && o.registerUserFailReason === undefined;
      items.push(ok ? { target, ok } : { target, ok, ...(reason ? { reason } : {}) });
    }
    for (const n of entityNames) if (!items.some((i) => i.target === n)) items.push({ target: n, ok: true });
  } else if (a.data && typeof a.data === 'object') {
    const o = a.data as Record<string, unknown>;
    if (Array.isArray(o.newmembers)) {
      const added = new Set(o.newmembers.map(String));
      for (const n of added) items.push({ target: n, ok: true });
      for (const n of requested) if (!added.has(n) && !added.has(n.toLowerCase())) items.push({ target: n, ok: false, reason: 'not added' });
    } else {
      for (const [key, list] of Object.entries(o)) {
        if (!Array.isArray(list) || !list.every((n) => typeof n === 'string')) continue;
        const ok = key === 'success';
        for (const n of list as string[]) items.push(ok ? { target: n, ok } : { target: n, ok, reason: key });
      }
    }
  } else {
    for (const n of entityNames) items.push({ target: n, ok: true });
  }
  return items.length > 0 ? items : undefined;
}

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
  status: number;
  items: string | null;
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
});

/** `from`/`to` as ISO dates or epoch milliseconds; undefined when absent, NaN when unreadable. */
export function parseTime(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value);
  return Date.parse(value);
}

export function createAuditLog(db: ConsoleDb) {
  const insert = db.prepare(
    `INSERT INTO audit (time, operator, app, method, path, action, target, subjects, summary, status, items)
     VALUES (@time, @operator, @app, @method, @path, @action, @target, @subjects, @summary, @status, @items)`,
  );

  return {
    record(r: AuditRecord): number {
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
      });
      return Number(info.lastInsertRowid);
    },

    /** Newest first; `cursor` continues after the last entry of the previous page. */
    query(q: AuditQuery): { entries: AuditEntry[]; cursor?: string } {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (q.operator) {
        where.push('operator = ?');
        params.push(q.operator.trim().toLowerCase());
      }
      if (q.target) {
        where.push("instr(subjects, ',' || ? || ',') > 0");
        params.push(q.target.trim().toLowerCase());
      }
      if (q.action) {
        const a = q.action.trim();
        if (/^[A-Za-z]+$/.test(a) && ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].includes(a.toUpperCase())) {
          where.push('method = ?');
          params.push(a.toUpperCase());
        } else {
          where.push("instr(lower(action), lower(?)) > 0");
          params.push(a);
        }
      }
      if (q.from !== undefined) {
        where.push('time >= ?');
        params.push(q.from);
      }
      if (q.to !== undefined) {
        where.push('time <= ?');
        params.push(q.to);
      }
      if (q.cursor) {
        where.push('id < ?');
        params.push(Number(q.cursor));
      }
      const limit = Math.min(Math.max(1, Math.trunc(q.limit ?? AUDIT_PAGE_DEFAULT)), AUDIT_PAGE_MAX);
      const rows = db
        .prepare<(string | number)[], Row>(
          `SELECT id, time, operator, app, method, path, action, target, summary, status, items FROM audit
           ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
        )
        .all(...params, limit + 1);
      const more = rows.length > limit;
      const page = rows.slice(0, limit).map(toEntry);
      return more ? { entries: page, cursor: String(page.at(-1)!.id) } : { entries: page };
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;

// A spreadsheet runs a cell that starts like this as a formula (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;
const neutralise = (v: string) => (FORMULA_START.test(v) ? `'${v}` : v);

export const AUDIT_CSV_COLUMNS = ['id', 'time', 'operator', 'app', 'method', 'path', 'action', 'target', 'status', 'summary', 'items'] as const;

/**
 * The entries as CSV that Excel and LibreOffice open as UTF-8 (BOM, CRLF), with formula-looking
 * cells neutralised: the same rules as the console's own CSV export.
 */
export function auditCsv(entries: AuditEntry[]): string {
  const rows = entries.map((e) =>
    [
      String(e.id),
      e.time,
      e.operator ?? '',
      e.app,
      e.method,
      e.path,
      e.action,
      e.target ?? '',
      String(e.status),
      e.summary,
      (e.items ?? []).map((i) => `${i.target}:${i.ok ? 'ok' : `failed${i.reason ? ` (${i.reason})` : ''}`}`).join('; '),
    ].map(neutralise),
  );
  const body = Papa.unparse({ fields: [...AUDIT_CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: false, escapeFormulae: false, header: true });
  return `\ufeff${body}\r\n`;
}
