import { Hono, type Context } from 'hono';
import * as z from 'zod';
import type { AuditWriter } from '../audit/record.js';
import type { ConsoleServices } from '../console-services.js';
import { authenticate, clearSessionCookie, sessionToken, setSessionCookie, signedOut } from '../http/authenticate.js';
import type { ConsoleEnv } from '../http/context.js';
import type { ConsoleMetrics } from '../metrics/metrics.js';
import { ConsoleError } from '../http/errors.js';
import { clientAddress, overTls } from '../http/request.js';
import { ssoOrigin } from '../sso/settings.js';
import { validJson } from '../http/validate.js';
import type { Role } from '../../contract/roles.js';
import { isOperatorName } from '../operators.js';

// `/im-console/session`: sign in (POST), who am I (GET), sign out (DELETE).

const SESSION_PATH = 'im-console/session';
const NO_SIGN_IN = { username: null, role: 'admin', csrfToken: null, signInRequired: false } as const;

const signInBody = z.object({
  // Bounded before anything else reads them; the name's own rules are checked below, audited.
  username: z.string().min(1).max(1024),
  password: z.string().min(1).max(1024),
  /** The second factor: a TOTP code or a recovery code, when the account has one. */
  code: z.string().max(64).optional(),
});

const wrongCredentials = () => new ConsoleError(401, 'invalid_credentials', 'Wrong name or password, or the account is disabled.');
const localSignInOff = () => new ConsoleError(403, 'local_sign_in_off', 'Sign in through the identity provider: password sign-in is turned off.');
const codeNeeded = () => new ConsoleError(401, 'second_factor_required', 'Enter the code from your authenticator app, or a recovery code.');
const wrongCode = () => new ConsoleError(401, 'invalid_second_factor', 'Wrong or already used code.');

