import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { parse as parseCookies, serialize as serializeCookie } from 'hono/utils/cookie';
import { canUseConsoleRoute, decideCall, type Role } from '../contract/roles.js';
import { auditCsv, batchItems, parseTime, summarize, type AuditItem, type AuditRecord } from './audit.js';
import type { ConsoleServices } from './console-services.js';
import { pathPrefix, toPublic, type ImAppConfig } from './im-config.js';
import type { ActiveSession } from './sessions.js';
import { normalizeName } from './operators.js';
import { createUserIndex, IndexBusyError, type UserIndex } from './user-index.js';

// The browser calls only same-origin paths:
//   POST/GET/DELETE /im-console/session   sign in, who am I, sign out
//   GET  /im-console/apps                 the configured apps (no secrets)
//   GET  /im-console/apps/{id}/health     can the proxy reach the host and authenticate?
//   GET  /im-console/audit                the audit log (admins)
//   GET  /im-console/apps/{id}/users/search?q&limit&cursor   the local user index (user-index.ts)
//   GET/POST/DELETE /im-console/apps/{id}/users/index        its state; build, re-walk, cancel; drop
//   ANY  /im/{id}/<api path>              forwarded to {host}{prefix}/<api path> with the app token
// The app token and the client secret live only here. With console services that require sign-in,
// every call needs a session, every non-GET its CSRF token, and every proxied call the role's leave
// (contract/roles.ts); mutating calls are written to the audit log before the answer goes back.

export const API_BASE = '/im';
export const CONSOLE_BASE = '/im-console';
export const SESSION_COOKIE = 'im_console_session';
export const CSRF_HEADER = 'x-csrf-token';
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const MAX_SIGN_IN_BYTES = 8 * 1024;
const UPSTREAM_TIMEOUT_MS = 30_000;

/**
 * One audit row. A failed write is logged, never thrown: what it records has already happened
 * (a call on the IM host, a sign-in), and its answer still goes back.
 */
function writeAudit(audit: ConsoleServices['audit'], r: AuditRecord): void {
  try {
    audit.record(r);
  } catch (e) {
    console.error(`audit log write failed for ${r.action}${r.app ? ` (${r.app})` : ''}:`, (e as Error).message);
  }
}

type Fetch = typeof fetch;

interface CachedToken {
  token: string;
  /** When to fetch a new one: a while before the real expiry. */
  renewAt: number;
}

export interface ProxyOptions {
  fetch?: Fetch;
  now?: () => number;
  /**
   * Operators, sessions, throttling and the audit log. Without it nothing is checked or recorded
   * (the proxy's own tests); with `signInRequired: false` calls are recorded but not checked.
   */
  console?: ConsoleServices;
}

/** A failure of the proxy itself (host unreachable, credentials refused), shaped like the API's errors. */
export class ProxyFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly host: string,
  ) {
    super(description);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

function sendFailure(res: ServerResponse, f: ProxyFailure) {
  sendJson(res, f.status, { error: f.error, error_description: f.description, host: f.host, timestamp: Date.now() });
}

function readBody(req: IncomingMessage, max = MAX_BODY_BYTES): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        reject(new ProxyFailure(413, 'request_too_large', `request body larger than ${max} bytes`, ''));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length ? Buffer.concat(chunks) : undefined));
    req.on('error', reject);
  });
}

const describeCause = (e: unknown): string => {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message;
};

function decodeFully(segment: string): string {
  let s = segment;
  // `%252e` is `%2e` to a host that decodes twice: decode until nothing changes.
  for (let i = 0; i < 4; i++) {
    let d: string;
    try {
      d = decodeURIComponent(s);
    } catch {
      return s;
    }
    if (d === s) break;
    s = d;
  }
  return s;
}

/**
 * Does this request path hold a `.` or `..` segment (raw or percent-encoded, however mixed), a
 * backslash, or an empty segment (`//`)? A host would resolve those to a different path than the
 * one the console (and the role check) saw.
 */
