import type { MiddlewareHandler } from 'hono';
import { ImError } from './errors.js';
import type { Env } from './types.js';

/** Per-app token bucket: `rate` calls per second, bursts up to `rate`. */
export function rateLimit(rate: number, clock: () => number = Date.now): MiddlewareHandler<Env> {
  let tokens = rate;
  let last = clock();
  return async (_c, next) => {
    if (rate > 0) {
      const t = clock();
      tokens = Math.min(rate, tokens + ((t - last) / 1000) * rate);
      last = t;
      if (tokens < 1) {
        const waitSeconds = Math.max(1, Math.ceil((1 - tokens) / rate));
        throw new ImError(429, 'reach_limit', 'This request has reached api limit', { 'Retry-After': String(waitSeconds) });
      }
      tokens -= 1;
    }
    await next();
  };
}

export function latency(ms: number): MiddlewareHandler<Env> {
  return async (_c, next) => {
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    await next();
  };
}
