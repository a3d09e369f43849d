/** What went wrong, in terms the UI can translate. */
export type ApiErrorKind =
  | 'http' // the IM API answered with an error body
  | 'network' // the proxy could not be reached at all
  | 'unreachable' // the proxy could not reach the IM host
  | 'credentials' // the IM host refused the app credentials
  | 'config' // the proxy's IM settings are invalid
  | 'timeout'
  | 'rate-limited'
  | 'schema' // a 200 answer did not have the documented shape
  | 'not-done' // a 200 answer saying the call was not carried out (`result: false`)
  | 'validation'; // refused before sending: bad input

/** The one error type of the client: every failed call becomes one of these. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** HTTP status, 0 when there was no HTTP answer. */
  readonly status: number;
  /** The API's `error` field, e.g. `forbidden_op`. */
  readonly error: string;
  /** The API's own `error_description`, shown to users as is. */
  readonly description: string;
  /** The call, e.g. `DELETE /chatgroups/123/users/bob`. */
  readonly call: string;
  /** For `unreachable` / `credentials`: which host. */
  readonly host?: string;
  /** For the console's own 429 (`too_many_attempts`): how long until signing in is allowed again. */
  readonly retryAfterSeconds?: number;
  /** For `forbidden_role`: the operator's role that may not make the call. */
  readonly role?: string;

  constructor(init: {
    kind: ApiErrorKind;
    status?: number;
    error?: string;
    description?: string;
    call: string;
    host?: string;
    retryAfterSeconds?: number;
    role?: string;
    cause?: unknown;
  }) {
    super(`${init.call}: ${init.status ?? ''} ${init.error ?? init.kind} ${init.description ?? ''}`.trim(), { cause: init.cause });
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.error = init.error ?? init.kind;
    this.description = init.description ?? '';
    this.call = init.call;
    this.host = init.host;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.role = init.role;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** A 200 answer that says the call was not carried out (`result: false`), with the API's reason if it gave one. */
export const notDoneError = (call: string, reason?: string): ApiError =>
  new ApiError({ kind: 'not-done', status: 200, error: 'result_false', description: reason ?? '', call });

const PROXY_KINDS: Record<string, ApiErrorKind> = {
  im_host_unreachable: 'unreachable',
  im_host_timeout: 'timeout',
  im_credentials_rejected: 'credentials',
  im_config_invalid: 'config',
};

/** Builds the ApiError for an HTTP answer that is not 2xx. */
export function errorFromResponse(call: string, status: number, body: unknown): ApiError {
  const b = (body && typeof body === 'object' ? body : {}) as { error?: unknown; error_description?: unknown; host?: unknown; retry_after_seconds?: unknown; role?: unknown };
  const error = typeof b.error === 'string' ? b.error : `http_${status}`;
  const description = typeof b.error_description === 'string' ? b.error_description : typeof body === 'string' ? body.slice(0, 300) : '';
  const kind: ApiErrorKind = PROXY_KINDS[error] ?? (status === 429 ? 'rate-limited' : 'http');
  return new ApiError({
    kind,
    status,
    error,
    description,
    call,
    host: typeof b.host === 'string' ? b.host : undefined,
    retryAfterSeconds: typeof b.retry_after_seconds === 'number' ? b.retry_after_seconds : undefined,
    role: typeof b.role === 'string' ? b.role : undefined,
  });
}
