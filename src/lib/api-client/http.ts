import ky, { HTTPError, TimeoutError, type KyInstance, type Options, type RetryOptions } from 'ky';
import * as z from 'zod/mini';
import { currentCsrfToken, markSignedOut } from '@/lib/session/session-store';
import { ApiError, errorFromResponse } from './api-error';
import { encodeSegment } from './api-path';
import { answerTimes } from './answer-times';

/** Where the browser reaches the proxy (same origin): `/im/{app}/…` and `/im-console/…`. */
export const API_BASE = 'im';
export const CONSOLE_BASE = 'im-console';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

const RETRY = {
  limit: 4,
  methods: ['get', 'put', 'delete', 'post'],
  // 429, 503 and other 5xx mean "rate limited, pause and retry" in the API documents.
  statusCodes: [429, 500, 502, 503, 504],
  afterStatusCodes: [429, 503],
  maxRetryAfter: 60_000,
  backoffLimit: 10_000,
  jitter: true,
} satisfies Options['retry'];

// A POST may have taken effect before a 5xx or a dropped connection; a 429 means it was refused
// before doing anything, so only that is retried.
const POST_RETRY = {
  shouldRetry: ({ error }: { error: Error }) => (error instanceof HTTPError && error.response.status === 429 ? undefined : false),
} satisfies Options['retry'];

export interface HttpOptions {
  /** Absolute in tests (no document to resolve against); the same origin in the browser. */
  prefixUrl?: string;
  fetch?: typeof fetch;
  /** Overrides for tests: e.g. `{ limit: 2, backoffLimit: 0 }`. */
  retry?: RetryOptions;
}

export function createHttp(options: HttpOptions = {}): KyInstance {
  return ky.create({
    prefixUrl: options.prefixUrl ?? '/',
    timeout: 30_000,
    // TanStack Query is the cache. The browser's HTTP cache only added its lock per URL: identical
    // GETs in flight together (a bulk mute's reads of the mute list) went one after another.
    cache: 'no-store',
    fetch: options.fetch,
    retry: { ...RETRY, ...options.retry },
    hooks: { beforeRequest: [addCsrfToken], afterResponse: [noticeSignedOut] },
  });
}

/**
 * The server refuses any change without the session's token (CSRF), GETs that change something
 * (force offline) included, so every call carries it; read at send time, so it follows sign-ins.
 */
export function addCsrfToken(request: Request): void {
  const token = currentCsrfToken();
  if (token) request.headers.set('X-CSRF-Token', token);
}

/** A 401 `signed_out` from any call (the session expired) brings the sign-in page back. */
async function noticeSignedOut(_request: Request, _options: unknown, response: Response): Promise<void> {
  if (response.status !== 401) return;
  const body = (await response.clone().json().catch(() => undefined)) as { error?: unknown } | undefined;
  if (body?.error === 'signed_out') markSignedOut();
}

/**
 * The console's single HTTP instance. Every endpoint file reads it at call time, so tests can point
 * it at the in-process IM emulator with `replaceHttp` (src/testing/im-host.ts) instead of mocking
 * this module; production code never reassigns it.
 */
export let http = createHttp();

/** For tests only: sends every call through `next` until the returned function restores the previous instance. */
export function replaceHttp(next: KyInstance): () => void {
  const previous = http;
  http = next;
  return () => {
    http = previous;
  };
}

export interface Call {
  method: Method;
  /** The API path after the app prefix, built with `apiPath` so every segment is encoded. */
  path: string;
  searchParams?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  signal?: AbortSignal;
}

/**
 * Sends one call for an app through the proxy, and returns the body parsed by `schema`.
 * Every failure comes out as an ApiError; a body of the wrong shape is one too.
 */
