import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { ChunkingContext } from 'rolldown';
import { defineConfig } from 'vite';
import { FIRST_SCREEN_ROUTES } from './scripts/first-screen.mjs';
import { imConsole } from './server/vite-plugin.ts';
import { mantineCss } from './vite-plugins/mantine-css.ts';

// Libraries the shell needs on every page, Mantine's core among them. A library that only a dialog
// or another page uses must not be here: it would load with the first screen (so neither is the
// hook of the numbered pages, loaded with them, nor the hotkeys hook the command palette brings).
const FIRST_SCREEN_LIBRARIES = new RegExp(
  `node_modules[\\\\/](${[
    'react', 'react-dom', 'scheduler', 'use-sync-external-store', 'clsx', 'ky', 'zod', '@mantine[\\\\/]hooks(?![\\\\/]esm[\\\\/]use-(pagination|hotkeys))', '@mantine[\\\\/]core[\\\\/]esm[\\\\/]core',
    '@tanstack[\\\\/](react-router|router-core|history|store|react-store|react-query|query-core)',
  ].join('|')})[\\\\/]`,
);

// Mantine components the shell and the users list show (each used by other pages too).
const FIRST_SCREEN_COMPONENTS = new RegExp(
  `@mantine[\\\\/]core[\\\\/]esm[\\\\/]components[\\\\/](${[
    'ActionIcon', 'Alert', 'Anchor', 'Badge', 'Burger', 'Button', 'CloseButton', 'Collapse', 'Container', 'Group', 'Image', 'Input',
    'InputBase', 'Loader', 'NativeSelect', 'NavLink', 'Paper', 'Skeleton', 'Stack', 'Text', 'TextInput', 'Title', 'Transition',
    'UnstyledButton', 'VisuallyHidden',
  ].join('|')})[\\\\/]`,
);

// The console's own shared folders (lib, hooks, components, the routes' shared parts, the connection
// feature) and the route files go in one chunk when the first screen runs them: the entry or the
// users list reaches them by static imports. What loads later (the virtualiser, the numbered pages,
// notifications, CSV, other pages' strings) stays out by the same rule, so a moved or renamed file
// keeps its place, and no file is named here.
const SHARED_FOLDERS = /[\\/]src[\\/](lib|hooks|components|routes[\\/]-components|features[\\/]connection)[\\/]|[\\/]src[\\/]routeTree\.gen\.ts$|[\\/]src[\\/]routes[\\/][^?]*\.tsx$/;
const FIRST_SCREEN_ROOTS = new Set(FIRST_SCREEN_ROUTES.map((r) => `${fileURLToPath(new URL('.', import.meta.url))}${r}`));

function firstScreenApp(): (id: string, ctx: ChunkingContext) => string | null {
  const reached = new Map<string, boolean>();
  // Statically imported, through any chain, by the entry or one of the first screen's route parts.
  const reachable = (id: string, ctx: ChunkingContext): boolean => {
    const known = reached.get(id);
    if (known !== undefined) return known;
    reached.set(id, false); // a cycle reaches nothing new
    const info = ctx.getModuleInfo(id);
    const yes = !!info && (info.isEntry || FIRST_SCREEN_ROOTS.has(id) || info.importers.some((i) => reachable(i, ctx)));
    reached.set(id, yes);
    return yes;
  };
  return (id, ctx) => (!id.includes('node_modules') && SHARED_FOLDERS.test(id) && reachable(id, ctx) ? 'app' : null);
}

// Beyond the first screen the group page came as some thirty chunks over the browser's six
// connections, and its calls left once the last of its loader's four API modules was in. Those
// modules (the group pages' API calls) go in one chunk, and Mantine's overlays (menus, popovers,
// what positions and traps them), used by nearly every later page, in another.
const GROUPS_API = /[\\/]src[\\/]features[\\/]groups[\\/]api[\\/]/;
const OVERLAYS = new RegExp(
  `@floating-ui[\\\\/]|@mantine[\\\\/]core[\\\\/]esm[\\\\/]components[\\\\/](${[
    'Menu[\\\\/]', 'Popover[\\\\/]', 'FocusTrap[\\\\/]', 'Portal[\\\\/]', 'Floating[\\\\/]', 'Checkbox[\\\\/]CheckIcon', 'Radio[\\\\/]RadioIcon',
  ].join('|')})`,
);

export default defineConfig({
  plugins: [
    // Must run before react() so route files are split and the route tree regenerated first.
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      // Loaders too: their API imports would otherwise all sit in the entry, for every page. Not the
      // pending component: it shows while a page's chunks download, so it must not be one of them.
      codeSplittingOptions: { defaultBehavior: [['component'], ['errorComponent'], ['notFoundComponent'], ['loader']] },
    }),
    react(),
    // Each chunk carries the CSS of the Mantine components it uses (the base styles come from main.tsx).
    mantineCss('/src/main.tsx'),
    // The /im proxy (credentials stay server-side) for dev and preview; starts the emulator when no IM host is set.
    imConsole(),
  ],
  // `@/…` is `src/…` (tsconfig.json paths), so imports read the same from any folder.
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)), '@contract': fileURLToPath(new URL('./contract', import.meta.url)) } },
  build: {
    rolldownOptions: {
      output: {
        // Left alone, the bundler makes a common chunk for every set of pages that shares modules,
        // and the first screen came as some sixty chunks, each gzipped on its own. The libraries
        // every screen needs go in one chunk instead (measured by scripts/first-screen.mjs).
        codeSplitting: {
          groups: [
            { name: 'vendor', test: FIRST_SCREEN_LIBRARIES },
            { name: 'components', test: FIRST_SCREEN_COMPONENTS },
            { name: firstScreenApp() },
            { name: 'overlays', test: OVERLAYS },
            { name: 'groups-api', test: GROUPS_API },
          ],
        },
      },
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
