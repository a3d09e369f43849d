import { generateKeyPairSync, randomBytes, type JsonWebKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { TEST_CLIENT } from './oidc-test-client.js';

// A real OpenID provider for the tests (`oidc-provider`, the certified Node implementation), on a
// port of its own, with test accounts in different groups. Its sign-in page is the package's
// development one: any password, one of the accounts below as the login. Consent is skipped,
// as a company's provider does for its own applications.

export interface TestAccount {
  email: string;
  groups: string[];
  name: string;
}

/** The accounts, by login. The e2e and server tests map `im-admins` and `im-moderators` to roles. */
export const TEST_ACCOUNTS: Record<string, TestAccount> = {
  'sso-admin': { email: 'sso-admin@example.com', groups: ['staff', 'im-admins'], name: 'Ada Admin' },
  'sso-moderator': { email: 'sso-moderator@example.com', groups: ['staff', 'im-moderators'], name: 'Mo Moderator' },
  'sso-nobody': { email: 'sso-nobody@example.com', groups: ['staff', 'marketing'], name: 'Nora Nobody' },
  'sso-outsider': { email: 'outsider@elsewhere.example', groups: ['im-admins'], name: 'Otto Outsider' },
};

export interface TestProviderOptions {
  port?: number;
  host?: string;
  /** The console's callback(s) registered for the client. */
  redirectUris: string[];
  /** Where the provider may send the browser after signing out. */
  postLogoutRedirectUris?: string[];
}

export interface TestProvider {
  issuer: string;
  /** The signing key (private part included), so a test can forge a token the provider would sign. */
  signingKey: JsonWebKey & { kid: string };
  close: () => Promise<void>;
}

export async function startTestProvider(o: TestProviderOptions): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };

  const configuration: Configuration = {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: o.redirectUris,
        post_logout_redirect_uris: o.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingKey as never] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'], email: ['email', 'email_verified'], groups: ['groups'] },
    scopes: ['openid', 'profile', 'email', 'groups'],
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // The package's page, without its notice that it should be customised.
        logoutSource: (ctx, form) => {
          ctx.body = `<!DOCTYPE html><title>Sign out</title><p>Sign out of the test provider?</p>${form}<button form="op.logoutForm" value="yes" name="logout">Sign out</button>`;
        },
      },
    },
    findAccount: (_ctx, sub) => {
      const account = TEST_ACCOUNTS[sub];
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, preferred_username: sub, name: account.name, email: account.email, email_verified: true, groups: account.groups }),
      };
    },
    // No consent page: the grant covers what the client asked for.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(oidc.client!.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId });
      grant.addOIDCScope(String(oidc.params!.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  // Unknown logins get the provider's own error page, as a real provider refuses a stranger.
  server.on('request', provider.callback());
  return {
    issuer,
    signingKey,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
