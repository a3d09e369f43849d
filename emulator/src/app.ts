import { createHash } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Db } from './db/schema.js';
import { requireAppToken } from './http/auth.js';
import { ImError } from './http/errors.js';
import { createFaultSwitch, faultControlRoutes } from './http/faults.js';
import { latency, rateLimit } from './http/pacing.js';
import type { EmulatorContext, EmulatorOptions, Env, Scheme } from './http/types.js';
import { contactRoutes } from './routes/contacts.js';
import { groupAdminRoutes } from './routes/group-admins.js';
import { groupAttributeRoutes } from './routes/group-attributes.js';
import { groupListRoutes } from './routes/group-lists.js';
import { groupMemberRoutes } from './routes/group-members.js';
import { groupRoutes } from './routes/groups.js';
import { tokenRoutes } from './routes/token.js';
import { userRoutes } from './routes/users.js';

export const DEFAULT_OPTIONS: EmulatorOptions = {
  org: 'demo',
  app: 'console',
  appId: 'demoappid',
  clientId: 'demo-client-id',
  clientSecret: 'demo-client-secret',
  friendCap: 3000,
  blockCap: 500,
  joinedGroupCap: 600,
  rate: 0,
  latency: 0,
  defaultTokenTtl: 5_184_000,
  maxBodyBytes: 1024 * 1024,
};

function appUuidOf(options: EmulatorOptions): string {
  const h = createHash('sha1').update(`${options.org}#${options.app}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function errorResponse(c: Context<Env>, err: ImError) {
  const started = c.get('started') ?? Date.now();
  for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
  return c.json(err.body(Date.now(), Date.now() - started), err.status);
}

function onError(err: Error, c: Context<Env>) {
  if (err instanceof ImError) return errorResponse(c, err);
  console.error('[emulator] unexpected error on', c.req.method, c.req.path, err);
  return errorResponse(c, new ImError(500, 'internal_error', `unexpected error: ${err.message}`));
}

/** Builds the HTTP app over an open database. One app, reachable under both path schemes. */
export function createEmulatorApp(db: Db, overrides: Partial<EmulatorOptions> = {}, now: () => number = Date.now) {
  const options = { ...DEFAULT_OPTIONS, ...overrides };
  const emu: EmulatorContext = { db, options, appUuid: appUuidOf(options), now };
  const faults = createFaultSwitch();

  const api = new Hono<Env>()
    .use(
      bodyLimit({
        maxSize: options.maxBodyBytes,
        // The rest of the body is never read, so the connection cannot be reused.
        onError: (c) =>
          errorResponse(
            c,
            new ImError(400, 'illegal_argument', `request body larger than ${options.maxBodyBytes} bytes`, { Connection: 'close' }),
          ),
      }),
    )
    // Before the rate limit and auth: a fault stands in for whatever the service would have said.
    .use(faults.middleware)
    .use(latency(options.latency))
    .use(rateLimit(options.rate))
    .use(requireAppToken)
    .route('/', tokenRoutes)
    .route('/', userRoutes)
    .route('/', contactRoutes)
    .route('/', groupRoutes)
    .route('/', groupMemberRoutes)
    .route('/', groupAdminRoutes)
    .route('/', groupListRoutes)
    .route('/', groupAttributeRoutes);
  api.onError(onError);

  const scheme =
    (kind: Scheme): MiddlewareHandler<Env> =>
    async (c, next) => {
      const [first, second] = c.req.path.split('/').filter(Boolean) as [string, string];
      if (kind === 'easemob' && first === 'app-id') return next();
      const known = kind === 'agora' ? second === options.appId : first === options.org && second === options.app;
      if (!known) {
        throw new ImError(
          404,
          'organization_application_not_found',
          `Could not find application for ${first}/${second} from URI: ${c.req.path.slice(1)}`,
        );
      }
      c.set('scheme', kind);
      c.set('prefix', `/${first}/${second}`);
      return next();
    };

  const root = new Hono<Env>();
  root.use(async (c, next) => {
    c.set('started', Date.now());
    c.set('emu', emu);
    await next();
  });
  root.get('/', (c) =>
    c.json({
      emulator: 'Easemob / Agora Chat IM REST API emulator',
      easemob: `/${options.org}/${options.app}`,
      agora: `/app-id/${options.appId}`,
    }),
  );
  // Outside both app prefixes, so no app path can collide with it.
  root.route('/_emulator/faults', faultControlRoutes(faults));
  root.use('/app-id/:appId/*', scheme('agora'));
  root.route('/app-id/:appId', api);
  root.use('/:org/:app/*', scheme('easemob'));
  root.route('/:org/:app', api);
  root.notFound((c) => errorResponse(c, new ImError(404, 'service_resource_not_found', 'Service resource not found')));
  root.onError(onError);
  return { app: root, options, appUuid: emu.appUuid, faults };
}
