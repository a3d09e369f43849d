import type { Context } from 'hono';
import { z } from 'zod';
import { ImError, errors } from './errors.js';
import type { Env } from './types.js';

export type Ctx = Context<Env>;

/** Answer 200 with the fields given plus `timestamp` and `duration`, the two every example carries. */
export function reply(c: Ctx, body: Record<string, unknown>) {
  const timestamp = c.get('emu').now();
  return c.json({ ...body, timestamp, duration: Math.max(0, Date.now() - c.get('started')) });
}

/** The common envelope of the seed examples: action, application, uri, entities, organization, applicationName. */
export function envelope(c: Ctx, action: string, fields: Record<string, unknown> = {}) {
  const { options, appUuid } = c.get('emu');
  return reply(c, {
    action,
    application: appUuid,
    uri: requestUri(c),
    entities: [],
    ...fields,
    organization: options.org,
    applicationName: options.app,
  });
}

export function requestUri(c: Ctx): string {
  const url = new URL(c.req.url);
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** Query parameters echoed as the seeds show them: `{limit: ["2"]}`. */
export function echoParams(c: Ctx): Record<string, string[]> {
  return c.req.queries() ?? {};
}

// ---- request bodies -------------------------------------------------------------------------

/** Reads the body as JSON whatever the Content-Type (the seeds' curl examples often send none). */
export async function readJson(c: Ctx): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ImError(400, 'json_parse', `Malformed JSON request body: ${(e as Error).message}`);
  }
}

export async function parseBody<T extends z.ZodType>(c: Ctx, schema: T): Promise<z.infer<T>> {
  return validate(await readJson(c), schema);
}

export function validate<T extends z.ZodType>(value: unknown, schema: T): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? issue.path.join('.') : 'request body';
  throw errors.badRequest(`${where}: ${issue.message}`);
}

/** A JSON body field documented as a string but often sent as a number (hours, styles, ttl). */
export const looseInt = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]);
export const looseBool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

// ---- query parameters -----------------------------------------------------------------------

/** Real clients send `cursor=undefined` or `cursor=null`: treat those like an absent value. */
export function queryValue(c: Ctx, name: string): string | undefined {
  const v = c.req.query(name);
  if (v === undefined || v === '' || v === 'undefined' || v === 'null') return undefined;
  return v;
}

export function queryInt(
  c: Ctx,
  name: string,
  opts: { fallback: number; min: number; max: number; clampHigh?: boolean; error?: () => ImError },
): number {
  const raw = queryValue(c, name);
  if (raw === undefined) return opts.fallback;
  const n = /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (Number.isFinite(n) && n > opts.max && opts.clampHigh) return opts.max;
  if (!Number.isFinite(n) || n < opts.min || n > opts.max) {
    throw opts.error?.() ?? errors.badRequest(`${name} must be an integer in [${opts.min}, ${opts.max}], got "${raw}"`);
  }
  return n;
}

export function queryBool(c: Ctx, name: string): boolean {
  return queryValue(c, name)?.toLowerCase() === 'true';
}

// ---- keyset cursors -------------------------------------------------------------------------

// A cursor names the last row served (its sequence number), so pages stay stable while rows come
// and go, and fetching page N costs the same as page 1.
export function encodeCursor(kind: string, seq: number): string {
  return Buffer.from(`${kind}:${seq}`).toString('base64url');
}

export function decodeCursor(c: Ctx, kind: string): number | undefined {
  const raw = queryValue(c, 'cursor');
  if (raw === undefined) return undefined;
  const text = Buffer.from(raw, 'base64url').toString();
  const [k, n] = text.split(':');
  if (k !== kind || !/^\d+$/.test(n ?? '')) throw errors.badRequest(`invalid cursor: ${raw}`);
  return Number(n);
}

/** Pages a keyset query fetched with `limit + 1` rows: the extra row only says whether more remain. */
export function keysetPage<T extends { seq: number }>(rows: T[], limit: number, kind: string) {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { page, cursor: more ? encodeCursor(kind, page[page.length - 1]!.seq) : undefined };
}

// ---- usernames ------------------------------------------------------------------------------

export const USERNAME_RE = /^[a-z0-9_.-]{1,64}$/;

/** Usernames are case-insensitive and stored lower-case. */
export const normalizeUsername = (name: string) => name.trim().toLowerCase();

/** Splits a comma-joined path segment (`u1,u2` or `u1%2Cu2`) into distinct names, order kept. */
export function splitNames(segment: string): string[] {
  const seen = new Set<string>();
  for (const part of segment.split(',')) {
    const name = normalizeUsername(part);
    if (name) seen.add(name);
  }
  return [...seen];
}
