import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AuditWriter } from '../audit/record.js';
import type { ConsoleServices } from '../console-services.js';
import type { ConsoleEnv } from './context.js';
import { ConsoleError } from './errors.js';
import { rawUrl } from './request.js';

export const SESSION_COOKIE = 'im_console_session';
export const CSRF_HEADER = 'x-csrf-token';

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export const sessionToken = (c: Context) => getCookie(c, SESSION_COOKIE);

/** Same-site only, out of scripts' reach; `Secure` when the browser reached us over TLS. */
const sessionCookieOptions = (secure: boolean) => ({ path: '/', httpOnly: true, sameSite: 'Strict', secure }) as const;

/** The browser's session, for as long as a session may last. */
export const setSessionCookie = (c: Context, token: string, maxAgeSeconds: number, secure: boolean) =>
  setCookie(c, SESSION_COOKIE, token, { ...sessionCookieOptions(secure), maxAge: maxAgeSeconds });

export const clearSessionCookie = (c: Context, secure: boolean) => deleteCookie(c, SESSION_COOKIE, sessionCookieOptions(secure));

/** What a session that must still enrol a second factor may reach: its account and signing out. */
const ENROLMENT_PATHS = /^\/im-console\/(account(\/|$)|session$)/;

export const signedOut = () => new ConsoleError(401, 'signed_out', 'Sign in to use the console.');

/** The app and the path after `/im/{app}/` (or after `/`), for refusal rows; never the query. */
function auditWhere(c: Context<ConsoleEnv>): { app: string; path: string } {
  const path = rawUrl(c).split('?', 1)[0]!;
  const api = /^\/im\/([^/]+)\/(.*)$/.exec(path);
  if (!api) return { app: '', path: path.replace(/^\/+/, '') };
  let app = api[1]!;
  try {
    app = decodeURIComponent(app);
  } catch {
    // Malformed paths were refused before this; keep the segment as sent.
  }
  return { app, path: api[2]! };
}

/**
 * Every route but sign-in: who is calling. With sign-in off everyone is an admin; otherwise a live
 * session is needed, and every change its CSRF token (`requireCsrf`).
 */
export function authenticate(services: ConsoleServices | undefined, writer: AuditWriter): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (!services?.signInRequired) {
      c.set('caller', { operator: null, role: 'admin', csrfToken: null, signIn: null });
      return next();
    }
    const session = await services.sessions.get(sessionToken(c));
    if (!session) throw signedOut();
    c.set('caller', { operator: session.username, role: session.role, csrfToken: session.csrfToken, signIn: session.signIn });
    const method = c.req.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') await requireCsrf(c, writer);
    // REQUIRE_2FA: a password session of an operator without a second factor may only set one up
    // (or sign out) until it has; whatever the role would allow otherwise.
    if (session.signIn !== 'sso' && !session.secondFactor && services.requiresSecondFactor(session.role) && !ENROLMENT_PATHS.test(c.req.path)) {
      const e = new ConsoleError(403, 'second_factor_enrolment_required', 'Set up a second factor on your account page before using the console.');
      const { app, path } = auditWhere(c);
      await writer.refusal(c, e, { operator: session.username, app, method, path, action: `${method} ${path}` });
      throw e;
    }
    await next();
  };
}

/**
 * Refuses (and audits) a change without the session's CSRF token. Called for every non-GET, and
 * by the proxy for the GETs that change something (force offline).
 */
export async function requireCsrf(c: Context<ConsoleEnv>, writer: AuditWriter): Promise<void> {
  const caller = c.get('caller');
  if (caller.csrfToken === null) return;
  const sent = c.req.header(CSRF_HEADER);
  if (typeof sent === 'string' && safeEqual(sent, caller.csrfToken)) return;
  const e = new ConsoleError(403, 'csrf_failed', 'Missing or wrong X-CSRF-Token header.');
  const method = c.req.method.toUpperCase();
  const { app, path } = auditWhere(c);
  await writer.refusal(c, e, { operator: caller.operator, app, method, path, action: `${method} ${path}` });
  throw e;
}
