import { defineConfig, devices } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_CLIENT, TEST_ROLE_MAP } from './server/testing/oidc-test-client';

// E2E_PORT_OFFSET moves every port, so two runs on one machine (two developers' checkouts) do not collide.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const PREVIEW_PORT = 4174 + offset;
const baseURL = `http://127.0.0.1:${PREVIEW_PORT}`;
/** A second console whose apps are broken on purpose: one host unreachable, one with a wrong secret. */
export const BROKEN_APPS_URL = `http://127.0.0.1:${4175 + offset}`;
export const EMULATOR_PORT = String(5181 + offset);
/** Nothing listens here: the 'offline' app's host. */
export const OFFLINE_PORT = String(5189 + offset);
const outDir = offset ? `dist-e2e-${offset}` : 'dist-e2e';

/** `npm start`'s server (sign-in required), over the same client build and its own emulator. */
export const PRODUCTION_URL = `http://127.0.0.1:${4176 + offset}`;
export const PRODUCTION_EMULATOR_PORT = String(5182 + offset);
/** Operators seeded into the production server's fresh console database, one per role. */
export const E2E_OPERATORS = {
  viewer: { username: 'viewer1', password: 'viewer1-e2e-password' },
  support: { username: 'support1', password: 'support1-e2e-password' },
  moderator: { username: 'moderator1', password: 'moderator1-e2e-password' },
  admin: { username: 'admin1', password: 'admin1-e2e-password' },
} as const;
/** An operator of its own for the second-factor spec: once enrolled, every sign-in needs a code. */
export const E2E_TOTP_OPERATOR = { username: 'totp1', password: 'totp1-e2e-password', role: 'support' } as const;
const serverOutDir = offset ? `dist-e2e-server-${offset}` : 'dist-e2e-server';
/**
 * `npm start` with single sign-on through a real OpenID provider (server/testing/oidc-provider.ts,
 * its accounts `sso-admin`, `sso-moderator`, `sso-nobody`) on a console database of its own, so
 * the operators it makes never meet the other specs' (an SSO admin would be a second admin there).
 */
export const SSO_URL = `http://127.0.0.1:${4177 + offset}`;
export const OIDC_ISSUER = `http://127.0.0.1:${5190 + offset}`;
export const OIDC_LABEL = 'Test IdP';
const ssoDb = join(tmpdir(), `im-console-e2e-${offset}`, 'sso-console.sqlite');
const productionDb = join(tmpdir(), `im-console-e2e-${offset}`, 'console.sqlite');
const seedOperators = [...Object.entries(E2E_OPERATORS).map(([role, o]) => ({ ...o, role })), E2E_TOTP_OPERATOR]
  .map((o) => `printf '%s\\n' '${o.password}' | node ${serverOutDir}/operator.js add ${o.username} --role ${o.role}`)
  .join(' && ');

