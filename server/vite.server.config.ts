import { defineConfig } from 'vite';

// Bundles the production server and the operator command for Node 20 (`npm run build`), so
// `npm start` and the Docker image run plain JavaScript: Node 20 cannot run TypeScript, and tsx
// (a devDependency) is not installed by `npm ci --omit=dev`. Packages stay external (an SSR build
// does not bundle node_modules), so native ones (better-sqlite3, @node-rs/argon2) load as usual.
export default defineConfig({
  // No public/ copy, no .env loading into the bundle: settings are read at run time.
  publicDir: false,
  envPrefix: 'CONSOLE_BUILD_NEVER_',
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist-server',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: { main: 'server/main.ts', operator: 'server/operator-cli.ts' },
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
