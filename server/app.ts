import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import { requestId } from 'hono/request-id';
import { createAuditWriter } from './audit/record.js';
import { createRefusalGate } from './audit/refusal-gate.js';
import type { ConsoleServices } from './console-services.js';
import { authenticate } from './http/authenticate.js';
import type { ConsoleEnv } from './http/context.js';
import { ConsoleError, errorHandler, errorResponse } from './http/errors.js';
import { checkRequestPath, pathOf } from './http/paths.js';
import { limitedBody, rawUrl } from './http/request.js';
import type { ImAppConfig } from './im-config.js';
import { log as processLog, type Log } from './log.js';
import { createMetrics, type ConsoleMetrics } from './metrics/metrics.js';
import { metricsHandler, readinessHandler } from './metrics/routes.js';
import { createUpstream } from './proxy/upstream.js';
import { appRoutes } from './routes/apps.js';
import { accountRoutes } from './routes/account.js';
import { operatorRoutes } from './routes/operators.js';
import { auditRoutes } from './routes/audit.js';
import { imProxyRoutes } from './routes/im-proxy.js';
import { searchIndexRoutes } from './routes/search-index.js';
import { sessionRoutes } from './routes/session.js';
import { ssoRoutes } from './routes/sso.js';
import { createUserIndex, LEASE_MS_DEFAULT, REFRESH_MINUTES_DEFAULT, startUpkeep, TAKEOVER_MS_DEFAULT, type UserIndex } from './user-index/index.js';

// The console server's own routes, as one Hono app mounted by `npm start` (production-server.ts)
// and by Vite's dev and preview servers (vite-plugin.ts):
//   GET  /readyz                                        the database answers, each app's token can be had
//   GET  /metrics                                       Prometheus text, with METRICS_TOKEN (server/metrics/)
//   POST/GET/DELETE /im-console/session                 sign in, who am I, sign out
//   GET  /im-console/sso[/start|/callback]              single sign-on (routes/sso.ts)
//   GET  /im-console/apps                               the configured apps (no secrets)
//   GET  /im-console/apps/{id}/health                   can the server reach the host and authenticate?
//   GET  /im-console/audit                              the audit log (admins; JSON or CSV)
//   GET  /im-console/account                            how I signed in, my second factor
//   POST /im-console/account/second-factor[/confirm]    enrol a TOTP app; confirm with its first code
//   GET/POST/PATCH/DELETE /im-console/operators[/…]      operators, for admins (routes/operators.ts)
//   GET  /im-console/apps/{id}/users/search             the local user index
//   GET/POST/DELETE /im-console/apps/{id}/users/index   its state; build, re-walk, cancel; drop
//   ANY  /im/{id}/<api path>                            the IM proxy (routes/im-proxy.ts)

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
const MAX_SIGN_IN_BYTES = 8 * 1024;

export interface ConsoleAppOptions {
  apps: ImAppConfig[];
  /**
   * Operators, sessions, throttling and the audit log. Without it nothing is checked or recorded
   * (the proxy's own tests); with `signInRequired: false` calls are recorded but not checked.
   */
  services?: ConsoleServices;
  fetch?: typeof fetch;
  /** The token cache's clock. */
  now?: () => number;
  log?: Log;
  /**
   * The search index looks after itself: each app without an index gets one built at start, and
   * finished ones pick up new users every `searchIndexRefreshMinutes`. On unless false here or
   * in the settings (`SEARCH_INDEX_AUTO=off`); the server tests' harness turns it off, so nothing
   * reaches the IM host unasked. (Walks left unfinished, by a stop or by another server that
   * died, go on either way.)
   */
  searchIndexUpkeep?: boolean;
  /**
   * Serves `GET /metrics` here to callers sending this bearer token (`METRICS_TOKEN` without
   * `METRICS_PORT`). Without it `/metrics` is a 404 here: served on a port of its own, or not at all.
   */
  metricsToken?: string;
}

export interface ConsoleApp {
  app: Hono<ConsoleEnv>;
  index?: UserIndex;
  /** This app's registry and counters (a `METRICS_PORT` listener serves them apart). */
  metrics: ConsoleMetrics;
  /** Stops the index's timers and walks (each walk stays resumable). */
  close: () => Promise<void>;
}

