import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Role } from '../../contract/roles.js';
import { createConsoleServices, type ConsoleServices, type Require2fa } from '../console-services.js';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { registerUsers, startTestEmulator, type TestEmulator } from '../../emulator/src/testing/harness.js';
import { emulatorApps, type ImAppConfig } from '../im-config.js';
import type { Log } from '../log.js';
import { createConsoleApp } from '../app.js';
import { openConsoleDatabase } from '../store/database.js';
import { SESSION_COOKIE } from '../http/authenticate.js';
import { nodeListener } from '../http/node-listener.js';
import type { ThrottleOptions } from '../sign-in-throttle.js';
import type { CustomFetch } from '../sso/oidc.js';
import type { SsoSettings } from '../sso/settings.js';

// Test helpers: the proxy with real console services (in-memory database) on a free port, a
// clock the test moves, a record of what reached the IM host, and a browser-like client.

export const PASSWORD = 'correct horse battery';

export interface Upstream {
  fetch: typeof fetch;
  calls: { method: string; url: string }[];
  /** Runs as each call leaves for the IM host (a test looks at the console's state at that moment). */
  beforeCall?: (url: string) => void | Promise<void>;
}

/** A fetch that records every call the proxy makes to the IM host. */
export function recordingUpstream(): Upstream {
  const calls: Upstream['calls'] = [];
  const upstream: Upstream = {
    calls,
    fetch: async (input, init) => {
      calls.push({ method: init?.method ?? 'GET', url: String(input) });
      await upstream.beforeCall?.(String(input));
      return fetch(input, init);
    },
  };
  return upstream;
}

export interface ConsoleUnderTest {
  url: string;
  services: ConsoleServices;
  upstream: Upstream;
  clock: { now: number };
  /** Calls the IM host received, except the proxy's own token requests. */
  apiCalls: () => { method: string; path: string }[];
  close: () => Promise<void>;
}

export async function serveConsole(
  apps: ImAppConfig[],
  o: {
    signInRequired?: boolean;
    idleMinutes?: number;
    maxHours?: number;
    throttle?: ThrottleOptions;
    trustProxy?: boolean;
    sleeps?: number[];
    log?: Log;
    /** The index's own first build and pick-ups: off here, so a test's calls are the only ones at the IM host. */
    searchIndexUpkeep?: boolean;
    searchIndexRate?: number;
    searchIndexRefreshMinutes?: number;
    /** Off unless a test is about the second factor, so other tests' admins sign in with a password. */
    require2fa?: Require2fa;
    /** Single sign-on, and the fetch that reaches its provider (a test may alter the answers). */
    sso?: SsoSettings;
    localSignIn?: boolean;
    oidcFetch?: CustomFetch;
    /** `postgres://…` for a console on PostgreSQL; SQLite in memory otherwise. */
    databaseUrl?: string;
    /** Serves `/metrics` to callers with this bearer token (otherwise it is a 404). */
    metricsToken?: string;
  } = {},
): Promise<ConsoleUnderTest> {
  const clock = { now: Date.parse('2026-03-01T10:00:00Z') };
  const now = () => clock.now;
  const services = await createConsoleServices({
    signInRequired: o.signInRequired ?? true,
    settings: {
      db: ':memory:',
      idleMinutes: o.idleMinutes ?? 30,
      maxHours: o.maxHours ?? 12,
      trustProxy: o.trustProxy ?? false,
      searchIndexRate: o.searchIndexRate,
      searchIndexRefreshMinutes: o.searchIndexRefreshMinutes,
      require2fa: o.require2fa ?? 'off',
      sso: o.sso,
      localSignIn: o.localSignIn,
    },
    database: await openConsoleDatabase({ url: o.databaseUrl ?? ':memory:' }),
    oidcFetch: o.oidcFetch,
    now,
    throttle: o.throttle,
    sleep: async (ms) => {
      o.sleeps?.push(ms);
    },
  });
  const upstream = recordingUpstream();
  // The token cache's clock stays real: only sessions, throttling and the audit log use the test's.
  const consoleApp = createConsoleApp({ apps, fetch: upstream.fetch, services, log: o.log, searchIndexUpkeep: o.searchIndexUpkeep ?? false, metricsToken: o.metricsToken });
  const server: Server = createServer(nodeListener(consoleApp.app.fetch));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    services,
    upstream,
    clock,
    apiCalls: () => upstream.calls.filter((c) => !c.url.endsWith('/token')).map((c) => ({ method: c.method, path: new URL(c.url).pathname })),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await consoleApp.close();
      await services.close();
    },
  };
}

export interface SignedIn {
  username: string;
  role: Role;
  cookie: string;
  csrfToken: string;
  /** A call as the console's client makes it: cookie, CSRF header, JSON body. */
  call: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;
  /** The same session, its calls sent to another server (a replica on the same database). */
  at: (base: string) => SignedIn;
}

function session(base: string, who: Omit<SignedIn, 'call' | 'at'>): SignedIn {
  return {
    ...who,
    call: (method, path, payload, headers = {}) =>
      fetch(`${base}${path}`, {
        method,
        headers: {
          Cookie: who.cookie,
          // As the console's client does: on every call (force offline is a GET that needs it).
          'X-CSRF-Token': who.csrfToken,
          ...(payload !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      }),
    at: (other) => session(other, who),
  };
}

export async function signIn(base: string, username: string, password = PASSWORD, code?: string): Promise<SignedIn> {
  const res = await fetch(`${base}/im-console/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password, ...(code === undefined ? {} : { code }) }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { username: string; role: Role; csrfToken: string };
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';', 1)[0]!;
  if (!cookie.startsWith(`${SESSION_COOKIE}=`)) throw new Error(`no session cookie: ${setCookie}`);
  // The whole answer (how it signed in, its second factor), not only what every test reads.
  return session(base, { ...body, cookie });
}

/** Creates one operator per role, named after it, with PASSWORD. */
export async function addOperators(services: ConsoleServices, roles: Role[] = ['viewer', 'support', 'moderator', 'admin']) {
  for (const role of roles) await services.operators.add(role, role, PASSWORD);
}

/**
 * One emulator for a test file (with `users` registered) and a console per test, served against it
 * and closed after the test: `const consoles = consolesOnEmulator(['alice']); … await consoles.serve()`.
 */
export function consolesOnEmulator(users: string[]) {
  let t: TestEmulator;
  let current: ConsoleUnderTest | undefined;
  beforeAll(async () => {
    t = await startTestEmulator();
    await registerUsers(t, users);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  afterAll(() => t.close());
  return {
    serve: async (o: Parameters<typeof serveConsole>[1] = {}, apps = emulatorApps(t.emulator.port)) => (current = await serveConsole(apps, o)),
    /** The file's emulator (its fault switch, its port). */
    emulator: () => t,
  };
}