export function hasUnsafePath(rawUrl: string): boolean {
  const path = rawUrl.split('?', 1)[0]!;
  if (path.includes('//') || /\\|%5c/i.test(path)) return true;
  return path.split('/').some((segment) => decodeFully(segment).split(/[/\\]/).some((piece) => piece === '.' || piece === '..'));
}

/** Is this request for the proxy (as sent, or once a server resolves its dot segments)? */
function underProxy(path: string): boolean {
  const mine = (p: string) => p === API_BASE || p === CONSOLE_BASE || p.startsWith(`${API_BASE}/`) || p.startsWith(`${CONSOLE_BASE}/`);
  if (mine(path)) return true;
  try {
    return mine(new URL(path, 'http://x').pathname);
  } catch {
    return false;
  }
}

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The values of a pattern's `{params}` in this path, decoded. */
function patternParams(pattern: string, apiPath: string): Record<string, string> {
  const parts = pattern.split('/');
  const segments = apiPath.split('?', 1)[0]!.replace(/^\/+|\/+$/g, '').split('/');
  const out: Record<string, string> = {};
  if (parts.length !== segments.length) return out;
  parts.forEach((p, i) => {
    if (p.startsWith('{')) out[p.slice(1, -1)] = decode(segments[i]!);
  });
  return out;
}

const names = (v: unknown): string[] =>
  Array.isArray(v) ? v.flatMap((x) => (typeof x === 'string' ? [x] : x && typeof x === 'object' && typeof (x as { username?: unknown }).username === 'string' ? [(x as { username: string }).username] : [])) : [];

/** Target (user or group) and every name a call touches, from the path pattern and the body. */
function callSubjects(params: Record<string, string>, body: unknown): { target: string | null; subjects: string[] } {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const fromPath = ['group', 'username', 'owner', 'friend', 'blocked'].flatMap((k) => (params[k] ? [params[k]!] : []));
  const pathUsers = params.usernames ? params.usernames.split(',') : [];
  const bodyUsers = [
    ...names(Array.isArray(body) ? body : []),
    ...names(b.usernames),
    ...names(b.targets),
    ...(typeof b.username === 'string' ? [b.username] : []),
    ...(typeof b.newowner === 'string' ? [b.newowner] : []),
  ];
  const subjects = [...fromPath, ...pathUsers, ...bodyUsers].filter(Boolean);
  const users = [...pathUsers, ...bodyUsers];
  let target: string | null = params.group ?? params.username ?? params.owner ?? null;
  if (!target && users.length > 0) target = users.length > 10 ? `${users.slice(0, 10).join(',')},…` : users.join(',');
  return { target, subjects };
}

function parseJson(buf: Buffer | undefined): unknown {
  if (!buf || buf.length === 0) return undefined;
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch {
    return '[non-JSON]';
  }
}

/**
 * The IM host as the server reaches it: the app token (fixed, cached, or fetched once for all
 * concurrent callers) and calls under the app prefix. The proxy and the search index share it.
 */
