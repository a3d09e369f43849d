import { Hono, type Context } from 'hono';
import { decideCall, isForwarded } from '../../contract/roles.js';
import type { AuditItem } from '../audit/audit-log.js';
import { batchItems } from '../audit/batch-items.js';
import type { AuditWriter } from '../audit/record.js';
import { readChangeBody, redactPath, summarize } from '../audit/redact.js';
import type { ConsoleServices } from '../console-services.js';
import { requireCsrf } from '../http/authenticate.js';
import type { ConsoleEnv } from '../http/context.js';
import { ConsoleError } from '../http/errors.js';
import { decodeSegment, reachesToken } from '../http/paths.js';
import { rawUrl } from '../http/request.js';
import type { ImAppConfig } from '../im-config.js';
import type { Log } from '../log.js';
import type { ConsoleMetrics } from '../metrics/metrics.js';
import { callSubjects, names, parseJson, patternParams } from '../proxy/call-subjects.js';
import { userIndexEvents } from '../proxy/index-events.js';
import type { Upstream } from '../proxy/upstream.js';
import type { UserIndex } from '../user-index/index.js';
import { unknownApp } from './apps.js';

// `ANY /im/{app}/<api path>`: forwarded to `{host}{prefix}/<api path>` with the app token, when
// it is a call the console makes (contract/roles.ts lists them) and the caller's role may make it.
// A change is written to the audit log BEFORE it is forwarded, and its outcome when the answer
// comes: no change reaches the IM host without its row.

export interface ProxyDeps {
  apps: ImAppConfig[];
  upstream: Upstream;
  services?: ConsoleServices;
  index?: UserIndex;
  writer: AuditWriter;
  log: Log;
  metrics: Pick<ConsoleMetrics, 'proxied'>;
}

