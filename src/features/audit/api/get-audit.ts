import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { PageSearch } from '@/components/data-table/pagination-search';
import { callConsole, CONSOLE_BASE, http } from '@/lib/api-client/http';
import { auditKeys } from './keys';

/** Page-size (`limit`) bounds of `GET /im-console/audit`. */
export const AUDIT_PAGE = { defaultSize: 50, min: 1, max: 500 };

/** A page by number (offset `(page - 1) * limit`) or, for links from before numbered pages, after a cursor. */
export type AuditPage = { limit: number; page?: number; cursor?: string };

/** The page's place in the URL: numbered, or an old link's cursor (with the stack of the pages before it). */
export type AuditSearch = PageSearch & { cursor?: string; prev?: string[] };

/** What to ask for: the rows an old link's cursor meant, else the page by number. Loader and table alike. */
export const auditPageOf = (s: AuditSearch): AuditPage => (s.cursor ? { limit: s.pagesize, cursor: s.cursor } : { limit: s.pagesize, page: s.pagenum });

/** What the page filters on; `from`/`to` are calendar days (`2026-01-31`) in the operator's time zone. */
export type AuditFilters = { operator?: string; target?: string; action?: string; from?: string; to?: string };

const auditItem = z.object({ target: z.string(), ok: z.boolean(), reason: z.optional(z.string()) });
const auditEntry = z.object({
  id: z.union([z.number(), z.string()]),
  time: z.string(),
  operator: z.nullable(z.string()),
  app: z.string(),
  method: z.string(),
  path: z.string(),
  action: z.optional(z.string()),
  target: z.nullable(z.string()),
  summary: z.string(),
  // Written before the call goes out: `null` until its answer is recorded, and for good if the server stopped first.
  status: z.nullable(z.number()),
  items: z.optional(z.array(auditItem)),
  /** Why the console refused the call itself (nothing reached the IM host), e.g. `csrf_failed`. */
  refusal: z.optional(z.string()),
  /** The client's address, on session and refused rows. */
  address: z.optional(z.string()),
});
export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditItem = z.infer<typeof auditItem>;

const auditAnswer = z.object({
  entries: z.array(auditEntry),
  cursor: z.optional(z.nullable(z.string())),
  /** How many entries the filters match: numbers the pages. */
  total: z.optional(z.number()),
});

/** A calendar day's first (or, for `to`, last) millisecond in local time: what "from 1 May to 3 May" means to a person. */
function dayBound(day: string | undefined, end: boolean): string | undefined {
  if (!day) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  const start = new Date(y!, m! - 1, d!);
  return String(end ? new Date(y!, m! - 1, d! + 1).getTime() - 1 : start.getTime());
}

/** The filters as the endpoint's query string (no paging): shared by the JSON call and the CSV link. */
export function auditQuery(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  const add = (k: string, v: string | undefined) => {
    if (v !== undefined && v.trim() !== '') params.set(k, v.trim());
  };
  add('operator', filters.operator);
  add('target', filters.target);
  add('action', filters.action);
  add('from', dayBound(filters.from, false));
  add('to', dayBound(filters.to, true));
  return params;
}

/** The same entries as CSV: a plain link, so the browser downloads it with the session cookie. */
export const auditCsvUrl = (filters: AuditFilters): string => {
  const params = auditQuery(filters);
  params.set('format', 'csv');
  return `/${CONSOLE_BASE}/audit?${params}`;
};

/** `GET /im-console/audit`: newest first, admin only. */
export async function getAudit(filters: AuditFilters, page: AuditPage) {
  const params = auditQuery(filters);
  params.set('limit', String(page.limit));
  // The server takes one or the other; a cursor (an old link's) says exactly which rows it meant.
  if (page.cursor) params.set('cursor', page.cursor);
  else if (page.page !== undefined && page.page > 1) params.set('page', String(page.page));
  return callConsole(http, `audit?${params}`, auditAnswer);
}

export const auditQueryOptions = (filters: AuditFilters, page: AuditPage) =>
  queryOptions({
    queryKey: auditKeys.page(filters, page),
    queryFn: () => getAudit(filters, page),
    // New entries arrive with every action: a page is worth re-reading when shown again.
    staleTime: 0,
  });

export const useAudit = (filters: AuditFilters, page: AuditPage) =>
  useQuery({ ...auditQueryOptions(filters, page), placeholderData: keepPreviousData });
