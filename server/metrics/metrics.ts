import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { CALL_RULES, FORWARDED_READS } from '../../contract/roles.js';

// What operators of the console server watch (Prometheus text at `GET /metrics`): calls through
// the proxy, the IM host's latency and 429s, sign-ins, audit rows, sessions, the search index.
// One registry per console app, so tests and several apps in one process never share a counter.

/** Stands for anything outside a fixed set: a label never carries a path, a name or a typo. */
export const OTHER = 'other';

const ROUTES = new Set([...CALL_RULES.map((r) => r.pattern), ...FORWARDED_READS]);
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** A route label: one of the patterns the proxy knows (`users/{username}`), else `other`. */
export const routeLabel = (pattern: string | undefined) => (pattern !== undefined && ROUTES.has(pattern) ? pattern : OTHER);
const methodLabel = (method: string) => (METHODS.has(method.toUpperCase()) ? method.toUpperCase() : OTHER);

export type SignInMethod = 'password' | 'sso';
export type SignInOutcome = 'ok' | 'refused' | 'throttled';

/** A search index as the gauges read it: users in it, and the walk running now (if any). */
export interface IndexState {
  app: string;
  count: number;
  building: { usersIndexed: number } | null;
}

/** Read at scrape time, from the database or the index (so nothing is counted twice or goes stale). */
export interface MetricsCollect {
  activeSessions?: () => Promise<number> | number;
  indexStates?: () => Promise<IndexState[]> | IndexState[];
}

let processRegistry: Registry | undefined;

/**
 * The process's own metrics (CPU, memory, event loop, GC), made once per process: each
 * `collectDefaultMetrics` starts an event-loop monitor and a GC observer that nothing can stop,
 * which a test file making a console per test would pile up. Every console app's registry shows them.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export function createMetrics(o: { apps: string[]; collect?: MetricsCollect }) {
  const own = new Registry();
  const registers = [own];

  const proxied = new Counter({
    name: 'im_console_proxy_requests_total',
    help: 'Calls to the IM proxy (/im/{app}/…) by app, method, route pattern and the status answered, refusals included.',
    labelNames: ['app', 'method', 'route', 'status'] as const,
    registers,
  });
  const hostSeconds = new Histogram({
    name: 'im_console_im_host_request_duration_seconds',
    help: 'Time until the IM host answered (headers), token requests and search index walks included.',
    labelNames: ['app'] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const rateLimited = new Counter({
    name: 'im_console_im_host_rate_limited_total',
    help: 'Answers 429 (over the rate limit) from the IM host.',
    labelNames: ['app'] as const,
    registers,
  });
  const signIns = new Counter({
    name: 'im_console_sign_ins_total',
    help: 'Sign-ins by method (password, sso) and outcome (ok, refused, throttled).',
    labelNames: ['method', 'outcome'] as const,
    registers,
  });
  const auditRows = new Counter({ name: 'im_console_audit_rows_total', help: 'Rows written to the audit log.', registers });

  const { collect = {} } = o;
  if (collect.activeSessions) {
    const activeSessions = collect.activeSessions;
    new Gauge({
      name: 'im_console_active_sessions',
      help: 'Operator sessions neither idle past SESSION_IDLE_MINUTES nor older than SESSION_MAX_HOURS.',
      registers,
      async collect() {
        this.set(await activeSessions());
      },
    });
  }
  if (collect.indexStates) {
    const indexStates = collect.indexStates;
    // A scrape starts every collect at once: the three gauges share one read of the states.
    let reading: Promise<IndexState[]> | undefined;
    const states = () => (reading ??= Promise.resolve(indexStates()).finally(() => (reading = undefined)));
    new Gauge({
      name: 'im_console_search_index_users',
      help: 'Users in the app\'s search index.',
      labelNames: ['app'] as const,
      registers,
      async collect() {
        for (const s of await states()) this.set({ app: s.app }, s.count);
      },
    });
    new Gauge({
      name: 'im_console_search_index_walk_users',
      help: 'Users the running walk has indexed so far (0 when none runs).',
      labelNames: ['app'] as const,
      registers,
      async collect() {
        for (const s of await states()) this.set({ app: s.app }, s.building?.usersIndexed ?? 0);
      },
    });
    new Gauge({
      name: 'im_console_search_index_walk_running',
      help: '1 while a walk of the app\'s users runs (build, re-walk or pick-up), else 0.',
      labelNames: ['app'] as const,
      registers,
      async collect() {
        for (const s of await states()) this.set({ app: s.app }, s.building ? 1 : 0);
      },
    });
  }

  // Every series that can occur starts at 0, so a rate() has a start and a dashboard no gap.
  for (const app of o.apps) {
    rateLimited.inc({ app }, 0);
    hostSeconds.zero({ app });
  }
  for (const outcome of ['ok', 'refused', 'throttled'] as const) signIns.inc({ method: 'password', outcome }, 0);
  for (const outcome of ['ok', 'refused'] as const) signIns.inc({ method: 'sso', outcome }, 0);

  const apps = new Set(o.apps);
  const appLabel = (app: string | undefined) => (app !== undefined && apps.has(app) ? app : OTHER);
  const registry = Registry.merge([own, processMetrics()]);

  return {
    registry,
    /** A call the proxy answered: the app and pattern as far as it got (`other` before it knew them). */
    proxied(call: { app?: string; route?: string }, method: string, status: number) {
      proxied.inc({ app: appLabel(call.app), method: methodLabel(method), route: routeLabel(call.route), status: String(status) });
    },
    /** An answer from the IM host, timed around the fetch. */
    imHostAnswer(app: string, seconds: number, status: number) {
      hostSeconds.observe({ app: appLabel(app) }, seconds);
      if (status === 429) rateLimited.inc({ app: appLabel(app) });
    },
    signIn(method: SignInMethod, outcome: SignInOutcome) {
      signIns.inc({ method, outcome });
    },
    auditRow() {
      auditRows.inc();
    },
  };
}

export type ConsoleMetrics = ReturnType<typeof createMetrics>;
