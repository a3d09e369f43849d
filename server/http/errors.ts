import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Log } from '../log.js';

// One error type and one error shape for every answer the console server makes itself:
// `{error, error_description, ...extra}`, as the IM API's own errors look. Nothing else leaves
// the server: no stack trace, no echo of raw input.

export class ConsoleError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly description: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }

  body() {
    return { error: this.code, error_description: this.description, ...this.extra };
  }
}

/** The IM host could not be reached or refused the app's credentials (shaped like the API's errors). */
export const upstreamFailure = (status: ContentfulStatusCode, code: string, description: string, host: string) =>
  new ConsoleError(status, code, description, { host, timestamp: Date.now() });

export const errorResponse = (c: Context, e: ConsoleError) => {
  for (const [name, value] of Object.entries(e.headers)) c.header(name, value);
  c.header('Cache-Control', 'no-store');
  return c.json(e.body(), e.status);
};

export function errorHandler(log: Log): ErrorHandler {
  return (err, c) => {
    if (err instanceof ConsoleError) return errorResponse(c, err);
    if (err instanceof HTTPException && err.status < 500) {
      return errorResponse(c, new ConsoleError(err.status as ContentfulStatusCode, 'invalid_request', err.message || 'The request was refused.'));
    }
    log.error({ err, reqId: c.get('requestId') }, 'unhandled error');
    return errorResponse(c, new ConsoleError(500, 'internal_error', 'The console server failed.'));
  };
}
