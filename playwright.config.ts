import { defineConfig, devices } from '@playwright/test';

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

export default defineConfig({
  testDir: 'e2e',
  outputDir: offset ? `test-results-${offset}` : 'test-results',
  retries: 0,
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
      env: { EMULATOR_DB: ':memory:', EMULATOR_PORT, IM_HOST: '', IM_APPS: '' },
      timeout: 120_000,
    },
    {
      command: `node_modules/.bin/vite --port ${4175 + offset} --strictPort`,
      url: BROKEN_APPS_URL,
      reuseExistingServer: false,
      env: {
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
  ],
});
