import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SSO_REFUSALS, type SsoRefusal } from '../../contract/sso.js';
import type { AuditWriter } from '../audit/record.js';
import type { ConsoleServices } from '../console-services.js';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../http/authenticate.js';
import type { ConsoleEnv } from '../http/context.js';
import { ConsoleError } from '../http/errors.js';
import { overTls, rawUrl } from '../http/request.js';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Log } from '../log.js';
import type { ConsoleMetrics } from '../metrics/metrics.js';
import { FLOW_TTL_MS } from '../sso/flows.js';
import { groupsOf, roleFromGroups, ssoOrigin } from '../sso/settings.js';

// `/im-console/sso`: single sign-on through the OpenID Connect provider (sso/oidc.ts).
//   GET /            what the sign-in page offers: {sso: {label} | null, localSignIn, refusal}
//   GET /start?return=/path   to the provider (a flow cookie binds its answer to this browser)
//   GET /callback    the provider's answer: a session and back to the page asked for, or refused
// A refusal goes back to the sign-in page, which asks `GET /` why (a cookie read once), so the
// reason is in the page's language and never in a URL.

const FLOW_COOKIE = 'im_console_sso_flow';
const REFUSAL_COOKIE = 'im_console_sso_refusal';
const COOKIE_PATH = '/im-console/sso';
const CALLBACK_PATH = 'im-console/sso/callback';

/** Same-origin paths only: `//evil.example` or `/\evil` would leave the console. */
export function safeReturnPath(raw: string | undefined): string {
  if (!raw || raw.length > 2000 || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  // Control characters (a header split, a browser that strips a tab) never reach a Location.
  if ([...raw].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return '/';
  return raw;
}

export function ssoRoutes(services: ConsoleServices | undefined, writer: AuditWriter, log: Log, metrics: Pick<ConsoleMetrics, 'signIn'>) {
  const routes = new Hono<ConsoleEnv>();
  const sso = services?.signInRequired ? services.sso : undefined;

  routes.get('/', (c) => {
    c.header('Cache-Control', 'no-store');
    const refusal = getCookie(c, REFUSAL_COOKIE);
    if (refusal) deleteCookie(c, REFUSAL_COOKIE, { path: COOKIE_PATH });
    return c.json({
      sso: sso ? { label: sso.settings.label } : null,
      localSignIn: services?.localSignIn ?? true,
      refusal: (SSO_REFUSALS as readonly string[]).includes(refusal ?? '') ? refusal : null,
    });
  });
  if (!sso || !services) return routes;
  const s = services;

  const secure = (c: Context<ConsoleEnv>) => overTls(c, s.trustProxy);
  const redirectUri = (c: Context<ConsoleEnv>) => sso.settings.redirectUri ?? `${ssoOrigin(c, sso.settings, s.trustProxy)}/${CALLBACK_PATH}`;

  /** Back to the sign-in page with the reason; whoever this browser was signed in as is signed out. */
  const refuse = async (c: Context<ConsoleEnv>, code: SsoRefusal, status: ContentfulStatusCode, message: string, returnTo: string, target?: string) => {
    metrics.signIn('sso', 'refused');
    await writer.refusal(c, new ConsoleError(status, code, message), { operator: null, app: '', method: 'GET', path: CALLBACK_PATH, action: `GET ${CALLBACK_PATH}`, target });
    await s.sessions.destroy(sessionToken(c));
    clearSessionCookie(c, secure(c));
    setCookie(c, REFUSAL_COOKIE, code, { path: COOKIE_PATH, httpOnly: true, sameSite: 'Lax', secure: secure(c), maxAge: 300 });
    c.header('Cache-Control', 'no-store');
    return c.redirect(returnTo, 303);
  };

  routes.get('/start', async (c) => {
    const returnTo = safeReturnPath(c.req.query('return'));
    let started;
    try {
      started = await sso.oidc.start(redirectUri(c));
    } catch (e) {
      log.error({ err: e, issuer: sso.settings.issuer.href }, 'single sign-on: the provider could not be reached');
      return refuse(c, 'sso_unavailable', 502, 'The identity provider could not be reached.', returnTo);
    }
    const flow = await sso.flows.save(started.checks, returnTo);
    // Lax: the provider's answer comes back as a top-level navigation from its own site.
    setCookie(c, FLOW_COOKIE, flow, { path: COOKIE_PATH, httpOnly: true, sameSite: 'Lax', secure: secure(c), maxAge: FLOW_TTL_MS / 1000 });
    c.header('Cache-Control', 'no-store');
    return c.redirect(started.url.href, 303);
  });

  routes.get('/callback', async (c) => {
    const flow = await sso.flows.take(getCookie(c, FLOW_COOKIE));
    deleteCookie(c, FLOW_COOKIE, { path: COOKIE_PATH });
    const returnTo = flow?.returnTo ?? '/';
    // No flow: this browser started none, or used it already (a replayed answer), or took too long.
    if (!flow) return refuse(c, 'sso_no_flow', 400, 'No sign-in was in progress in this browser, or it was used already.', '/');
    const query = rawUrl(c).split('?').slice(1).join('?');
    const providerError = new URLSearchParams(query).get('error');
    if (providerError) return refuse(c, 'sso_provider_error', 401, `The identity provider answered ${providerError.slice(0, 100)}.`, returnTo);

    let identity;
    try {
      identity = await sso.oidc.finish(query, flow.checks);
    } catch (e) {
      // A wrong state, signature, audience, issuer, nonce or expiry, or a code used before.
      log.warn({ err: e }, 'single sign-on: answer refused');
      return refuse(c, 'sso_invalid_response', 401, 'The identity provider\'s answer did not pass its checks.', returnTo);
    }
    const { allowedEmailDomains, rolesClaim, roleMap } = sso.settings;
    if (allowedEmailDomains.length > 0) {
      const domain = identity.email?.split('@').pop()?.toLowerCase();
      if (!domain || !allowedEmailDomains.includes(domain) || identity.claims.email_verified === false) {
        return refuse(c, 'sso_email_domain', 403, `${identity.email ?? 'No email'} is not in an allowed domain.`, returnTo, identity.name);
      }
    }
    const role = roleFromGroups(groupsOf(identity.claims[rolesClaim]), roleMap);
    if (!role) return refuse(c, 'sso_no_role', 403, `None of ${identity.name}'s groups gives a role in the console.`, returnTo, identity.name);
    const operator = await s.operators.ssoSignIn(identity.subject, identity.name, role);
    if (operator.disabled) return refuse(c, 'sso_disabled', 403, `${operator.username} is disabled in the console.`, returnTo, operator.username);

    // A new sign-in ends the browser's earlier session (session fixation, a shared machine).
    await s.sessions.destroy(sessionToken(c));
    const { token } = await s.sessions.create(operator.id, 'sso');
    await s.operators.signedIn(operator.id);
    await writer.record(c, {
      operator: operator.username,
      app: '',
      method: 'GET',
      path: CALLBACK_PATH,
      action: `GET ${CALLBACK_PATH}`,
      target: operator.username,
      subjects: [operator.username],
      summary: JSON.stringify({ role }),
      status: 200,
      signIn: 'sso',
    });
    metrics.signIn('sso', 'ok');
    setSessionCookie(c, token, Math.floor(s.maxMs / 1000), secure(c));
    c.header('Cache-Control', 'no-store');
    return c.redirect(returnTo, 303);
  });

  return routes;
}
