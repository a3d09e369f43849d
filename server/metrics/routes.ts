import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type Handler } from 'hono';
import type { ConsoleEnv } from '../http/context.js';
import { ConsoleError, errorHandler, errorResponse } from '../http/errors.js';
import type { ImAppConfig } from '../im-config.js';
import type { Log } from '../log.js';
import type { ConsoleMetrics } from './metrics.js';

// `GET /metrics` (Prometheus text; a bearer token when METRICS_TOKEN is set) and `GET /readyz`
// (can this server do its work now: the database answers, each app's IM token can be had).

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compared as digests of equal length, so the time taken tells nothing about the token. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const sent = /^Bearer +(.+)$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(sent), digest(token));
}

export function metricsHandler(metrics: ConsoleMetrics, token: string | undefined): Handler<ConsoleEnv> {
  return async (c) => {
    if (token !== undefined && !bearerMatches(c.req.header('authorization'), token)) {
      throw new ConsoleError(401, 'unauthorized', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.', {}, { 'WWW-Authenticate': 'Bearer' });
    }
    const text = await metrics.registry.metrics();
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', metrics.registry.contentType);
    return c.body(text);
  };
}

/** `METRICS_PORT`: the metrics alone on a listener of their own (and nothing else there). */
export function metricsApp(metrics: ConsoleMetrics, token: string | undefined, log: Log) {
  const app = new Hono<ConsoleEnv>();
  app.onError(errorHandler(log));
  app.notFound((c) => errorResponse(c, new ConsoleError(404, 'not_found', 'Nothing here but /metrics.')));
  app.get('/metrics', metricsHandler(metrics, token));
  return app;
}

/** How long `/readyz` waits for a token before it calls the app not ready (a probe has its own time-out). */
export const READY_TIMEOUT_MS = 5_000;

export interface Readiness {
  apps: ImAppConfig[];
  /** The app token: cached while valid, so a probe reaches the IM host only when one is due. */
  tokenFor: (app: ImAppConfig) => Promise<string>;
  /** Throws when the console's database does not answer. */
  checkDatabase?: () => Promise<void> | void;
  timeoutMs?: number;
  log: Log;
}

/** A short code of why a check failed; never the error's text (the answer is for anyone). */
const failureCode = (e: unknown) => (e instanceof ConsoleError ? e.code : 'unavailable');

export function readinessHandler(r: Readiness): Handler<ConsoleEnv> {
  const timeoutMs = r.timeoutMs ?? READY_TIMEOUT_MS;
  const within = async (check: () => Promise<unknown> | unknown): Promise<string> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    try {
      return await Promise.race([Promise.resolve().then(check).then(() => 'ok', failureCode), late]);
    } finally {
      clearTimeout(timer);
    }
  };
  return async (c: Context<ConsoleEnv>) => {
    const [database, apps] = await Promise.all([
      r.checkDatabase ? within(r.checkDatabase) : undefined,
      Promise.all(r.apps.map((app) => within(() => r.tokenFor(app)))),
    ]);
    const checks = { database, apps: Object.fromEntries(r.apps.map((app, i) => [app.id, apps[i]!])) };
    const ok = (database ?? 'ok') === 'ok' && apps.every((a) => a === 'ok');
    if (!ok) r.log.warn({ checks }, 'not ready');
    c.header('Cache-Control', 'no-store');
    return c.json({ ok, checks }, ok ? 200 : 503);
  };
}
