import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { imConsole } from './server/vite-plugin.ts';
import { mantineCss } from './vite-plugins/mantine-css.ts';

export default defineConfig({
  plugins: [
    // Must run before react() so route files are split and the route tree regenerated first.
    tanstackRouter({ target: 'react', autoCodeSplitting: true }),
    react(),
    // Each chunk carries the CSS of the Mantine components it uses (the base styles come from main.tsx).
    mantineCss('/src/main.tsx'),
    // The /im proxy (credentials stay server-side) for dev and preview; starts the emulator when no IM host is set.
    imConsole(),
  ],
  // `@/…` is `src/…` (tsconfig.json paths), so imports read the same from any folder.
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    // Each page and dialog is split out, and the bundler makes a common chunk for every set of pages
    // that share modules: the first screen came as some sixty chunks, each gzipped on its own.
    // Inlining the small common chunks into their users halves that count and saves ~15 KB.
    // Measured by scripts/first-screen.mjs; the e2e suite runs on this build.
    rolldownOptions: {
      preserveEntrySignatures: false,
      output: { codeSplitting: { experimentalInlineCommonChunks: { maxSize: 64 * 1024 } } },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
  },
  preview: {
    port: 4173,
  },
});