export function createConsoleApp(o: ConsoleAppOptions): ConsoleApp {
  const log = o.log ?? processLog;
  const services = o.services;
  const metrics = createMetrics({
    apps: o.apps.map((a) => a.id),
    // Asked at scrape or probe time; the index (made below) exists by then.
    collect: {
      activeSessions: services && (() => services.sessions.countActive()),
      indexStates: services && (() => Promise.all(o.apps.map((a) => index!.status(a.id)))),
    },
  });
  const upstream = createUpstream({ fetch: o.fetch, now: o.now, onAnswer: (app, seconds, status) => metrics.imHostAnswer(app.id, seconds, status) });
  // The search index, in the console's database (SQLite or PostgreSQL).
  // A dead server's walk is taken over once its lease has run out: looked for a third of a lease apart.
  const leaseMs = (services?.searchIndexLeaseSeconds ?? LEASE_MS_DEFAULT / 1000) * 1000;
  const index = services ? createUserIndex({ database: services, upstream, apps: o.apps, rate: () => services.searchIndexRate, log, lease: { ms: leaseMs } }) : undefined;
  // Walks left unfinished (this server or another stopped, crashed) go on by themselves; with
  // upkeep on, first builds and pick-ups too.
  const refreshMinutes = services?.searchIndexRefreshMinutes ?? REFRESH_MINUTES_DEFAULT;
  const auto = o.searchIndexUpkeep ?? services?.searchIndexAuto ?? true;
  const upkeep = index ? startUpkeep(index, { auto, refreshMs: refreshMinutes * 60_000, takeoverMs: Math.min(TAKEOVER_MS_DEFAULT, leaseMs / 3), log }) : undefined;
  const gate = createRefusalGate({ now: services?.now ?? Date.now });
  const writer = createAuditWriter(services, gate, log, metrics.auditRow);

  const app = new Hono<ConsoleEnv>();
  app.onError(errorHandler(log));
  const nothingHere = (c: Context) => errorResponse(c, new ConsoleError(404, 'not_found', 'Nothing here.'));
  app.notFound(nothingHere);
  // Always the server's own id: one sent by the client could make unrelated log lines look related.
  app.use(requestId({ headerName: '' }));
  app.use(async (c, next) => {
    c.header('X-Request-Id', c.get('requestId'));
    await next();
  });
  app.use(accessLog(log));
  // On the path as sent: by the time Hono routes it, `..` has been resolved away.
  app.use(async (c, next) => {
    checkRequestPath(rawUrl(c));
    await next();
  });
  // Probes, without a session: `/readyz` names its checks with short codes only.
  const checkDatabase = services && (async () => void (await sql`SELECT 1`.execute(services.db)));
  app.get('/readyz', readinessHandler({ apps: o.apps, tokenFor: (a) => upstream.tokenFor(a), checkDatabase, log }));
  app.get('/metrics', o.metricsToken === undefined ? nothingHere : metricsHandler(metrics, o.metricsToken));
  app.use('/im-console/session', limitedBody(MAX_SIGN_IN_BYTES));
  app.route('/im-console/session', sessionRoutes(services, writer, metrics));
  app.route('/im-console/sso', ssoRoutes(services, writer, log, metrics));
  const signedIn = authenticate(services, writer);
  app.use('/im-console/*', signedIn);
  app.use('/im/*', signedIn);
  app.use('/im', signedIn);
  // Bodies are read only for callers who signed in: nobody else makes the server hold 2 MB.
  app.use('/im/*', limitedBody(MAX_BODY_BYTES));
  app.use('/im-console/*', limitedBody(MAX_SIGN_IN_BYTES));
  app.route('/im-console/apps', appRoutes(o.apps, upstream));
  app.route('/im-console/apps', searchIndexRoutes(o.apps, index, writer));
  app.route('/im-console/audit', auditRoutes(services?.audit, writer, services?.now ?? Date.now));
  if (services?.signInRequired) app.route('/im-console/account', accountRoutes(services, writer));
  if (services?.signInRequired) app.route('/im-console/operators', operatorRoutes(services, writer));
  app.route('/im', imProxyRoutes({ apps: o.apps, upstream, services, index, writer, log, metrics }));
  // Past authentication: a signed-out caller learns nothing about which console paths exist.
  app.all('/im-console/*', nothingHere);
  app.all('/im-console', nothingHere);

  return {
    app,
    index,
    metrics,
    close: async () => {
      await upkeep?.stop();
      await index?.close();
    },
  };
}

/** Asked every few seconds by probes and scrapers: logged only when they fail. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/** One JSON line per answered call: who, what (route, never the query: it may hold secrets), how long. */
function accessLog(log: Log): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    if ((PROBES.has(c.req.path) && c.res.status < 400) || c.req.path.startsWith('/assets/')) return;
    log.info(
      {
        reqId: c.get('requestId'),
        method: c.req.method,
        path: pathOf(rawUrl(c)).slice(0, 300),
        status: c.res.status,
        operator: c.get('caller')?.operator ?? undefined,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  };
}
