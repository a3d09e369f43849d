import * as client from 'openid-client';
import type { SsoSettings } from './settings.js';

// The OpenID Connect relying party, on `openid-client` (certified): authorization code flow with
// PKCE, state and nonce. openid-client checks the ID token's issuer, audience, expiry and nonce,
// its signature (the provider's JWKS; see enableNonRepudiationChecks below) and the response's
// state (and `iss` where the provider sends it).

export interface FlowChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

export interface SsoIdentity {
  /** Issuer and subject: who this is at the provider, for good. */
  subject: string;
  /** preferred_username, email or sub: the name the console shows. */
  name: string;
  email?: string;
  emailVerified?: boolean;
  /** Every claim of the ID token and the userinfo answer. */
  claims: Record<string, unknown>;
}

export type CustomFetch = client.CustomFetch;

export interface OidcOptions {
  /** Every call to the provider goes through it (tests watch or alter the answers). */
  fetch?: CustomFetch;
}

export function createOidc(settings: SsoSettings, o: OidcOptions = {}) {
  let config: Promise<client.Configuration> | undefined;
  const discover = () => {
    // Looked up at the first sign-in and kept; a failed look-up is tried again at the next one,
    // so a provider that was down when the console started does not need a restart.
    config ??= client
      .discovery(settings.issuer, settings.clientId, undefined, client.ClientSecretBasic(settings.clientSecret), {
        // The ID token's signature is checked against the provider's keys even though it came
        // straight from the token endpoint (openid-client trusts TLS alone for that by default).
        execute: [client.enableNonRepudiationChecks, ...(settings.issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [])],
        ...(o.fetch ? { [client.customFetch]: o.fetch } : {}),
      })
      .catch((e: unknown) => {
        config = undefined;
        throw e;
      });
    return config;
  };

  return {
    /** Where to send the browser, and what its return must match. */
    async start(redirectUri: string): Promise<{ url: URL; checks: FlowChecks }> {
      const c = await discover();
      const checks: FlowChecks = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        redirectUri,
      };
      const url = client.buildAuthorizationUrl(c, {
        redirect_uri: redirectUri,
        scope: settings.scopes,
        response_type: 'code',
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, checks };
    },

    /** The code exchanged and the ID token checked; throws on anything wrong. */
    async finish(query: string, checks: FlowChecks): Promise<SsoIdentity> {
      const c = await discover();
      const tokens = await client.authorizationCodeGrant(c, new URL(`${checks.redirectUri}?${query}`), {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      let claims: Record<string, unknown> = { ...idClaims };
      // Many providers put groups and email only in the userinfo answer.
      if (claims[settings.rolesClaim] === undefined || claims.email === undefined) {
        const info = await client.fetchUserInfo(c, tokens.access_token, idClaims.sub);
        claims = { ...info, ...idClaims };
      }
      const str = (k: string) => (typeof claims[k] === 'string' && claims[k] ? (claims[k] as string) : undefined);
      return {
        subject: `${idClaims.iss} ${idClaims.sub}`,
        name: str('preferred_username') ?? str('email') ?? idClaims.sub,
        email: str('email'),
        emailVerified: claims.email_verified === true,
        claims,
      };
    },

    /** The provider's sign-out page, when it has one (RP-initiated logout). */
    async endSessionUrl(postLogoutRedirectUri: string): Promise<string | undefined> {
      const c = await discover().catch(() => undefined);
      if (!c?.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(c, { client_id: settings.clientId, post_logout_redirect_uri: postLogoutRedirectUri }).href;
    },
  };
}

export type Oidc = ReturnType<typeof createOidc>;
