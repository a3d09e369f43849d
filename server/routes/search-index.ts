import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { canUseConsoleRoute } from '../../contract/roles.js';
import type { AuditWriter } from '../audit/record.js';
import type { ConsoleEnv } from '../http/context.js';
import { ConsoleError } from '../http/errors.js';
import { validJson, validQuery } from '../http/validate.js';
import type { ImAppConfig } from '../im-config.js';
import { IndexBusyError, type UserIndex } from '../user-index/index.js';
import { unknownApp } from './apps.js';

// `/im-console/apps/{app}/users/search` (the local user index, by any part of a name) and
// `/im-console/apps/{app}/users/index` (its state; build, re-walk, cancel; drop).

const searchQuery = z.object({
  q: z.string().max(200).default(''),
  limit: z.coerce.number().int().positive().optional(),
  cursor: z.string().regex(/^\d{1,9}$/, 'is not one this server gave').optional(),
});

const indexAction = z.object({ action: z.enum(['build', 'rewalk', 'cancel']) });

export function searchIndexRoutes(apps: ImAppConfig[], index: UserIndex | undefined, writer: AuditWriter) {
  const byId = new Map(apps.map((a) => [a.id, a]));
  const routes = new Hono<ConsoleEnv>();

  /** The app, once the caller's role may use this route and the server keeps an index. */
  const appFor = async (c: Context<ConsoleEnv>, what: 'search' | 'index') => {
    const id = c.req.param('app') ?? '';
    const app = byId.get(id);
    if (!app) throw unknownApp();
    const { role } = c.get('caller');
    const method = c.req.method.toUpperCase();
    if (!canUseConsoleRoute(role, method, `apps/${app.id}/users/${what}`)) {
      const e = new ConsoleError(403, 'forbidden_role', `${role} may not ${method} apps/{app}/users/${what}`, { role });
      const path = `im-console/apps/${app.id}/users/${what}`;
      await writer.refusal(c, e, { operator: c.get('caller').operator, app: app.id, method, path, action: `${method} im-console/apps/{app}/users/${what}` });
      throw e;
    }
    if (!index) throw new ConsoleError(404, 'not_found', 'No search index is kept here.');
    return { app, index };
  };

  const record = (c: Context<ConsoleEnv>, app: string, summary: string, status: number) => {
    const method = c.req.method.toUpperCase();
    return writer.record(c, {
      operator: c.get('caller').operator,
      app,
      method,
      path: `im-console/apps/${app}/users/index`,
      action: `${method} im-console/apps/{app}/users/index`,
      target: null,
      subjects: [],
      summary,
      status,
    });
  };

  routes.get('/:app/users/search', validQuery(searchQuery), async (c) => {
    const { app, index } = await appFor(c, 'search');
    const { q, limit, cursor } = c.req.valid('query');
    const [page, status] = await Promise.all([index.search(app.id, q, { limit, cursor }), index.status(app.id)]);
    // While the first walk runs, the page says how many users the search covered so far.
    return c.json({ ...page, indexedAt: status.lastBuiltAt, building: status.building !== null, count: status.count });
  });

  routes.get('/:app/users/index', async (c) => {
    const { app, index } = await appFor(c, 'index');
    return c.json(await index.status(app.id));
  });

  routes.delete('/:app/users/index', async (c) => {
    const { app, index } = await appFor(c, 'index');
    await index.drop(app.id);
    await record(c, app.id, '', 200);
    return c.json(await index.status(app.id));
  });

  routes.post(
    '/:app/users/index',
    async (c, next) => {
      await appFor(c, 'index');
      await next();
    },
    validJson(indexAction),
    async (c) => {
      const { app, index } = await appFor(c, 'index');
      const { action } = c.req.valid('json');
      if (action === 'cancel') {
        await index.cancel(app.id, { byOperator: true });
        await record(c, app.id, JSON.stringify({ action }), 200);
        return c.json(await index.status(app.id));
      }
      try {
        await index.start(app.id, action);
      } catch (e) {
        if (e instanceof IndexBusyError) throw new ConsoleError(409, 'index_busy', e.message);
        throw e;
      }
      await record(c, app.id, JSON.stringify({ action }), 202);
      return c.json(await index.status(app.id), 202);
    },
  );

  for (const [path, allow] of [
    ['/:app/users/search', 'GET, HEAD'],
    ['/:app/users/index', 'GET, HEAD, POST, DELETE'],
  ] as const) {
    routes.all(path, (c) => {
      throw new ConsoleError(405, 'method_not_allowed', `${c.req.method} is not supported here`, {}, { Allow: allow });
    });
  }
  return routes;
}