export async function callApi<S extends z.ZodMiniType>(client: KyInstance, app: string, call: Call, schema: S): Promise<z.infer<S>> {
  const label = `${call.method.toUpperCase()} /${call.path}`;
  const searchParams = Object.fromEntries(
    Object.entries(call.searchParams ?? {}).filter((e): e is [string, string | number | boolean] => e[1] !== undefined),
  );
  let body: unknown;
  try {
    const started = performance.now();
    const res = await client(`${API_BASE}/${encodeSegment(app)}/${call.path}`, {
      method: call.method,
      searchParams,
      json: call.json,
      signal: call.signal,
      // Merged into the instance's retry options by ky.
      ...(call.method === 'post' ? { retry: POST_RETRY } : {}),
    });
    answerTimes.note(app, performance.now() - started);
    body = await res.json();
  } catch (e) {
    throw await toApiError(label, e);
  }
  return parseAnswer(schema, body, label);
}

/** A call to the console's own endpoints (`/im-console/…`): the configured apps and their health. */
export async function callConsole<S extends z.ZodMiniType>(client: KyInstance, path: string, schema: S): Promise<z.infer<S>> {
  const label = `GET /${CONSOLE_BASE}/${path}`;
  let body: unknown;
  try {
    body = await client.get(`${CONSOLE_BASE}/${path}`, { retry: { limit: 1 } }).json();
  } catch (e) {
    throw await toApiError(label, e);
  }
  return parseAnswer(schema, body, label);
}

export interface ConsoleCall {
  method: Method;
  /** After `/im-console/`, e.g. `session`; may carry a query string. */
  path: string;
  json?: unknown;
}

/**
 * A call to the console's own endpoints that may change something (signing in and out). Never
 * retried: a 429 from the sign-in throttle is an answer the operator must see, not wait out.
 * An answer with no body (204) comes out as `undefined`.
 */
export async function sendConsole<S extends z.ZodMiniType>(client: KyInstance, call: ConsoleCall, schema: S): Promise<z.infer<S> | undefined> {
  const label = `${call.method.toUpperCase()} /${CONSOLE_BASE}/${call.path}`;
  let body: unknown;
  try {
    const res = await client(`${CONSOLE_BASE}/${call.path}`, { method: call.method, json: call.json, retry: { limit: 0 } });
    if (res.status === 204) return undefined;
    body = await res.json();
  } catch (e) {
    throw await toApiError(label, e);
  }
  return parseAnswer(schema, body, label);
}

/** `sendConsole` for a call whose success always has a body: none (a 204) is an unexpected answer, not `undefined`. */
export async function sendConsoleExpecting<S extends z.ZodMiniType>(client: KyInstance, call: ConsoleCall, schema: S): Promise<z.infer<S>> {
  const answer = await sendConsole(client, call, schema);
  if (answer === undefined) {
    throw new ApiError({ kind: 'schema', status: 204, error: 'unexpected_response', description: 'no body', call: `${call.method.toUpperCase()} /${CONSOLE_BASE}/${call.path}` });
  }
  return answer;
}

/** A 200 answer of the wrong shape is an error the user sees, not a silent `undefined`. */
function parseAnswer<S extends z.ZodMiniType>(schema: S, body: unknown, call: string): z.infer<S> {
  const parsed = z.safeParse(schema, body);
  if (!parsed.success) {
    throw new ApiError({ kind: 'schema', status: 200, error: 'unexpected_response', description: z.prettifyError(parsed.error), call });
  }
  return parsed.data;
}

async function toApiError(call: string, e: unknown): Promise<unknown> {
  if (e instanceof HTTPError) {
    const text = await e.response.text().catch(() => '');
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON (an HTML error page from a gateway, say): keep the text.
    }
    return errorFromResponse(call, e.response.status, body);
  }
  if (e instanceof TimeoutError) return new ApiError({ kind: 'timeout', call, cause: e });
  if (e instanceof DOMException && e.name === 'AbortError') return e; // cancelled on purpose: not an error to show
  if (e instanceof SyntaxError) return new ApiError({ kind: 'schema', status: 200, error: 'unexpected_response', description: 'the answer is not JSON', call });
  return new ApiError({ kind: 'network', call, description: (e as Error)?.message, cause: e });
}
