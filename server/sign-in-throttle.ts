// Failed sign-ins, counted per operator name and per client address over a window. After a few
// failures each further attempt is slowed (the answer waits), and past the limit attempts are
// refused with 429 until the lock ends. Kept in memory: a restart forgives, which is acceptable
// for a console with a handful of operators (argon2 already makes each guess slow).

export interface ThrottleOptions {
  now?: () => number;
  /** Failures counted over this window. */
  windowMs?: number;
  /** How long a name or address stays refused once over its limit. */
  lockMs?: number;
  maxPerName?: number;
  maxPerAddress?: number;
  /** Failures before answers start to wait. */
  slowAfter?: number;
  /** The wait grows by this much per failure past `slowAfter`, up to `maxDelayMs`. */
  delayStepMs?: number;
  maxDelayMs?: number;
}

interface Counter {
  failures: number[];
  lockedUntil: number;
}

export type ThrottleDecision = { refused: true; retryAfterSeconds: number } | { refused: false; delayMs: number };

export function createSignInThrottle(options: ThrottleOptions = {}) {
  const now = options.now ?? Date.now;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const lockMs = options.lockMs ?? 15 * 60_000;
  const maxPerName = options.maxPerName ?? 5;
  const maxPerAddress = options.maxPerAddress ?? 20;
  const slowAfter = options.slowAfter ?? 2;
  const delayStepMs = options.delayStepMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 3000;
  const counters = new Map<string, Counter>();

  const counter = (key: string): Counter | undefined => {
    const c = counters.get(key);
    if (!c) return undefined;
    const t = now();
    c.failures = c.failures.filter((at) => t - at < windowMs);
    if (c.failures.length === 0 && c.lockedUntil <= t) {
      counters.delete(key);
      return undefined;
    }
    return c;
  };
  const keys = (name: string, address: string) => [`n:${name.trim().toLowerCase()}`, `a:${address}`] as const;

  return {
    /** Before checking the password: refuse, or wait this long first. */
    check(name: string, address: string): ThrottleDecision {
      const t = now();
      let retryAt = 0;
      let failures = 0;
      for (const key of keys(name, address)) {
        const c = counter(key);
        if (!c) continue;
        if (c.lockedUntil > t) retryAt = Math.max(retryAt, c.lockedUntil);
        failures = Math.max(failures, c.failures.length);
      }
      if (retryAt > 0) return { refused: true, retryAfterSeconds: Math.ceil((retryAt - t) / 1000) };
      const over = failures - slowAfter;
      return { refused: false, delayMs: over > 0 ? Math.min(over * delayStepMs, maxDelayMs) : 0 };
    },

    fail(name: string, address: string) {
      const t = now();
      const [nameKey, addressKey] = keys(name, address);
      for (const [key, max] of [
        [nameKey, maxPerName],
        [addressKey, maxPerAddress],
      ] as const) {
        const c = counter(key) ?? { failures: [], lockedUntil: 0 };
        c.failures.push(t);
        if (c.failures.length >= max) c.lockedUntil = t + lockMs;
        counters.set(key, c);
      }
      // A flood of distinct names must not grow the map without end.
      if (counters.size > 10_000) for (const key of [...counters.keys()]) counter(key);
    },

    /** A successful sign-in clears the name's failures (not the address's: one shared NAT, many names). */
    succeed(name: string) {
      counters.delete(keys(name, '')[0]);
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
