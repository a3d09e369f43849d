import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    // Must run before react() so route files are split and the route tree regenerated first.
    tanstackRouter({ target: 'react', autoCodeSplitting: true }),
    react(),
    // IM proxy and emulator plugin: see server/
  ],
  server: {
    host: '127.0.0.1',
    port: 5173,
  },
  preview: {
    port: 4173,
  },
});
