import { Hono, type Context } from 'hono';
import QRCode from 'qrcode';
import * as z from 'zod';
import type { AuditWriter } from '../audit/record.js';
import type { ConsoleServices } from '../console-services.js';
import type { ConsoleEnv } from '../http/context.js';
import { ConsoleError } from '../http/errors.js';
import { validJson } from '../http/validate.js';

// `/im-console/account`: the signed-in operator's own account. GET: how they signed in and their
// second factor; POST second-factor: a new TOTP secret (and its QR code) to confirm;
// POST second-factor/confirm {code}: the first code makes it theirs and brings ten recovery codes,
// shown this once.

const ACCOUNT_PATH = 'im-console/account/second-factor';

const confirmBody = z.object({ code: z.string().min(1).max(64) });

export function accountRoutes(services: ConsoleServices, writer: AuditWriter) {
  const s = services;
  const routes = new Hono<ConsoleEnv>();

  /** The caller's operator record; a session outlives nothing, so it exists. */
  const me = async (c: Context<ConsoleEnv>) => {
    const name = c.get('caller').operator;
    const operator = name === null ? undefined : await s.operators.get(name);
    if (!operator) throw new ConsoleError(404, 'no_account', 'Sign in with an operator account to see it.');
    return operator;
  };
  const audit = (c: Context<ConsoleEnv>, path: string, status: number, refusal?: string) => {
    const operator = c.get('caller').operator;
    return writer.record(c, { operator, app: '', method: 'POST', path, action: `POST ${path}`, target: operator, subjects: operator ? [operator] : [], summary: '', status, refusal });
  };

  routes.get('/', async (c) => {
    const operator = await me(c);
    const { signIn, role } = c.get('caller');
    c.header('Cache-Control', 'no-store');
    return c.json({
      username: operator.username,
      role,
      signIn,
      secondFactor: {
        enrolled: operator.secondFactor,
        required: s.requiresSecondFactor(role) && signIn !== 'sso',
        recoveryCodesLeft: await s.secondFactor.recoveryCodesLeft(operator.id),
      },
    });
  });

  routes.post('/second-factor', async (c) => {
    const operator = await me(c);
    if (operator.secondFactor) {
      throw new ConsoleError(409, 'second_factor_enrolled', 'This account has a second factor already; an admin can reset it.');
    }
    const { secret, uri } = await s.secondFactor.begin(operator.id, operator.username);
    await audit(c, ACCOUNT_PATH, 200);
    c.header('Cache-Control', 'no-store');
    return c.json({ secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) });
  });

  routes.post('/second-factor/confirm', validJson(confirmBody), async (c) => {
    const operator = await me(c);
    const codes = await s.secondFactor.confirm(operator.id, c.req.valid('json').code);
    if (!codes) {
      await audit(c, `${ACCOUNT_PATH}/confirm`, 400, 'invalid_second_factor');
      throw new ConsoleError(400, 'invalid_second_factor', 'That code does not match; check the time on your phone and try the next one.');
    }
    await audit(c, `${ACCOUNT_PATH}/confirm`, 200);
    c.header('Cache-Control', 'no-store');
    return c.json({ recoveryCodes: codes });
  });

  return routes;
}
