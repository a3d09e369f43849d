import pino, { type Logger } from 'pino';

// Structured logs: one JSON object per line, so a value sent by a client (a sign-in name with a
// newline, a path) can only ever sit inside a JSON string, never start a line of its own.

export type Log = Logger;

/** `LOG_LEVEL` (default info); silent under the test runner unless asked for. */
export function createLog(options: { level?: string; destination?: pino.DestinationStream } = {}): Log {
  const level = options.level ?? process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info');
  return pino(
    {
      level,
      base: { service: 'im-console' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Never write a password, a token or a cookie even if a caller passes a whole object.
      redact: { paths: ['password', '*.password', 'headers.cookie', 'headers.authorization', 'token', 'csrfToken'], censor: '[redacted]' },
    },
    options.destination,
  );
}

/** The process's logger (server code that has no request at hand). */
export const log: Log = createLog();