export function createUpstream(options: { fetch?: Fetch; now?: () => number } = {}) {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const tokens = new Map<string, CachedToken>();
  const pending = new Map<string, Promise<string>>();

  async function upstream(app: ImAppConfig, path: string, init: RequestInit): Promise<Response> {
    try {
      return await doFetch(`${app.host}${pathPrefix(app)}${path}`, { ...init, signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
    } catch (e) {
      if ((e as Error).name === 'TimeoutError') {
        throw new ProxyFailure(504, 'im_host_timeout', `no answer within ${UPSTREAM_TIMEOUT_MS / 1000} s`, app.host);
      }
      throw new ProxyFailure(502, 'im_host_unreachable', describeCause(e), app.host);
    }
  }

  async function fetchToken(app: ImAppConfig): Promise<string> {
    const res = await upstream(app, '/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret }),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error_description?: string; error?: string };
    if (!res.ok || !body.access_token) {
      const reason = body.error_description ?? body.error ?? `HTTP ${res.status}`;
      // Over the rate limit is not a refusal of the credentials: say so, so callers can wait.
      if (res.status === 429) throw new ProxyFailure(429, 'reach_limit', reason, app.host);
      throw new ProxyFailure(502, 'im_credentials_rejected', reason, app.host);
    }
    const lifetime = (body.expires_in ?? 3600) * 1000;
    // Renew at 90% of the lifetime, so a token never expires between check and use.
    tokens.set(app.id, { token: body.access_token, renewAt: now() + lifetime * 0.9 });
    return body.access_token;
  }

  /** The app token: fixed, cached, or fetched once for all concurrent callers. */
  async function tokenFor(app: ImAppConfig, forceRenew = false): Promise<string> {
    if (app.appToken) return app.appToken;
    const cached = tokens.get(app.id);
    if (!forceRenew && cached && cached.renewAt > now()) return cached.token;
    let inFlight = pending.get(app.id);
    if (!inFlight) {
      inFlight = fetchToken(app).finally(() => pending.delete(app.id));
      pending.set(app.id, inFlight);
    }
    return inFlight;
  }

  /** `path` (after the prefix) with the app token; a 401 renews the token once and tries again. */
  async function call(app: ImAppConfig, path: string, init: (token: string) => RequestInit): Promise<Response> {
    let answer = await upstream(app, path, init(await tokenFor(app)));
    // The token may have been revoked or expired early: renew once and try again.
    if (answer.status === 401 && !app.appToken) answer = await upstream(app, path, init(await tokenFor(app, true)));
    return answer;
  }

  return { upstream, tokenFor, call };
}

export type Upstream = ReturnType<typeof createUpstream>;

export function createImProxy(apps: ImAppConfig[], options: ProxyOptions = {}) {
  const now = options.now ?? Date.now;
  const services = options.console;
  const byId = new Map(apps.map((a) => [a.id, a]));
  const up = createUpstream(options);
  const { upstream, tokenFor, call: callUpstream } = up;
  const index: UserIndex | undefined = services ? createUserIndex({ db: services.db, upstream: up, apps, rate: () => services.searchIndexRate }) : undefined;
  // A walk the last process left unfinished (stopped, crashed) goes on by itself.
  for (const app of index?.resumeInterrupted() ?? []) console.log(`search index: resuming the interrupted walk of ${app}`);

  interface Caller {
    operator: string | null;
    role: Role;
  }

  function audit(caller: Caller, app: ImAppConfig, method: string, path: string, pattern: string, body: Buffer | undefined, status: number, answer?: Buffer) {
    if (!services) return;
    const apiPath = path.replace(/^\//, '');
    const query = apiPath.includes('?') ? apiPath.slice(apiPath.indexOf('?') + 1) : '';
    const request = parseJson(body);
    const params = patternParams(pattern, apiPath);
    const { target, subjects } = callSubjects(params, request);
    const isBatch = Array.isArray(request) || (pattern === 'users' && method === 'DELETE') || !!params.usernames?.includes(',') || names((request as { usernames?: unknown })?.usernames).length > 0;
    let items: AuditItem[] | undefined;
    if (isBatch && answer) {
      const requested = [...names(Array.isArray(request) ? request : (request as { usernames?: unknown })?.usernames), ...(params.usernames?.split(',') ?? [])];
      items = batchItems(parseJson(answer), requested);
    }
    writeAudit(services.audit, {
      time: services.now(),
      operator: caller.operator,
      app: app.id,
      method,
      path: apiPath,
      action: `${method} ${pattern}`,
      target,
      subjects: [...subjects, ...(items ?? []).map((i) => i.target)],
      summary: summarize(query, request),
      status,
      items,
    });
  }

  async function forward(caller: Caller, app: ImAppConfig, path: string, req: IncomingMessage, res: ServerResponse) {
    // The token endpoint would hand a token to the browser: never forwarded.
    if (/^\/token(\?|$|\/)/i.test(path)) {
      sendJson(res, 403, { error: 'proxy_forbidden', error_description: 'The console proxy does not forward /token', timestamp: Date.now() });
      return;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const decision = decideCall(caller.role, method, path);
    if (!decision.allowed) {
      sendJson(res, 403, {
        error: 'forbidden_role',
        error_description: `${caller.role} may not ${method} ${decision.pattern}`,
        role: caller.role,
      });
      return;
    }
    const body = await readBody(req);
    const init = (token: string): RequestInit => ({
      method,
      headers: {
        Accept: 'application/json',
        ...(body ? { 'Content-Type': req.headers['content-type'] ?? 'application/json' } : {}),
        Authorization: `Bearer ${token}`,
      },
      body: body && method !== 'GET' && method !== 'HEAD' ? new Uint8Array(body) : undefined,
    });
    let answer: Response;
    try {
      answer = await callUpstream(app, path, init);
    } catch (e) {
      if (decision.mutating && e instanceof ProxyFailure) audit(caller, app, method, path, decision.pattern, body, e.status);
      throw e;
    }
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    for (const name of ['content-type', 'retry-after']) {
      const v = answer.headers.get(name);
      if (v) headers[name] = v;
    }
    const payload = Buffer.from(await answer.arrayBuffer());
    if (decision.mutating) audit(caller, app, method, path, decision.pattern, body, answer.status, payload);
    if (decision.mutating && answer.ok && index) {
      index.afterCall(app.id, method, decision.pattern, patternParams(decision.pattern, path.replace(/^\//, '')), parseJson(body), parseJson(payload));
    }
    res.writeHead(answer.status, headers);
    res.end(payload);
  }

  async function health(app: ImAppConfig) {
    try {
      const res = await upstream(app, '/users?limit=1', { headers: { Authorization: `Bearer ${await tokenFor(app)}` } });
      if (res.ok) return { ok: true, host: app.host };
      const body = (await res.json().catch(() => ({}))) as { error?: string; error_description?: string };
      return { ok: false, host: app.host, status: res.status, error: body.error ?? `http_${res.status}`, error_description: body.error_description ?? '' };
    } catch (e) {
      if (e instanceof ProxyFailure) return { ok: false, host: app.host, error: e.error, error_description: e.description };
      throw e;
    }
  }

  // ---- Sessions ----

  const clientAddress = (req: IncomingMessage): string => {
    if (services?.trustProxy) {
      // The proxy in front appends the address it saw: the last entry is the one it vouches for.
      const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean).at(-1);
      if (forwarded) return forwarded;
    }
    return req.socket.remoteAddress ?? 'unknown';
  };

  const overTls = (req: IncomingMessage): boolean =>
    !!(req.socket as TLSSocket).encrypted ||
    (!!services?.trustProxy && String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim().toLowerCase() === 'https');

  const cookieToken = (req: IncomingMessage): string | undefined => {
    const header = req.headers.cookie;
    return header ? parseCookies(header, SESSION_COOKIE)[SESSION_COOKIE] : undefined;
  };

  const sessionCookie = (req: IncomingMessage, value: string, maxAgeSeconds: number) =>
    serializeCookie(SESSION_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'Strict', secure: overTls(req), maxAge: maxAgeSeconds });

  const NO_SIGN_IN = { username: null, role: 'admin', csrfToken: null, signInRequired: false } as const;
  const sessionBody = (s: ActiveSession) => ({ username: s.username, role: s.role, csrfToken: s.csrfToken, signInRequired: true });
  const signedOut = (res: ServerResponse) => sendJson(res, 401, { error: 'signed_out', error_description: 'Sign in to use the console.' });

  /**
   * Sign-ins (kept or refused for a wrong password) and sign-outs go in the audit log too, with the
   * address they came from: who could act, and since when. Not the throttle's quick refusals, which
   * an attacker could repeat without end.
   */
  function auditSession(s: ConsoleServices, req: IncomingMessage, method: 'POST' | 'DELETE', operator: string | null, name: string, status: number) {
    writeAudit(s.audit, {
      time: s.now(),
      operator,
      app: '',
      method,
      path: 'im-console/session',
      action: `${method} im-console/session`,
      target: name,
      subjects: [name],
      summary: JSON.stringify({ address: clientAddress(req) }),
      status,
      items: undefined,
    });
  }

  async function signIn(s: ConsoleServices, req: IncomingMessage, res: ServerResponse) {
    // JSON only: a cross-site form cannot send it without a preflight, so no page can sign a
    // visitor in under someone else's account.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendJson(res, 415, { error: 'unsupported_media_type', error_description: 'Send the sign-in as application/json.' });
    }
    let body: { username?: unknown; password?: unknown };
    try {
      body = JSON.parse((await readBody(req, MAX_SIGN_IN_BYTES))?.toString('utf8') ?? '') as typeof body;
    } catch (e) {
      if (e instanceof ProxyFailure) throw e;
      return sendJson(res, 400, { error: 'invalid_request', error_description: 'Send {"username", "password"} as JSON.' });
    }
    const { username, password } = body ?? {};
    if (typeof username !== 'string' || typeof password !== 'string' || !username || !password) {
      return sendJson(res, 400, { error: 'invalid_request', error_description: 'Send {"username", "password"} as JSON.' });
    }
    const address = clientAddress(req);
    const gate = s.throttle.check(username, address);
    if (gate.refused) {
      return sendJson(
        res,
        429,
        { error: 'too_many_attempts', error_description: `Too many failed sign-ins. Try again in ${gate.retryAfterSeconds} s.`, retry_after_seconds: gate.retryAfterSeconds },
        { 'Retry-After': String(gate.retryAfterSeconds) },
      );
    }
    if (gate.delayMs > 0) await s.sleep(gate.delayMs);
    const operator = await s.operators.verify(username, password);
    if (!operator) {
      s.throttle.fail(username, address);
      auditSession(s, req, 'POST', null, normalizeName(username), 401);
      return sendJson(res, 401, { error: 'invalid_credentials', error_description: 'Wrong name or password, or the account is disabled.' });
    }
    s.throttle.succeed(username);
    const { token, csrfToken } = s.sessions.create(operator.id);
    auditSession(s, req, 'POST', operator.username, operator.username, 200);
    sendJson(res, 200, { username: operator.username, role: operator.role, csrfToken, signInRequired: true }, {
      'Set-Cookie': sessionCookie(req, token, Math.floor(s.maxMs / 1000)),
    });
  }

  /** Who is calling: an operator's session, everyone-is-admin without sign-in, or undefined (answered already). */
  function authenticate(req: IncomingMessage, res: ServerResponse): Caller | undefined {
    if (!services?.signInRequired) return { operator: null, role: 'admin' };
    const session = services.sessions.get(cookieToken(req));
    if (!session) {
      signedOut(res);
      return undefined;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
        sendJson(res, 403, { error: 'csrf_failed', error_description: 'Missing or wrong X-CSRF-Token header.' });
        return undefined;
      }
    }
    return { operator: session.username, role: session.role };
  }

  async function sessionRoute(req: IncomingMessage, res: ServerResponse) {
    const method = (req.method ?? 'GET').toUpperCase();
    if (!services?.signInRequired) {
      if (method === 'DELETE') {
        res.writeHead(204, { 'Cache-Control': 'no-store' });
        return res.end();
      }
      return sendJson(res, 200, NO_SIGN_IN);
    }
    if (method === 'POST') return signIn(services, req, res);
    if (method === 'GET' || method === 'HEAD') {
      const session = services.sessions.get(cookieToken(req));
      return session ? sendJson(res, 200, sessionBody(session)) : signedOut(res);
    }
    if (method === 'DELETE') {
      const caller = authenticate(req, res);
      if (!caller) return;
      services.sessions.destroy(cookieToken(req));
      if (caller.operator) auditSession(services, req, 'DELETE', caller.operator, caller.operator, 204);
      res.writeHead(204, { 'Cache-Control': 'no-store', 'Set-Cookie': sessionCookie(req, '', 0) });
      return res.end();
    }
    sendJson(res, 405, { error: 'method_not_allowed', error_description: `${method} is not supported here` }, { Allow: 'GET, POST, DELETE' });
  }

  function auditRoute(caller: Caller, query: URLSearchParams, res: ServerResponse) {
    if (!services) return sendJson(res, 404, { error: 'not_found', error_description: 'No audit log is kept here.' });
    if (caller.role !== 'admin') {
      return sendJson(res, 403, { error: 'forbidden_role', error_description: `${caller.role} may not GET audit`, role: caller.role });
    }
    const from = parseTime(query.get('from'));
    const to = parseTime(query.get('to'));
    if (Number.isNaN(from) || Number.isNaN(to)) {
      return sendJson(res, 400, { error: 'invalid_request', error_description: '`from` and `to` must be ISO dates or epoch milliseconds.' });
    }
    const cursor = query.get('cursor') ?? undefined;
    if (cursor !== undefined && !/^\d+$/.test(cursor)) return sendJson(res, 400, { error: 'invalid_request', error_description: '`cursor` is not one this server gave.' });
    const limitRaw = query.get('limit');
    const limit = limitRaw ? Number(limitRaw) : undefined;
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) return sendJson(res, 400, { error: 'invalid_request', error_description: '`limit` must be a positive integer.' });
    const filters = { operator: query.get('operator') ?? undefined, target: query.get('target') ?? undefined, action: query.get('action') ?? undefined, from, to, cursor };
    if (query.get('format') === 'csv') {
      // The whole filtered log, not a page: an export is for reading elsewhere.
      const entries = [];
      let next: string | undefined = cursor;
      do {
        const page = services.audit.query({ ...filters, cursor: next, limit: 500 });
        entries.push(...page.entries);
        next = page.cursor;
      } while (next && (limit === undefined || entries.length < limit));
      const csv = auditCsv(limit === undefined ? entries : entries.slice(0, limit));
      const stamp = new Date(now()).toISOString().slice(0, 10);
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="audit-${stamp}.csv"`,
        'Cache-Control': 'no-store',
      });
      return res.end(csv);
    }
    sendJson(res, 200, services.audit.query({ ...filters, limit }));
  }

  async function indexRoute(caller: Caller, app: ImAppConfig, what: 'search' | 'index', query: URLSearchParams, req: IncomingMessage, res: ServerResponse) {
    const method = (req.method ?? 'GET').toUpperCase();
    const allowed = what === 'search' ? ['GET', 'HEAD'] : ['GET', 'HEAD', 'POST', 'DELETE'];
    if (!allowed.includes(method)) return sendJson(res, 405, { error: 'method_not_allowed', error_description: `${method} is not supported here` }, { Allow: allowed.join(', ') });
    const route = `apps/${app.id}/users/${what}`;
    if (!canUseConsoleRoute(caller.role, method, route)) {
      return sendJson(res, 403, { error: 'forbidden_role', error_description: `${caller.role} may not ${method} apps/{app}/users/${what}`, role: caller.role });
    }
    if (!index || !services) return sendJson(res, 404, { error: 'not_found', error_description: 'No search index is kept here.' });
    if (what === 'search') {
      const limitRaw = query.get('limit');
      const limit = limitRaw ? Number(limitRaw) : undefined;
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) return sendJson(res, 400, { error: 'invalid_request', error_description: '`limit` must be a positive integer.' });
      const cursor = query.get('cursor') ?? undefined;
      if (cursor !== undefined && !/^\d+$/.test(cursor)) return sendJson(res, 400, { error: 'invalid_request', error_description: '`cursor` is not one this server gave.' });
      const page = index.search(app.id, query.get('q') ?? '', { limit, cursor });
      const status = index.status(app.id);
      return sendJson(res, 200, { ...page, indexedAt: status.lastBuiltAt, building: status.building !== null });
    }
    if (method === 'GET' || method === 'HEAD') return sendJson(res, 200, index.status(app.id));
    const record = (summary: string, status: number) =>
      writeAudit(services.audit, { time: services.now(), operator: caller.operator, app: app.id, method, path: `im-console/${route}`, action: `${method} im-console/apps/{app}/users/index`, target: null, subjects: [], summary, status, items: undefined });
    if (method === 'DELETE') {
      await index.drop(app.id);
      record('', 200);
      return sendJson(res, 200, index.status(app.id));
    }
    let body: { action?: unknown };
    try {
      body = JSON.parse((await readBody(req, MAX_SIGN_IN_BYTES))?.toString('utf8') ?? '') as typeof body;
    } catch (e) {
      if (e instanceof ProxyFailure) throw e;
      body = {};
    }
    const action = body?.action;
    if (action !== 'build' && action !== 'rewalk' && action !== 'cancel') {
      return sendJson(res, 400, { error: 'invalid_request', error_description: 'Send {"action": "build" | "rewalk" | "cancel"}.' });
    }
    if (action === 'cancel') {
      await index.cancel(app.id, { byOperator: true });
      record(JSON.stringify({ action }), 200);
      return sendJson(res, 200, index.status(app.id));
    }
    try {
      index.start(app.id, action);
    } catch (e) {
      if (e instanceof IndexBusyError) return sendJson(res, 409, { error: 'index_busy', error_description: e.message });
      throw e;
    }
    record(JSON.stringify({ action }), 202);
    return sendJson(res, 202, index.status(app.id));
  }

  /** Connect-style middleware for Vite's dev and preview servers (and any Node server). */
  return async function imProxy(req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) {
    const raw = req.url ?? '/';
    try {
      const queryAt = raw.indexOf('?');
      const path = queryAt < 0 ? raw : raw.slice(0, queryAt);
      if (!underProxy(path)) return next();
      // Before anything else: `/im/demo/../demo/token` must not reach the host as `/demo/token`.
      if (hasUnsafePath(path)) {
        return sendJson(res, 400, { error: 'invalid_path', error_description: 'Paths with `.` or `..` segments, backslashes or `//` are refused.' });
      }
      if (path === `${CONSOLE_BASE}/session`) return await sessionRoute(req, res);

      const caller = authenticate(req, res);
      if (!caller) return;

      if (path === `${CONSOLE_BASE}/apps`) return sendJson(res, 200, { apps: apps.map(toPublic) });
      const healthMatch = /^\/im-console\/apps\/([^/]+)\/health$/.exec(path);
      if (healthMatch) {
        const app = byId.get(decodeURIComponent(healthMatch[1]!));
        if (!app) return sendJson(res, 404, { error: 'unknown_app', error_description: `No app "${healthMatch[1]}" is configured` });
        return sendJson(res, 200, await health(app));
      }
      const indexMatch = /^\/im-console\/apps\/([^/]+)\/users\/(search|index)$/.exec(path);
      if (indexMatch) {
        const app = byId.get(decode(indexMatch[1]!));
        if (!app) return sendJson(res, 404, { error: 'unknown_app', error_description: `No app "${indexMatch[1]}" is configured` });
        return await indexRoute(caller, app, indexMatch[2] as 'search' | 'index', new URLSearchParams(queryAt < 0 ? '' : raw.slice(queryAt + 1)), req, res);
      }
      if (path === `${CONSOLE_BASE}/audit`) {
        if ((req.method ?? 'GET') !== 'GET') return sendJson(res, 405, { error: 'method_not_allowed', error_description: 'The audit log is read-only.' }, { Allow: 'GET' });
        return auditRoute(caller, new URLSearchParams(queryAt < 0 ? '' : raw.slice(queryAt + 1)), res);
      }
      // Keep the path exactly as the browser encoded it: usernames may hold `/ ? # % ,`.
      const apiMatch = /^\/im\/([^/?]+)(\/[^#]*)$/.exec(raw);
      if (apiMatch) {
        const app = byId.get(decodeURIComponent(apiMatch[1]!));
        if (!app) return sendJson(res, 404, { error: 'unknown_app', error_description: `No app "${apiMatch[1]}" is configured` });
        return await forward(caller, app, apiMatch[2]!, req, res);
      }
      sendJson(res, 404, { error: 'not_found', error_description: `Nothing at ${path}` });
    } catch (e) {
      if (e instanceof ProxyFailure) sendFailure(res, e);
      else next(e);
    }
  };
}

export type ImProxy = ReturnType<typeof createImProxy>;
