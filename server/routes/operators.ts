import { randomBytes } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { ROLES } from '../../contract/roles.js';
import type { AuditWriter } from '../audit/record.js';
import type { ConsoleServices } from '../console-services.js';
import type { ConsoleEnv } from '../http/context.js';
import { ConsoleError } from '../http/errors.js';
import { validJson } from '../http/validate.js';
import { OperatorError, type Operator } from '../operators.js';

// `/im-console/operators`, for admins: the console's operators and what an admin may do to them
// without a shell (the CLI, `npm run operator`, keeps working). Every change is audited. The last
// enabled admin can be neither disabled nor demoted here, so the console always has one.
//   GET    /                      the list: role, how they sign in, last sign-in, state
//   POST   /                      {username, role}: a local operator with a password shown once
//   PATCH  /{name}                {role?, disabled?}
//   POST   /{name}/password       a new password, shown once (their sessions end)
//   DELETE /{name}/second-factor  removes their TOTP and recovery codes (their sessions end)
//   DELETE /{name}/sessions       ends their sessions

const PATH = 'im-console/operators';

const addBody = z.object({ username: z.string().min(1).max(64), role: z.enum(ROLES) });
const changeBody = z
  .object({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional() })
  .refine((b) => b.role !== undefined || b.disabled !== undefined, { message: 'give a role or disabled' });

/** A password for a new or reset account, shown once to the admin who passes it on. */
const oneTimePassword = () => randomBytes(15).toString('base64url');

/** How an operator signs in, for the list. */
const signInOf = (o: Operator) => (o.sso ? 'sso' : o.secondFactor ? 'password+totp' : 'password');

const view = (o: Operator) => ({
  username: o.username,
  role: o.role,
  signIn: signInOf(o),
  disabled: o.disabled,
  lastSignInAt: o.lastSignInAt === null ? null : new Date(o.lastSignInAt).toISOString(),
  createdAt: new Date(o.createdAt).toISOString(),
});

export function operatorRoutes(services: ConsoleServices, writer: AuditWriter) {
  const s = services;
  const routes = new Hono<ConsoleEnv>();

  // The role first: a non-admin's attempt is refused (and audited) whatever it asks.
  const adminsOnly: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
    const { role, operator } = c.get('caller');
    if (role !== 'admin') {
      const method = c.req.method.toUpperCase();
      const e = new ConsoleError(403, 'forbidden_role', `${role} may not ${method} operators`, { role });
      await writer.refusal(c, e, { operator, app: '', method, path: PATH, action: `${method} ${PATH}` });
      throw e;
    }
    await next();
  };
  routes.use('*', adminsOnly);

  /** `tail`: after the base path, `{name}` for the operator's (e.g. `/{name}/password`). */
  const audit = (c: Context<ConsoleEnv>, method: string, tail: string, target: string, summary: string) =>
    writer.record(c, {
      operator: c.get('caller').operator,
      app: '',
      method,
      path: `${PATH}${tail.replace('{name}', target)}`,
      action: `${method} ${PATH}${tail}`,
      target,
      subjects: [target],
      summary,
      status: 200,
    });
  const existing = async (name: string) => {
    const o = await s.operators.get(name);
    if (!o) throw new ConsoleError(404, 'no_operator', `No operator "${name}".`);
    return o;
  };
  /** The operator's own errors (a bad name, one that exists) are the admin's to read. */
  const asked = async <T>(run: () => T | Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      if (e instanceof OperatorError) throw new ConsoleError(400, 'invalid_operator', e.message);
      throw e;
    }
  };

  routes.get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ operators: (await s.operators.list()).map(view) });
  });

  routes.post('/', validJson(addBody), async (c) => {
    const { username, role } = c.req.valid('json');
    const password = oneTimePassword();
    const o = await asked(() => s.operators.add(username, role, password));
    await audit(c, 'POST', '', o.username, JSON.stringify({ role }));
    c.header('Cache-Control', 'no-store');
    return c.json({ operator: view(o), password }, 201);
  });

  routes.patch('/:name', validJson(changeBody), async (c) => {
    const o = await existing(c.req.param('name'));
    const { role, disabled } = c.req.valid('json');
    const losesAdmin = o.role === 'admin' && !o.disabled && ((role !== undefined && role !== 'admin') || disabled === true);
    if (losesAdmin && (await s.operators.activeAdmins()) <= 1) {
      throw new ConsoleError(409, 'last_admin', `${o.username} is the last enabled admin: make another admin first.`);
    }
    // Set again from the provider's groups at their every sign-in: a change here would not last.
    if (o.sso && role !== undefined && role !== o.role) {
      throw new ConsoleError(409, 'role_from_provider', `${o.username} signs in through the identity provider, which gives their role: change their groups there.`);
    }
    if (role !== undefined && role !== o.role) await asked(() => s.operators.setRole(o.username, role));
    if (disabled === true && !o.disabled) await s.operators.disable(o.username);
    if (disabled === false && o.disabled) await s.operators.enable(o.username);
    await audit(c, 'PATCH', '/{name}', o.username, JSON.stringify({ role, disabled }));
    return c.json({ operator: view(await existing(o.username)) });
  });

  routes.post('/:name/password', async (c) => {
    const o = await existing(c.req.param('name'));
    if (o.sso) throw new ConsoleError(409, 'sso_operator', `${o.username} signs in through the identity provider and has no password here.`);
    const password = oneTimePassword();
    await s.operators.resetPassword(o.username, password);
    await audit(c, 'POST', '/{name}/password', o.username, '{"password":"[redacted]"}');
    c.header('Cache-Control', 'no-store');
    return c.json({ password });
  });

  routes.delete('/:name/second-factor', async (c) => {
    const o = await existing(c.req.param('name'));
    await s.secondFactor.reset(o.id);
    await audit(c, 'DELETE', '/{name}/second-factor', o.username, '');
    return c.body(null, 204);
  });

  routes.delete('/:name/sessions', async (c) => {
    const o = await existing(c.req.param('name'));
    const ended = await s.operators.endSessions(o.username);
    await audit(c, 'DELETE', '/{name}/sessions', o.username, JSON.stringify({ ended }));
    return c.body(null, 204);
  });

  return routes;
}