export function sessionRoutes(services: ConsoleServices | undefined, writer: AuditWriter, metrics: Pick<ConsoleMetrics, 'signIn'>) {
  const routes = new Hono<ConsoleEnv>();

  if (!services?.signInRequired) {
    routes.get('/', (c) => c.json(NO_SIGN_IN));
    routes.delete('/', (c) => c.body(null, 204));
    return routes;
  }
  const s = services;

  /** Sign-ins, kept or refused, and sign-outs: who could act, since when, from where. */
  const audit = (c: Context<ConsoleEnv>, method: 'POST' | 'DELETE', operator: string | null, name: string, status: number, refusal?: string, signIn?: string) =>
    writer.record(c, { operator, app: '', method, path: SESSION_PATH, action: `${method} ${SESSION_PATH}`, target: name, subjects: [name], summary: '', status, refusal, signIn });

  /** How the session signed in, and whether it must enrol a second factor before anything else. */
  const who = (enrolled: boolean, role: Role, signIn: string) => ({
    signIn,
    secondFactor: { enrolled, required: s.requiresSecondFactor(role) && signIn !== 'sso' },
  });

  routes.post(
    '/',
    async (c, next) => {
      // JSON only: a cross-site form cannot send it without a preflight, so no page can sign a
      // visitor in under someone else's account.
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
        throw new ConsoleError(415, 'unsupported_media_type', 'Send the sign-in as application/json.');
      }
      await next();
    },
    async (c, next) => {
      if (!s.localSignIn) {
        const e = localSignInOff();
        metrics.signIn('password', 'refused');
        await writer.refusal(c, e, { operator: null, app: '', method: 'POST', path: SESSION_PATH, action: `POST ${SESSION_PATH}` });
        throw e;
      }
      await next();
    },
    validJson(signInBody),
    async (c) => {
      const { username, password, code } = c.req.valid('json');
      const address = clientAddress(c, s.trustProxy);
      // A name that cannot be an operator's is refused unread, but counted like a wrong password.
      const validName = isOperatorName(username);
      const name = validName ? username.trim().toLowerCase() : username.slice(0, 100);
      const attempt = await s.throttle.reserve(name, address);
      if (attempt.refused) {
        const e = new ConsoleError(
          429,
          'too_many_attempts',
          `Too many failed sign-ins. Try again in ${attempt.retryAfterSeconds} s.`,
          { retry_after_seconds: attempt.retryAfterSeconds },
          { 'Retry-After': String(attempt.retryAfterSeconds) },
        );
        metrics.signIn('password', 'throttled');
        await writer.refusal(c, e, { operator: null, app: '', method: 'POST', path: SESSION_PATH, action: `POST ${SESSION_PATH}`, target: name });
        throw e;
      }
      if (!validName) {
        await attempt.settle(false);
        const e = wrongCredentials();
        metrics.signIn('password', 'refused');
        await writer.refusal(c, new ConsoleError(401, 'invalid_name', e.description), { operator: null, app: '', method: 'POST', path: SESSION_PATH, action: `POST ${SESSION_PATH}`, target: name });
        throw e;
      }
      let operator;
      // The password, then the second factor when the account has one; a missing or wrong code
      // counts as a failed attempt like a wrong password (so codes are throttled the same way).
      let refusal: ConsoleError | undefined;
      let signIn = 'password';
      try {
        if (attempt.delayMs > 0) await s.sleep(attempt.delayMs);
        operator = await s.operators.verify(name, password);
        if (!operator) refusal = wrongCredentials();
        else if (operator.secondFactor) {
          const check = code ? await s.secondFactor.check(operator.id, code) : undefined;
          if (check) signIn = `password+${check}`;
          else refusal = code ? wrongCode() : codeNeeded();
        }
      } finally {
        // Settled however the check ends: an attempt left in flight would count for a whole window.
        await attempt.settle(!!operator && !refusal);
      }
      if (!operator || refusal) {
        const e = refusal ?? wrongCredentials();
        // A right password waiting for its code is no refusal yet: the sign-in goes on.
        if (e.code !== 'second_factor_required') metrics.signIn('password', 'refused');
        await audit(c, 'POST', null, name, 401, e.code);
        throw e;
      }
      // A new sign-in ends the browser's earlier session (session fixation, a shared machine).
      await s.sessions.destroy(sessionToken(c));
      const { token, csrfToken } = await s.sessions.create(operator.id, signIn);
      await s.operators.signedIn(operator.id);
      await audit(c, 'POST', operator.username, operator.username, 200, undefined, signIn);
      metrics.signIn('password', 'ok');
      setSessionCookie(c, token, Math.floor(s.maxMs / 1000), overTls(c, s.trustProxy));
      c.header('Cache-Control', 'no-store');
      return c.json({ ...who(operator.secondFactor, operator.role, signIn), username: operator.username, role: operator.role, csrfToken, signInRequired: true });
    },
  );

  routes.get('/', async (c) => {
    const session = await s.sessions.get(sessionToken(c));
    if (!session) throw signedOut();
    c.header('Cache-Control', 'no-store');
    return c.json({ ...who(session.secondFactor, session.role, session.signIn), username: session.username, role: session.role, csrfToken: session.csrfToken, signInRequired: true });
  });

  routes.delete('/', authenticate(s, writer), async (c) => {
    const { operator, signIn } = c.get('caller');
    await s.sessions.destroy(sessionToken(c));
    if (operator) await audit(c, 'DELETE', operator, operator, 204);
    clearSessionCookie(c, overTls(c, s.trustProxy));
    // Signed in through the provider: its own sign-out page too, when it has one, so the next
    // person at this browser is not signed straight back in.
    if (signIn === 'sso' && s.sso) {
      const endSessionUrl = await s.sso.oidc.endSessionUrl(`${ssoOrigin(c, s.sso.settings, s.trustProxy)}/`);
      if (endSessionUrl) return c.json({ endSessionUrl });
    }
    return c.body(null, 204);
  });

  routes.all('/', (c) => {
    throw new ConsoleError(405, 'method_not_allowed', `${c.req.method} is not supported here`, {}, { Allow: 'GET, POST, DELETE' });
  });
  return routes;
}
