import { Hono } from 'hono';
import type { ConsoleEnv } from '../http/context.js';
import { ConsoleError } from '../http/errors.js';
import { toPublic, type ImAppConfig } from '../im-config.js';
import type { Upstream } from '../proxy/upstream.js';

// `/im-console/apps`: the configured apps (no secrets), and whether each can be reached.

// The name is not echoed: answers never carry raw input.
export const unknownApp = () => new ConsoleError(404, 'unknown_app', 'No such app is configured.');

export function appRoutes(apps: ImAppConfig[], upstream: Upstream) {
  const byId = new Map(apps.map((a) => [a.id, a]));
  const routes = new Hono<ConsoleEnv>();

  // With how far each host is, as the server has found it so far (ms; absent before its first answer).
  routes.get('/', (c) =>
    c.json({
      apps: apps.map((a) => {
        const quickest = upstream.quickestAnswerMs(a);
        return { ...toPublic(a), ...(quickest === undefined ? {} : { quickestAnswerMs: Math.round(quickest) }) };
      }),
    }),
  );

  /** Can the server reach the host and authenticate? */
  routes.get('/:app/health', async (c) => {
    const app = byId.get(c.req.param('app'));
    if (!app) throw unknownApp();
    try {
      const res = await upstream.upstream(app, '/users?limit=1', { headers: { Authorization: `Bearer ${await upstream.tokenFor(app)}` } });
      if (res.ok) return c.json({ ok: true, host: app.host });
      const body = (await res.json().catch(() => ({}))) as { error?: string; error_description?: string };
      return c.json({ ok: false, host: app.host, status: res.status, error: body.error ?? `http_${res.status}`, error_description: body.error_description ?? '' });
    } catch (e) {
      if (e instanceof ConsoleError && 'host' in e.extra) return c.json({ ok: false, host: app.host, error: e.code, error_description: e.description });
      throw e;
    }
  });
  return routes;
}
