import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { AUDIT_PAGE_MAX, parseTime, type AuditLog } from '../audit/audit-log.js';
import type { AuditWriter } from '../audit/record.js';
import { auditCsv } from '../audit/csv.js';
import type { ConsoleEnv } from '../http/context.js';
import { ConsoleError } from '../http/errors.js';
import { validQuery } from '../http/validate.js';

// `GET /im-console/audit`: the audit log, newest first, for admins, with the filtered log's
// `total`; a page by number (`page`, for the Audit page's numbered pages) or after a `cursor` (older
// links and scripts); `format=csv` for the whole filtered log as a download. Read-only: nothing
// edits or deletes it.

const time = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const t = parseTime(v);
    if (Number.isNaN(t)) {
      ctx.addIssue({ code: 'custom', message: 'must be an ISO date or epoch milliseconds' });
      return z.NEVER;
    }
    return t;
  });

// Keeps the offset, (page - 1) * limit, a safe integer at the largest limit.
const PAGE_MAX = Math.floor(Number.MAX_SAFE_INTEGER / AUDIT_PAGE_MAX);

const auditQuery = z
  .object({
    operator: z.string().max(200).optional(),
    target: z.string().max(200).optional(),
    action: z.string().max(200).optional(),
    from: time,
    to: time,
    cursor: z.string().regex(/^\d{1,15}$/, 'is not one this server gave').optional(),
    limit: z.coerce.number().int().positive().optional(),
    page: z.coerce.number().int().min(1).max(PAGE_MAX).optional(),
    format: z.enum(['json', 'csv']).optional(),
  })
  // Each says where the page starts: both at once would be read two ways.
  .refine((q) => q.page === undefined || q.cursor === undefined, { message: 'give either `page` or `cursor`, not both', path: ['page'] });

export function auditRoutes(audit: AuditLog | undefined, writer: AuditWriter, now: () => number) {
  const routes = new Hono<ConsoleEnv>();
  if (!audit) {
    routes.all('/', () => {
      throw new ConsoleError(404, 'not_found', 'No audit log is kept here.');
    });
    return routes;
  }

  // The role first: a non-admin's attempt is refused (and audited) whatever its query says.
  const adminsOnly: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
    const { role, operator } = c.get('caller');
    if (role !== 'admin') {
      const e = new ConsoleError(403, 'forbidden_role', `${role} may not GET audit`, { role });
      await writer.refusal(c, e, { operator, app: '', method: 'GET', path: 'im-console/audit', action: 'GET im-console/audit' });
      throw e;
    }
    await next();
  };

  routes.get('/', adminsOnly, validQuery(auditQuery), async (c) => {
    const { format, limit, page: pageNumber, ...filters } = c.req.valid('query');
    c.header('Cache-Control', 'no-store');
    if (format !== 'csv') return c.json({ ...(await audit.query({ ...filters, limit, page: pageNumber })), total: await audit.count(filters) });
    // The whole filtered log, not a page: an export is for reading elsewhere.
    const entries = [];
    let next: string | undefined = filters.cursor;
    do {
      const page = await audit.query({ ...filters, cursor: next, limit: 500 });
      entries.push(...page.entries);
      next = page.cursor;
    } while (next && (limit === undefined || entries.length < limit));
    const stamp = new Date(now()).toISOString().slice(0, 10);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="audit-${stamp}.csv"`);
    return c.body(auditCsv(limit === undefined ? entries : entries.slice(0, limit)));
  });

  routes.all('/', () => {
    throw new ConsoleError(405, 'method_not_allowed', 'The audit log is read-only.', {}, { Allow: 'GET' });
  });
  return routes;
}
