import { cleanup } from '@testing-library/react';
import type { KyInstance, RetryOptions } from 'ky';
import { afterEach, beforeEach } from 'vitest';
import { isForwarded } from '@contract/roles';
import { API_BASE, createHttp } from '@/lib/api-client/http';
import { createInProcessEmulator, type InProcessEmulator, type InProcessOptions } from '../../emulator/src/testing/in-process';
import { installHttp } from './install-http';

// The IM host for component tests: the emulator itself, in process, behind a fetch that does what
// the console server's proxy does in production (`/im/{app}/…` → `{prefix}/…` with an app token,
// only the calls contract/roles.ts forwards). The console's real client, its answer schemas and
// the emulator's real answers all run, so fixtures cannot drift from the emulator.
// Only for tests: the lint rule that keeps src/ away from the emulator allows src/testing/.

export { createGroup, registerUsers } from '../../emulator/src/testing/calls';
export { insertGroups } from '../../emulator/src/testing/rows';

/** One call as the console sent it through the proxy. */
export interface ConsoleCall {
  method: string;
  /** The API path after `/im/{app}/`, as the console encoded it: `chatgroups/42/mute/bob%2Cdave`. */
  path: string;
  query: URLSearchParams;
  /** The JSON body, parsed (the raw text if it was not JSON); undefined without one. */
  body: unknown;
  signal: AbortSignal;
}

export interface TestImHostOptions extends InProcessOptions {
  /** The console's name for the app, as in `/im/{app}/…` (default `demo`). */
  app?: string;
  /** The client's retries; none by default, so a failure shows at once (a test of retries turns them on). */
  retry?: RetryOptions;
}

export interface TestImHost {
  app: string;
  emulator: InProcessEmulator;
  /** The client the console's endpoint files use once the host is installed. */
  http: KyInstance;
  /** Every call the console made, in order. */
  calls: ConsoleCall[];
  /** The calls of one method, to one path (exact, or a RegExp) or to any. */
  callsTo: (method: string, path?: string | RegExp) => ConsoleCall[];
  /** Runs before each call is forwarded; a returned promise holds the call until it settles. Returns an unsubscribe. */
  beforeForward: (hook: (call: ConsoleCall) => void | Promise<void>) => () => void;
  /** Calls the emulator directly (not through the console), with the app token. */
  call: InProcessEmulator['call'];
  /** For arranging state and reading it back: the answer's body, or a thrown error unless 200. */
  arrange: (method: string, path: string, body?: unknown) => Promise<any>;
  /** Refuses further calls, lets those under way finish, then drops the database. */
  close: () => Promise<void>;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

/** Rejects as a browser's fetch does once the request is aborted, whatever `work` is doing. */
function untilAborted<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    work().then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export async function createTestImHost({ app = 'demo', retry, ...options }: TestImHostOptions = {}): Promise<TestImHost> {
  const emulator = await createInProcessEmulator(options);
  const calls: ConsoleCall[] = [];
  const underWay = new Set<Promise<unknown>>();
  let closed = false;
  const hooks = new Set<(call: ConsoleCall) => void | Promise<void>>();
  const apiUrl = new RegExp(`^/${API_BASE}/([^/]+)/(.*)$`);

  async function forward(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const match = apiUrl.exec(url.pathname);
    // What the console server answers for these, so a test meets what the browser would.
    if (!match) return json(404, { error: 'not_found', error_description: `The test IM host serves /${API_BASE}/{app}/… only, not ${url.pathname}` });
    if (decodeURIComponent(match[1]!) !== app) return json(404, { error: 'unknown_app', error_description: 'No such app is configured.' });
    const path = match[2]!;
    if (!isForwarded(request.method, path)) {
      return json(404, { error: 'not_forwarded', error_description: 'The console does not forward this call (contract/roles.ts lists the calls it does).' });
    }
    const text = await request.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const call: ConsoleCall = { method: request.method, path, query: url.searchParams, body, signal: request.signal };
    calls.push(call);
    for (const hook of hooks) await hook(call);
    return emulator.fetch(
      new Request(`${emulator.origin}${emulator.prefix}/${path}${url.search}`, {
        method: request.method,
        headers: { Accept: 'application/json', Authorization: `Bearer ${emulator.token}`, ...(text ? { 'Content-Type': 'application/json' } : {}) },
        body: text || undefined,
        signal: request.signal,
      }),
    );
  }

  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    // After the test: what a browser meets when the server has gone away.
    if (closed) return Promise.reject(new TypeError('Failed to fetch: the test IM host is closed'));
    const answer = forward(request);
    underWay.add(answer);
    void answer.catch(() => undefined).finally(() => underWay.delete(answer));
    return untilAborted(request.signal, () => answer);
  }) as typeof globalThis.fetch;

  const matches = (call: ConsoleCall, method: string, path?: string | RegExp) =>
    call.method === method.toUpperCase() && (path === undefined || (typeof path === 'string' ? call.path === path : path.test(call.path)));

  return {
    app,
    emulator,
    // Absolute: jsdom has no page origin for `/` to resolve against.
    http: createHttp({ prefixUrl: 'http://console.test/', fetch, retry: { limit: 0, ...retry } }),
    calls,
    callsTo: (method, path) => calls.filter((c) => matches(c, method, path)),
    beforeForward: (hook) => {
      hooks.add(hook);
      return () => hooks.delete(hook);
    },
    call: emulator.call,
    arrange: async (method, path, body) => {
      const res = await emulator.call(method, path, body);
      if (res.status !== 200) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    },
    close: async () => {
      closed = true;
      // Bounded: a call a test held (beforeForward) and never let go must not hang the file.
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([Promise.allSettled([...underWay]), new Promise((r) => (timer = setTimeout(r, 2_000)))]);
      clearTimeout(timer);
      emulator.close();
    },
  };
}

/**
 * Sends the console's calls to `host` until the current test ends. `renderWithProviders` does this
 * for its `imHost` option; a test that calls endpoint functions directly calls it itself.
 */
export const installImHost = (host: TestImHost) => installHttp(host.http);

/**
 * A fresh host (its own `:memory:` database) for each test of the file, filled by `arrange`;
 * returns the accessor for the current one.
 */
export function imHostPerTest(options: TestImHostOptions = {}, arrange?: (host: TestImHost) => Promise<void>): () => TestImHost {
  let current: TestImHost | undefined;
  beforeEach(async () => {
    current = await createTestImHost(options);
    await arrange?.(current);
  });
  afterEach(async () => {
    // Unmount first: a component still on screen would keep calling.
    cleanup();
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('imHostPerTest: the host exists only inside a test');
    return current;
  };
}
