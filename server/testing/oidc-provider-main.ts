import { startTestProvider } from './oidc-provider.js';

// The test OpenID provider as a process of its own, for the e2e suite (playwright.config.ts):
// OIDC_TEST_PORT, and OIDC_TEST_CONSOLE, the console's origin (its callback and the page to
// return to after signing out are registered for the client).

const port = Number(process.env.OIDC_TEST_PORT ?? 5190);
const consoleOrigin = process.env.OIDC_TEST_CONSOLE ?? 'http://127.0.0.1:4177';
const provider = await startTestProvider({
  port,
  redirectUris: [`${consoleOrigin}/im-console/sso/callback`],
  postLogoutRedirectUris: [`${consoleOrigin}/`],
});
console.log(`test OpenID provider at ${provider.issuer} for ${consoleOrigin}`);
const stop = () => void provider.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
