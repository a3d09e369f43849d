import { createPrivateKey, createSign, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomFetch } from './sso/oidc.js';
import { readSsoSettings, type SsoSettings } from './sso/settings.js';
import { addOperators, consolesOnEmulator, PASSWORD, signIn, type ConsoleUnderTest } from './testing/console-harness.js';
import { startTestProvider, TEST_ACCOUNTS, type TestProvider } from './testing/oidc-provider.js';
import { TEST_CLIENT, TEST_ROLE_MAP } from './testing/oidc-test-client.js';
import { scrape } from './testing/metrics.js';
import { ssoBrowser, throughProvider, type SsoBrowser } from './testing/sso-browser.js';

// Single sign-on against a real OpenID provider (oidc-provider on a port of its own): roles from
// groups, refusals that say why (audited), and every check of the provider's answer — state,
// code replay, the ID token's signature, audience, issuer, expiry and nonce.

const CONSOLE = 'http://console.test';
const consoles = consolesOnEmulator([]);
let provider: TestProvider;
let c: ConsoleUnderTest;

beforeAll(async () => {
  provider = await startTestProvider({ redirectUris: [`${CONSOLE}/im-console/sso/callback`], postLogoutRedirectUris: [`${CONSOLE}/`] });
});
afterAll(() => provider.close());

const settings = (env: Record<string, string> = {}): SsoSettings =>
  readSsoSettings({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: TEST_CLIENT.id,
    OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
    OIDC_LABEL: 'Test IdP',
    OIDC_ROLE_MAP: `${TEST_ROLE_MAP},support=support`,
    // Registered at the provider; the browser below takes the provider's answer to the real port.
    OIDC_REDIRECT_URI: `${CONSOLE}/im-console/sso/callback`,
    ...env,
  })!;