/** `/im/{app}/{rest}` as the browser encoded it: usernames may hold `/ ? # % ,`. */
const API_URL = /^\/im\/([^/?#]+)\/([^#]*)$/;

/** Is this call one of a batch (for per-item outcomes)? */
function isBatch(method: string, pattern: string, params: Record<string, string>, request: unknown) {
  return Array.isArray(request) || (pattern === 'users' && method === 'DELETE') || !!params.usernames?.includes(',') || names((request as { usernames?: unknown })?.usernames).length > 0;
}

export function imProxyRoutes(d: ProxyDeps) {
  const byId = new Map(d.apps.map((a) => [a.id, a]));
  const routes = new Hono<ConsoleEnv>();
  // Each call is counted once answered (refusals and failures too), labelled with what the
  // handler understood of it by then: the app once known, the pattern once judged.
  const understood = new WeakMap<Context, { app?: string; route?: string }>();
  routes.use('/*', async (c, next) => {
    await next();
    d.metrics.proxied(understood.get(c) ?? {}, c.req.method, c.res.status);
  });

  routes.all('/*', async (c: Context<ConsoleEnv>) => {
    const match = API_URL.exec(rawUrl(c));
    if (!match) throw new ConsoleError(404, 'not_found', 'Name an app and a call: /im/{app}/{path}.');
    const app = byId.get(decodeSegment(match[1]!));
    if (!app) throw unknownApp();
    const labels: { app: string; route?: string } = { app: app.id };
    understood.set(c, labels);
    const apiPath = match[2]!;
    const [path, query = ''] = splitQuery(apiPath);
    const method = c.req.method.toUpperCase();
    const caller = c.get('caller');
    const refuse = async (e: ConsoleError, action = `${method} ${path}`, target: string | null = null) => {
      await d.writer.refusal(c, e, { operator: caller.operator, app: app.id, method, path: redactPath(apiPath), action, target });
      return e;
    };

    // The token endpoint would hand a token to the browser: never forwarded, however spelt.
    if (reachesToken(path)) throw await refuse(new ConsoleError(403, 'proxy_forbidden', 'The console proxy does not forward /token'));
    if (!isForwarded(method, path)) throw await refuse(new ConsoleError(404, 'not_forwarded', 'The console does not forward this call (contract/roles.ts lists the calls it does).'));
    const decision = decideCall(caller.role, method, path);
    labels.route = decision.pattern;
    // Force offline is a GET that changes something: it needs the CSRF token like any change.
    if (decision.mutating && (method === 'GET' || method === 'HEAD')) await requireCsrf(c, d.writer);
    const action = `${method} ${decision.pattern}`;
    const params = patternParams(decision.pattern, path);
    if (!decision.allowed) {
      // The target from the path, so a search by the user or group finds the attempt too.
      throw await refuse(new ConsoleError(403, 'forbidden_role', `${caller.role} may not ${action}`, { role: caller.role }), action, callSubjects(params, undefined).target);
    }
    // A host that trims names would change `alice ` while the log says `alice `, and a search for
    // alice would not find it: names in a change's path are refused unless they read plainly.
    if (decision.mutating && Object.values(params).some(isBlurredName)) {
      throw await refuse(new ConsoleError(400, 'invalid_path', 'Names in the path may not start or end with spaces, or hold control characters or `;`.'), action);
    }

    let body = method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(await c.req.arrayBuffer());
    let auditId: number | undefined;
    let request: unknown;
    if (decision.mutating && d.services) {
      const read = readChangeBody(body);
      if (!read.ok) throw await refuse(new ConsoleError(400, 'invalid_body', `${read.reason} Nothing was sent.`), action);
      request = read.value;
      // The host gets exactly what was audited: duplicate keys and the like read one way only.
      if (request !== undefined) body = new TextEncoder().encode(JSON.stringify(request));
      const { target, subjects } = callSubjects(params, request);
      try {
        auditId = await d.writer.begin({
          time: d.services.now(),
          operator: caller.operator,
          signIn: caller.signIn ?? undefined,
          app: app.id,
          method,
          path: redactPath(apiPath),
          action,
          target,
          subjects,
          summary: summarize(query, request),
        });
      } catch (e) {
        d.log.error({ err: e, action, app: app.id }, 'audit log write failed: change not forwarded');
        throw new ConsoleError(503, 'audit_unavailable', 'The audit log cannot be written, so the change was not sent. Try again later.');
      }
    }

    const finish = async (status: number, answer?: Uint8Array) => {
      if (auditId === undefined || !d.services) return;
      let items: AuditItem[] | undefined;
      if (answer && isBatch(method, decision.pattern, params, request)) {
        const requested = [...names(Array.isArray(request) ? request : (request as { usernames?: unknown })?.usernames), ...(params.usernames?.split(',') ?? [])];
        items = batchItems(parseJson(answer), requested);
      }
      try {
        await d.services.audit.finish(auditId, d.services.now(), status, items);
      } catch (e) {
        // The intent row stands: the entry reads "outcome unknown" rather than vanishing.
        d.log.error({ err: e, action, app: app.id, auditId }, 'audit outcome write failed');
      }
    };

    const init = (token: string): RequestInit => ({
      method,
      headers: {
        Accept: 'application/json',
        // Every body the API takes is JSON (changes were checked to be), whatever the client said.
        ...(body?.length ? { 'Content-Type': 'application/json' } : {}),
        Authorization: `Bearer ${token}`,
      },
      body: body?.length ? body : undefined,
    });
    let answer: Response;
    try {
      answer = await d.upstream.call(app, `/${apiPath}`, init);
    } catch (e) {
      // Refused before the change was sent (no connection, credentials, token over the limit):
      // that is its outcome. A time-out or a cut connection may have come after the host applied
      // it: the row stays "outcome unknown" rather than claiming it failed.
      if (e instanceof ConsoleError && !mayHaveArrived(e)) await finish(e.status);
      throw e;
    }
    const payload = new Uint8Array(await answer.arrayBuffer());
    if (decision.mutating) {
      await finish(answer.status, payload);
      if (answer.ok && d.index) await d.index.apply(app.id, userIndexEvents(method, decision.pattern, params, request, parseJson(payload)));
    }
    // The host's answer is served from the console's origin: JSON as JSON, anything else as text.
    const type = answer.headers.get('content-type') ?? '';
    const headers = new Headers({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Type': /^application\/json\b/i.test(type) ? type : 'text/plain; charset=utf-8' });
    const retryAfter = answer.headers.get('retry-after');
    if (retryAfter) headers.set('Retry-After', retryAfter);
    return new Response(payload, { status: answer.status, headers });
  });
  return routes;
}

function splitQuery(apiPath: string): [string, string] {
  const at = apiPath.indexOf('?');
  return at < 0 ? [apiPath, ''] : [apiPath.slice(0, at), apiPath.slice(at + 1)];
}

/** A path name a host might read as another: edge spaces, control characters, `;parameters`. */
const isBlurredName = (value: string) =>
  value.split(',').some((name) => name !== name.trim() || [...name].some((ch) => ch === ';' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f));

/** Errors after which the host may have applied the change (time-out, connection cut mid-call). */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const mayHaveArrived = (e: ConsoleError) =>
  e.code === 'im_host_timeout' || (e.code === 'im_host_unreachable' && !NEVER_SENT.has(e.description));

