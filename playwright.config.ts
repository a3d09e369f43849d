import { defineConfig, devices } from '@playwright/test';

const baseURL = 'http://127.0.0.1:4174';

export default defineConfig({
  testDir: 'e2e',
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
  webServer: {
    // Its own port, so a developer's `npm run dev` on 5173 is never reused by accident.
    command: 'node_modules/.bin/vite --port 4174 --strictPort',
    url: baseURL,
    reuseExistingServer: false,
    // A fresh in-memory emulator per run keeps tests independent of local data.
    env: { EMULATOR_DB: ':memory:', EMULATOR_PORT: '5181' },
    timeout: 120_000,
  },
});
