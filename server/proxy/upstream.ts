import { createAnswerTimes } from '../../contract/answer-times.js';
import { upstreamFailure } from '../http/errors.js';
import { pathPrefix, type ImAppConfig } from '../im-config.js';

// The IM host as the server reaches it. The app token and the client secret live only here.

const UPSTREAM_TIMEOUT_MS = 30_000;

type Fetch = typeof fetch;

/** Told of every answer from the host (metrics): how long until its headers came, and its status. */
export type AnswerObserver = (app: ImAppConfig, seconds: number, status: number) => void;

interface CachedToken {
  token: string;
  /** When to fetch a new one: a while before the real expiry. */
  renewAt: number;
}

const describeCause = (e: unknown): string => {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message;
};

/**
 * The IM host as the server reaches it: the app token (fixed, cached, or fetched once for all
 * concurrent callers) and calls under the app prefix. The proxy and the search index share it.
 */
export function createUpstream(options: { fetch?: Fetch; now?: () => number; onAnswer?: AnswerObserver } = {}) {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const tokens = new Map<string, CachedToken>();
  const pending = new Map<string, Promise<string>>();
  // How far each host is: the console is told, so it knows whether to wait for quick answers.
  const answerTimes = createAnswerTimes();

  async function upstream(app: ImAppConfig, path: string, init: RequestInit): Promise<Response> {
    const started = performance.now();
    try {
      const answer = await doFetch(`${app.host}${pathPrefix(app)}${path}`, { ...init, signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
      const ms = performance.now() - started;
      options.onAnswer?.(app, ms / 1000, answer.status);
      answerTimes.note(app.id, ms);
      return answer;
    } catch (e) {
      if ((e as Error).name === 'TimeoutError') {
        throw upstreamFailure(504, 'im_host_timeout', `no answer within ${UPSTREAM_TIMEOUT_MS / 1000} s`, app.host);
      }
      throw upstreamFailure(502, 'im_host_unreachable', describeCause(e), app.host);
    }
  }

  async function fetchToken(app: ImAppConfig): Promise<string> {
    const res = await upstream(app, '/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret }),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error_description?: string; error?: string };
    if (!res.ok || !body.access_token) {
      const reason = body.error_description ?? body.error ?? `HTTP ${res.status}`;
      // Over the rate limit is not a refusal of the credentials: say so, so callers can wait.
      if (res.status === 429) throw upstreamFailure(429, 'reach_limit', reason, app.host);
      throw upstreamFailure(502, 'im_credentials_rejected', reason, app.host);
    }
    const lifetime = (body.expires_in ?? 3600) * 1000;
    // Renew at 90% of the lifetime, so a token never expires between check and use.
    tokens.set(app.id, { token: body.access_token, renewAt: now() + lifetime * 0.9 });
    return body.access_token;
  }

  /** The app token: fixed, cached, or fetched once for all concurrent callers. */
  async function tokenFor(app: ImAppConfig, forceRenew = false): Promise<string> {
    if (app.appToken) return app.appToken;
    const cached = tokens.get(app.id);
    if (!forceRenew && cached && cached.renewAt > now()) return cached.token;
    let inFlight = pending.get(app.id);
    if (!inFlight) {
      inFlight = fetchToken(app).finally(() => pending.delete(app.id));
      pending.set(app.id, inFlight);
    }
    return inFlight;
  }

  /** `path` (after the prefix) with the app token; a 401 renews the token once and tries again. */
  async function call(app: ImAppConfig, path: string, init: (token: string) => RequestInit): Promise<Response> {
    let answer = await upstream(app, path, init(await tokenFor(app)));
    // The token may have been revoked or expired early: renew once and try again.
    if (answer.status === 401 && !app.appToken) answer = await upstream(app, path, init(await tokenFor(app, true)));
    return answer;
  }

  /** The quickest of the host's latest answers (ms), undefined before its first. */
  const quickestAnswerMs = (app: ImAppConfig) => answerTimes.quickest(app.id);

  return { upstream, tokenFor, call, quickestAnswerMs };
}

export type Upstream = ReturnType<typeof createUpstream>;
