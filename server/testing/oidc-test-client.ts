// The console's client at the test OpenID provider, and the groups the tests map to roles: shared
// by the provider (oidc-provider.ts), the server's tests and playwright.config.ts, which must not
// load the provider itself.

export const TEST_CLIENT = { id: 'im-console', secret: 'im-console-test-secret' } as const;

/** `OIDC_ROLE_MAP` for the test accounts' groups (oidc-provider.ts). */
export const TEST_ROLE_MAP = 'im-admins=admin,im-moderators=moderator';
