import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathPrefix, toPublic, type ImAppConfig } from './im-config.js';

// The browser calls only same-origin paths:
//   GET  /im-console/apps               the configured apps (no secrets)
//   GET  /im-console/apps/{id}/health   can the proxy reach the host and authenticate?
//   ANY  /im/{id}/<api path>            forwarded to {host}{prefix}/<api path> with the app token
// The app token and the client secret live only here.

export const API_BASE = '/im';
export const CONSOLE_BASE = '/im-console';
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const UPSTREAM_TIMEOUT_MS = 30_000;

type Fetch = typeof fetch;

interface CachedToken {
  token: string;
  /** When to fetch a new one: a while before the real expiry. */
  renewAt: number;
}

export interface ProxyOptions {
  fetch?: Fetch;
  now?: () => number;
}

/** A failure of the proxy itself (host unreachable, credentials refused), shaped like the API's errors. */
class ProxyFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly host: string,
  ) {
    super(description);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendFailure(res: ServerResponse, f: ProxyFailure) {
  sendJson(res, f.status, { error: f.error, error_description: f.description, host: f.host, timestamp: Date.now() });
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ProxyFailure(413, 'request_too_large', `request body larger than ${MAX_BODY_BYTES} bytes`, ''));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length ? Buffer.concat(chunks) : undefined));
    req.on('error', reject);
  });
}

const describeCause = (e: unknown): string => {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message;
};

export function createImProxy(apps: ImAppConfig[], options: ProxyOptions = {}) {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const byId = new Map(apps.map((a) => [a.id, a]));
  const tokens = new Map<string, CachedToken>();
  const pending = new Map<string, Promise<string>>();

  async function upstream(app: ImAppConfig, path: string, init: RequestInit): Promise<Response> {
    try {
      return await doFetch(`${app.host}${pathPrefix(app)}${path}`, { ...init, signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
    } catch (e) {
      if ((e as Error).name === 'TimeoutError') {
        throw new ProxyFailure(504, 'im_host_timeout', `no answer within ${UPSTREAM_TIMEOUT_MS / 1000} s`, app.host);
      }
      throw new ProxyFailure(502, 'im_host_unreachable', describeCause(e), app.host);
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
      throw new ProxyFailure(502, 'im_credentials_rejected', reason, app.host);
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

  async function forward(app: ImAppConfig, path: string, req: IncomingMessage, res: ServerResponse) {
    // The token endpoint would hand a token to the browser: never forwarded.
    if (/^\/token(\?|$|\/)/.test(path)) {
      sendJson(res, 403, { error: 'proxy_forbidden', error_description: 'The console proxy does not forward /token', timestamp: Date.now() });
      return;
    }
    const body = await readBody(req);
    const send = async (token: string) =>
      upstream(app, path, {
        method: req.method,
        headers: {
          Accept: 'application/json',
          ...(body ? { 'Content-Type': req.headers['content-type'] ?? 'application/json' } : {}),
          Authorization: `Bearer ${token}`,
        },
        body: body && req.method !== 'GET' && req.method !== 'HEAD' ? new Uint8Array(body) : undefined,
      });
    let answer = await send(await tokenFor(app));
    if (answer.status === 401 && !app.appToken) {
      // The token may have been revoked or expired early: renew once and try again.
      answer = await send(await tokenFor(app, true));
    }
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    for (const name of ['content-type', 'retry-after']) {
      const v = answer.headers.get(name);
      if (v) headers[name] = v;
    }
    const payload = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, headers);
    res.end(payload);
  }

  async function health(app: ImAppConfig) {
    try {
      const res = await upstream(app, '/users?limit=1', { headers: { Authorization: `Bearer ${await tokenFor(app)}` } });
      if (res.ok) return { ok: true, host: app.host };
      const body = (await res.json().catch(() => ({}))) as { error?: string; error_description?: string };
      return { ok: false, host: app.host, status: res.status, error: body.error ?? `http_${res.status}`, error_description: body.error_description ?? '' };
    } catch (e) {
      if (e instanceof ProxyFailure) return { ok: false, host: app.host, error: e.error, error_description: e.description };
      throw e;
    }
  }

  /** Connect-style middleware for Vite's dev and preview servers (and any Node server). */
  return async function imProxy(req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) {
    const raw = req.url ?? '/';
    try {
      if (raw === CONSOLE_BASE + '/apps' || raw.startsWith(CONSOLE_BASE + '/apps?')) {
        sendJson(res, 200, { apps: apps.map(toPublic) });
        return;
      }
      const healthMatch = /^\/im-console\/apps\/([^/?]+)\/health(?:\?|$)/.exec(raw);
      if (healthMatch) {
        const app = byId.get(decodeURIComponent(healthMatch[1]!));
        if (!app) return sendJson(res, 404, { error: 'unknown_app', error_description: `No app "${healthMatch[1]}" is configured` });
        sendJson(res, 200, await health(app));
        return;
      }
      // Keep the path exactly as the browser encoded it: usernames may hold `/ ? # % ,`.
      const apiMatch = /^\/im\/([^/?]+)(\/[^#]*)$/.exec(raw);
      if (apiMatch) {
        const app = byId.get(decodeURIComponent(apiMatch[1]!));
        if (!app) return sendJson(res, 404, { error: 'unknown_app', error_description: `No app "${apiMatch[1]}" is configured` });
        await forward(app, apiMatch[2]!, req, res);
        return;
      }
      next();
    } catch (e) {
      if (e instanceof ProxyFailure) sendFailure(res, e);
      else next(e);
    }
  };
}
