import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts: tests need neither the route generator nor the IM proxy.
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)), '@contract': fileURLToPath(new URL('./contract', import.meta.url)) } },
  test: {
    // CI reads the JSON report to print "N passed, N failed".
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, 'e2e/**'],
          setupFiles: ['src/testing/setup-tests.ts'],
          // One jsdom and one module registry per worker instead of one per file: about four times
          // faster (most of a file's time was loading jsdom and Mantine). What a test leaves behind
          // is reset in setup-tests.ts; `vi.mock` would leak between files, so tests pass what they
          // replace as an argument instead.
          isolate: false,
          // Rendering Mantine in jsdom is slow on a loaded 2-core machine; real hangs still fail.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          // The emulator's HTTP tests and the proxy's: real servers on free ports. The lint rules' test too.
          name: 'node',
          environment: 'node',
          include: ['emulator/**/*.test.ts', 'server/**/*.test.ts', 'contract/**/*.test.ts', 'vite-plugins/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'e2e/**'],
          testTimeout: 30_000,
          // A PostgreSQL cluster for the store's tests against both databases (README: Debian's package).
          globalSetup: ['server/testing/postgres-global-setup.ts'],
          // better-sqlite3 is a native addon; separate processes isolate it better than threads.
          pool: 'forks',
        },
      },
    ],
  },
});