/** An ID token altered on its way from the provider's token endpoint (as a network attacker could). */
let tamper: ((idToken: string) => string) | undefined;
const oidcFetch: CustomFetch = async (url, options) => {
  const res = await fetch(url, options as RequestInit);
  if (!tamper || !url.endsWith('/token') || res.status !== 200) return res;
  const body = (await res.json()) as { id_token: string };
  return Response.json({ ...body, id_token: tamper(body.id_token) });
};

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
const signJwt = (header: unknown, claims: unknown, key: JsonWebKey) => {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(createPrivateKey({ key, format: 'jwk' })).toString('base64url')}`;
};
/** The token with one claim changed, signed again with the provider's own key. */
const resigned = (change: Record<string, unknown>) => (jwt: string) =>
  signJwt(JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()), { ...claimsOf(jwt), ...change }, provider.signingKey);

async function serve(o: Parameters<typeof consoles.serve>[0] = {}) {
  tamper = undefined;
  c = await consoles.serve({ sso: settings(), oidcFetch, ...o });
  return c;
}
const local = (url: string) => url.replace(CONSOLE, c.url);

/** Through the provider as `login` and back to the console's callback: its answer and the browser. */
async function ssoSignIn(login: string, returnTo = '/demo/audit', b: SsoBrowser = ssoBrowser()) {
  const callback = local(await throughProvider(b, `${c.url}/im-console/sso/start?return=${encodeURIComponent(returnTo)}`, login));
  return { res: await b.get(callback), b, callback };
}
const session = async (b: SsoBrowser) => {
  const res = await fetch(`${c.url}/im-console/session`, { headers: { Cookie: b.cookieHeader(c.url) } });
  return { status: res.status, body: (await res.json()) as { username: string; role: string; signIn: string; csrfToken: string } };
};
const refusalShown = async (b: SsoBrowser) => ((await (await b.get(`${c.url}/im-console/sso`)).json()) as { refusal: string | null }).refusal;
const ssoRefusals = async () => (await c.services.audit.query({})).entries.filter((e) => e.refusal?.startsWith('sso_'));

describe('single sign-on (OpenID Connect)', () => {
  it('signs an admin in through the provider, back to the page asked for, with the role from their groups; audited as sso', async () => {
    await serve();
    const options = (await (await fetch(`${c.url}/im-console/sso`)).json()) as unknown;
    expect(options).toEqual({ sso: { label: 'Test IdP' }, localSignIn: true, refusal: null });

    const { res, b } = await ssoSignIn('sso-admin');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/demo/audit');
    const me = await session(b);
    expect(me.body).toMatchObject({ username: 'sso-admin', role: 'admin', signIn: 'sso' });
    // An admin call: the audit log, where this sign-in is the newest row.
    const audit = await fetch(`${c.url}/im-console/audit`, { headers: { Cookie: b.cookieHeader(c.url) } });
    expect(audit.status).toBe(200);
    const [row] = (await c.services.audit.query({ operator: 'sso-admin' })).entries;
    expect(row).toMatchObject({ path: 'im-console/sso/callback', status: 200, signIn: 'sso', target: 'sso-admin' });
    expect(await c.services.operators.get('sso-admin')).toMatchObject({ role: 'admin', sso: true, secondFactor: false });
    expect((await c.services.operators.get('sso-admin'))!.lastSignInAt).toBe(c.clock.now);
  });

  it('gives a moderator a moderator session, refused an admin call with 403', async () => {
    await serve();
    const { b } = await ssoSignIn('sso-moderator');
    const me = await session(b);
    expect(me.body).toMatchObject({ username: 'sso-moderator', role: 'moderator', signIn: 'sso' });
    const audit = await fetch(`${c.url}/im-console/audit`, { headers: { Cookie: b.cookieHeader(c.url) } });
    expect(audit.status).toBe(403);
    expect(await audit.json()).toMatchObject({ error: 'forbidden_role' });
  });

  it('refuses someone whose groups map to no role, says why once, makes no operator and audits the refusal', async () => {
    await serve();
    const { res, b } = await ssoSignIn('sso-nobody', '/demo/users');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/demo/users');
    expect((await session(b)).status).toBe(401);
    expect(await refusalShown(b)).toBe('sso_no_role');
    expect(await refusalShown(b)).toBeNull();
    expect(await c.services.operators.get('sso-nobody')).toBeUndefined();
    expect(await ssoRefusals()).toEqual([expect.objectContaining({ refusal: 'sso_no_role', target: 'sso-nobody', status: 403 })]);
  });

  it('counts sign-ins through the provider in /metrics: kept, and refused whatever the reason', async () => {
    await serve({ metricsToken: 'sso-metrics' });
    await ssoSignIn('sso-admin');
    await ssoSignIn('sso-nobody');
    // A callback with no flow behind it.
    await ssoBrowser().get(`${c.url}/im-console/sso/callback?code=x&state=y`);
    const m = await scrape(c.url, 'sso-metrics');
    const signIns = (outcome: string) => m.value('im_console_sign_ins_total', { method: 'sso', outcome });
    expect([signIns('ok'), signIns('refused')]).toEqual([1, 2]);
    expect(m.value('im_console_sign_ins_total', { method: 'password' })).toBe(0);
  });

  it('takes the role from the groups at every sign-in; an admin sees it read-only and cannot set a password for them', async () => {
    await serve();
    await addOperators(c.services, ['admin']);
    await ssoSignIn('sso-moderator');
    const account = TEST_ACCOUNTS['sso-moderator']!;
    const before = account.groups;
    account.groups = ['im-admins', 'support'];
    try {
      const { b } = await ssoSignIn('sso-moderator');
      expect((await session(b)).body.role).toBe('admin');
    } finally {
      account.groups = before;
    }
    const admin = await signIn(c.url, 'admin');
    const list = (await (await admin.call('GET', '/im-console/operators')).json()) as { operators: { username: string; signIn: string; role: string }[] };
    expect(list.operators.find((o) => o.username === 'sso-moderator')).toMatchObject({ signIn: 'sso', role: 'admin' });
    const change = await admin.call('PATCH', '/im-console/operators/sso-moderator', { role: 'viewer' });
    expect(change.status).toBe(409);
    expect(await change.json()).toMatchObject({ error: 'role_from_provider' });
    const password = await admin.call('POST', '/im-console/operators/sso-moderator/password');
    expect(password.status).toBe(409);
    expect((await c.services.operators.get('sso-moderator'))!.role).toBe('admin');
    // No password opens an SSO operator's account.
    const res = await fetch(`${c.url}/im-console/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'sso-moderator', password: '!sso' }) });
    expect(res.status).toBe(401);
  });

  it('keeps a local operator of the same name apart', async () => {
    await serve();
    await c.services.operators.add('sso-admin', 'viewer', PASSWORD);
    const { b } = await ssoSignIn('sso-admin');
    expect((await session(b)).body).toMatchObject({ username: 'sso-admin-2', role: 'admin' });
    expect(await c.services.operators.get('sso-admin')).toMatchObject({ role: 'viewer', sso: false });
  });

  it('refuses a disabled operator and an email outside the allowed domains', async () => {
    await serve({ sso: settings({ OIDC_ALLOWED_EMAIL_DOMAINS: 'example.com' }) });
    await ssoSignIn('sso-moderator');
    await c.services.operators.disable('sso-moderator');
    const disabled = await ssoSignIn('sso-moderator');
    expect((await session(disabled.b)).status).toBe(401);
    expect(await refusalShown(disabled.b)).toBe('sso_disabled');
    const outsider = await ssoSignIn('sso-outsider');
    expect((await session(outsider.b)).status).toBe(401);
    expect(await refusalShown(outsider.b)).toBe('sso_email_domain');
    expect((await ssoRefusals()).map((e) => e.refusal).sort()).toEqual(['sso_disabled', 'sso_email_domain']);
  });

  it('refuses a tampered state, and ends the session the browser had', async () => {
    await serve();
    const first = await ssoSignIn('sso-admin');
    expect((await session(first.b)).status).toBe(200);
    const callback = local(await throughProvider(first.b, `${c.url}/im-console/sso/start`, 'sso-admin'));
    const url = new URL(callback);
    url.searchParams.set('state', `${url.searchParams.get('state')}x`);
    const res = await first.b.get(url.href);
    expect(res.status).toBe(303);
    expect((await session(first.b)).status).toBe(401);
    expect(await refusalShown(first.b)).toBe('sso_invalid_response');
  });

  it('refuses a callback this browser did not start (login CSRF)', async () => {
    await serve();
    const attacker = ssoBrowser();
    const callback = local(await throughProvider(attacker, `${c.url}/im-console/sso/start`, 'sso-admin'));
    const victim = ssoBrowser();
    await victim.get(callback);
    expect((await session(victim)).status).toBe(401);
    expect(await refusalShown(victim)).toBe('sso_no_flow');
  });

  it('refuses a replayed code: the same answer again, and the code inside a new sign-in', async () => {
    await serve();
    const { b, callback } = await ssoSignIn('sso-admin');
    await b.get(`${c.url}/im-console/session`);
    // The same callback again: its flow was used.
    const again = ssoBrowser();
    const replay = await again.get(callback);
    expect(replay.status).toBe(303);
    expect(await refusalShown(again)).toBe('sso_no_flow');
    // The old code with a fresh flow's state: the provider refuses the code itself.
    const fresh = ssoBrowser();
    const start = await fresh.get(`${c.url}/im-console/sso/start`);
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const old = new URL(callback);
    old.searchParams.set('state', state);
    await fresh.get(old.href);
    expect((await session(fresh)).status).toBe(401);
    expect(await refusalShown(fresh)).toBe('sso_invalid_response');
  });

  describe('the ID token', () => {
    it('is accepted when re-signed with the provider key and unchanged (so the refusals below are about the claim)', async () => {
      await serve();
      tamper = resigned({});
      const { b } = await ssoSignIn('sso-admin');
      expect((await session(b)).body.role).toBe('admin');
    });

    for (const [what, change] of [
      ['a wrong audience', { aud: 'another-client' }],
      ['a wrong issuer', { iss: 'http://127.0.0.1:1' }],
      ['an expired token', { exp: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 7200 }],
      ['a wrong nonce', { nonce: 'not-the-nonce' }],
    ] as const) {
      it(`is refused with ${what}`, async () => {
        await serve();
        tamper = resigned(change);
        const { b } = await ssoSignIn('sso-admin');
        expect((await session(b)).status).toBe(401);
        expect(await refusalShown(b)).toBe('sso_invalid_response');
        expect(await c.services.operators.get('sso-admin')).toBeUndefined();
      });
    }

    it('is refused with a bad signature (another key under the provider key id)', async () => {
      await serve();
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
      tamper = (jwt) => signJwt(JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()), claimsOf(jwt), other);
      const { b } = await ssoSignIn('sso-admin');
      expect((await session(b)).status).toBe(401);
      expect(await refusalShown(b)).toBe('sso_invalid_response');
    });
  });

  it('signs out at the provider too, and the session is gone', async () => {
    await serve();
    const { b } = await ssoSignIn('sso-admin');
    const { csrfToken } = (await session(b)).body;
    const res = await fetch(`${c.url}/im-console/session`, { method: 'DELETE', headers: { Cookie: b.cookieHeader(c.url), 'X-CSRF-Token': csrfToken } });
    expect(res.status).toBe(200);
    const { endSessionUrl } = (await res.json()) as { endSessionUrl: string };
    const end = new URL(endSessionUrl);
    expect(end.origin).toBe(provider.issuer);
    expect(end.searchParams.get('client_id')).toBe(TEST_CLIENT.id);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${CONSOLE}/`);
    // The provider's own sign-out page answers it.
    expect((await b.get(endSessionUrl)).status).toBe(200);
    expect((await session(b)).status).toBe(401);
  });

  it('with LOCAL_SIGN_IN=off, refuses password sign-in (audited) and says so', async () => {
    await serve({ localSignIn: false });
    await addOperators(c.services, ['admin']);
    const options = (await (await fetch(`${c.url}/im-console/sso`)).json()) as unknown;
    expect(options).toEqual({ sso: { label: 'Test IdP' }, localSignIn: false, refusal: null });
    await expect(signIn(c.url, 'admin')).rejects.toThrow(/403.*local_sign_in_off/);
    expect((await c.services.audit.query({})).entries.map((e) => e.refusal)).toEqual(['local_sign_in_off']);
  });

  it('never sends the browser off the console after sign-in', async () => {
    await serve();
    for (const evil of ['//evil.example/x', '/\\evil.example', 'https://evil.example/']) {
      const { res } = await ssoSignIn('sso-admin', evil);
      expect(res.headers.get('location')).toBe('/');
    }
  });
});