export default defineConfig({
  testDir: 'e2e',
  outputDir: offset ? `test-results-${offset}` : 'test-results',
  retries: 0,
  // Sized for a busy 2-core machine (other work running beside the suite), not a quiet one: a
  // state that takes 6 s to show there is slow, not broken. Tests wait for states, never sleep.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // One browser at a time on CI: the runners are small and tests share one emulator.
  workers: process.env.CI ? 1 : undefined,
  // CI reads the JSON report to print "N passed, N failed".
  reporter: [['list'], ['json', { outputFile: '.reports/playwright.json' }]],
  use: {
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // `playwright install` cannot download here; Debian's Chromium is used instead.
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // The production build behind `vite preview` (the broken-apps console below runs `vite` dev,
      // so both servers' proxies are exercised). Its own port, never a developer's `npm run dev`.
      command: `node_modules/.bin/vite build --outDir ${outDir} --emptyOutDir && node_modules/.bin/vite preview --outDir ${outDir} --port ${PREVIEW_PORT} --strictPort`,
      url: baseURL,
      reuseExistingServer: false,
      // A fresh in-memory emulator per run; empty IM_* settings override any .env.local.
      env: { EMULATOR_DB: ':memory:', EMULATOR_PORT, IM_HOST: '', IM_APPS: '', CONSOLE_DB: ':memory:' },
      timeout: 120_000,
    },
    {
      command: `node_modules/.bin/vite --port ${4175 + offset} --strictPort`,
      url: BROKEN_APPS_URL,
      reuseExistingServer: false,
      env: {
        // Real-looking hosts would require sign-in in dev; this console tests connection errors.
        CONSOLE_SIGN_IN: 'off',
        CONSOLE_DB: ':memory:',
        IM_APPS: 'offline,badcreds',
        IM_OFFLINE_LABEL: 'Offline region',
        IM_OFFLINE_HOST: `http://127.0.0.1:${OFFLINE_PORT}`,
        IM_OFFLINE_ORG: 'demo',
        IM_OFFLINE_APP: 'console',
        IM_OFFLINE_CLIENT_ID: 'demo-client-id',
        IM_OFFLINE_CLIENT_SECRET: 'demo-client-secret',
        IM_BADCREDS_LABEL: 'Wrong secret',
        IM_BADCREDS_HOST: `http://127.0.0.1:${EMULATOR_PORT}`,
        IM_BADCREDS_SCHEME: 'agora',
        IM_BADCREDS_APP_ID: 'demoappid',
        IM_BADCREDS_CLIENT_ID: 'demo-client-id',
        IM_BADCREDS_CLIENT_SECRET: 'not-the-secret',
      },
      timeout: 120_000,
    },
    {
      // `npm start` as deployed: the server bundle (the client build is the first server's, made
      // before this one starts: web servers start in order), a fresh console database with one
      // operator per role (passwords on standard input), and its own in-memory emulator.
      command: [
        `node_modules/.bin/vite build --config server/vite.server.config.ts --outDir ${serverOutDir} --emptyOutDir --logLevel warn`,
        `rm -f ${productionDb} ${productionDb}-wal ${productionDb}-shm`,
        seedOperators,
        `node ${serverOutDir}/main.js`,
      ].join(' && '),
      url: `${PRODUCTION_URL}/healthz`,
      reuseExistingServer: false,
      env: {
        PORT: String(4176 + offset),
        HOST: '127.0.0.1',
        CONSOLE_DB: productionDb,
        CONSOLE_STATIC_DIR: outDir,
        EMULATOR_DB: ':memory:',
        EMULATOR_PORT: PRODUCTION_EMULATOR_PORT,
        IM_HOST: '',
        IM_APPS: '',
        // The seeded admin signs in with a password in every spec; REQUIRE_2FA=admin (the default)
        // is proven by the server's tests, and e2e/second-factor.spec.ts enrols an operator itself.
        REQUIRE_2FA: 'off',
      },
      timeout: 120_000,
    },
    {
      command: `node_modules/.bin/tsx server/testing/oidc-provider-main.ts`,
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      env: { OIDC_TEST_PORT: String(5190 + offset), OIDC_TEST_CONSOLE: SSO_URL },
      timeout: 60_000,
    },
    {
      // The server bundle built for the console above (web servers start in order).
      command: [`rm -f ${ssoDb} ${ssoDb}-wal ${ssoDb}-shm`, `node ${serverOutDir}/main.js`].join(' && '),
      url: `${SSO_URL}/healthz`,
      reuseExistingServer: false,
      env: {
        PORT: String(4177 + offset),
        HOST: '127.0.0.1',
        CONSOLE_DB: ssoDb,
        CONSOLE_STATIC_DIR: outDir,
        EMULATOR_DB: ':memory:',
        EMULATOR_PORT: String(5183 + offset),
        IM_HOST: '',
        IM_APPS: '',
        OIDC_ISSUER,
        OIDC_CLIENT_ID: TEST_CLIENT.id,
        OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
        OIDC_LABEL,
        OIDC_ROLE_MAP: TEST_ROLE_MAP,
      },
      timeout: 120_000,
    },
  ],
});
