import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { ImError } from './errors.js';
import { parseBody } from './respond.js';
import type { Env } from './types.js';

// A fault switch: a test makes the next calls (all, or those of one method and path) answer 429 or
// a 5xx, or answer late, to see how a client copes. The documents say 429, 503 and other 5xx mean
// "rate limited, pause and retry"; `rate` and `latency` only give steady pressure, not one bad call.

export const FAULT_STATUSES = [429, 500, 502, 503, 504] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

export interface FaultRule {
  /** The answer instead of the real one; without it the call is only delayed (`delayMs`). */
  status?: FaultStatus;
  /** How many matching calls the fault hits (default 1). */
  times?: number;
  /** Matching calls let through before the fault starts (default 0): "fail the second page". */
  after?: number;
  /** Only calls of this method (any case). */
  method?: string;
  /**
   * Only calls to this path after the app prefix, e.g. `/users`. `*` stands for one segment and a
   * trailing `/**` for anything below: `/users/*` + `/deactivate`, `/chatgroups/**`.
   */
  path?: string;
  /** Answer this much later (abandoned when the client hangs up). */
  delayMs?: number;
  /** `Retry-After` seconds sent with a 429 or 503. */
  retryAfter?: number;
}

interface ActiveRule extends FaultRule {
  left: number;
  skip: number;
}

/** The documented 429; the documents show no 5xx body, so these follow the emulator's own error shape. */
function faultError(status: FaultStatus, retryAfter: number | undefined): ImError {
  const headers: Record<string, string> = retryAfter !== undefined && (status === 429 || status === 503) ? { 'Retry-After': String(retryAfter) } : {};
  switch (status) {
    case 429:
      return new ImError(429, 'reach_limit', 'This request has reached api limit', headers);
    case 503:
      return new ImError(503, 'service_unavailable', 'The service is temporarily unavailable, try again later', headers);
    case 502:
      return new ImError(502, 'bad_gateway', 'Bad gateway');
    case 504:
      return new ImError(504, 'gateway_timeout', 'Gateway timeout');
    case 500:
      return new ImError(500, 'internal_error', 'Internal server error');
  }
}

function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  const below = want[want.length - 1] === '**';
  if (below) want.pop();
  if (below ? got.length < want.length : got.length !== want.length) return false;
  return want.every((w, i) => w === '*' || w === got[i]);
}

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

export function createFaultSwitch() {
  let rules: ActiveRule[] = [];

  /** The first armed rule this call matches, counted against it. Each rule counts its own `after`. */
  function take(method: string, path: string): ActiveRule | undefined {
    for (const rule of rules) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.path && !pathMatches(rule.path, path)) continue;
      if (rule.skip > 0) {
        rule.skip -= 1;
        continue;
      }
      rule.left -= 1;
      if (rule.left <= 0) rules = rules.filter((r) => r !== rule);
      return rule;
    }
    return undefined;
  }

  const middleware: MiddlewareHandler<Env> = async (c, next) => {
    const rule = rules.length > 0 ? take(c.req.method, c.req.path.slice(c.get('prefix').length) || '/') : undefined;
    if (rule?.delayMs) await sleep(rule.delayMs, c.req.raw.signal);
    if (rule?.status) throw faultError(rule.status, rule.retryAfter);
    await next();
  };

  return {
    /** Arms a fault; it disarms itself after `times` matching calls. */
    add(rule: FaultRule): void {
      rules.push({ ...rule, left: rule.times ?? 1, skip: rule.after ?? 0 });
    },
    clear(): void {
      rules = [];
    },
    /** The faults still armed, with the calls each has left. */
    pending(): (FaultRule & { times: number })[] {
      return rules.map(({ left, skip, ...rule }) => ({ ...rule, times: left, after: skip }));
    },
    middleware,
  };
}

export type FaultSwitch = ReturnType<typeof createFaultSwitch>;

const faultRule = z
  .object({
    status: z.union(FAULT_STATUSES.map((s) => z.literal(s))).optional(),
    times: z.number().int().min(1).optional(),
    after: z.number().int().min(0).optional(),
    method: z.string().min(1).optional(),
    path: z.string().startsWith('/').optional(),
    delayMs: z.number().int().min(0).max(600_000).optional(),
    retryAfter: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((r) => r.status !== undefined || r.delayMs !== undefined, 'a fault needs a status, a delayMs, or both');

/**
 * The switch over HTTP, for a test driving a running emulator: `POST {rule}` arms a fault, `GET`
 * lists those still armed, `DELETE` disarms them all. No token: the emulator only listens locally.
 */
export const faultControlRoutes = (faults: FaultSwitch) =>
  new Hono<Env>()
    .get('/', (c) => c.json({ faults: faults.pending() }))
    .post('/', async (c) => {
      faults.add(await parseBody(c, faultRule));
      return c.json({ faults: faults.pending() });
    })
    .delete('/', (c) => {
      faults.clear();
      return c.json({ faults: faults.pending() });
    });
