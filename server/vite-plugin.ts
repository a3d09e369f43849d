import type { Connect, Plugin, PreviewServer, ViteDevServer } from 'vite';
import { loadEnv } from 'vite';
import { EMULATOR_DEFAULT_PORT, ImConfigError, readImConfig, type ImAppConfig } from './im-config.js';
import { createImProxy } from './im-proxy.js';

/** Is an emulator already answering on this port (say, `npm run emulator` in another terminal)? */
async function emulatorRunning(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    return 'emulator' in ((await res.json()) as object);
  } catch {
    return false;
  }
}

async function startLocalEmulator(env: Record<string, string>, log: (msg: string) => void) {
  const port = Number(env.EMULATOR_PORT ?? EMULATOR_DEFAULT_PORT);
  if (await emulatorRunning(port)) {
    log(`IM emulator already running on http://127.0.0.1:${port}, using it`);
    return undefined;
  }
  // Loaded only when needed: a console pointed at a real host never opens the database.
  const { startEmulator } = await import('../emulator/src/server.js');
  const emulator = await startEmulator({
    port,
    db: env.EMULATOR_DB ?? '.data/emulator.sqlite',
    seed: env.EMULATOR_SEED === 'none' ? 'none' : 'demo',
    rate: Number(env.EMULATOR_RATE ?? 0),
    latency: Number(env.EMULATOR_LATENCY ?? 0),
  });
  log(`IM emulator started on ${emulator.url}${emulator.seeded ? ' (demo data seeded)' : ''}`);
  return emulator;
}

/**
 * Serves the IM proxy from Vite's dev and preview servers, and starts the local emulator when no
 * IM host is configured, so `npm run dev` alone shows a working console.
 */
export function imConsole(): Plugin {
  let mode = 'development';
  let root = process.cwd();

  async function install(server: ViteDevServer | PreviewServer) {
    // .env, .env.local and the process environment (which wins), IM_* and EMULATOR_* only.
    const env = loadEnv(mode, root, ['IM_', 'EMULATOR_']);
    const log = (msg: string) => server.config.logger.info(`  ${msg}`);
    let apps: ImAppConfig[];
    try {
      apps = readImConfig(env);
    } catch (e) {
      if (e instanceof ImConfigError) {
        server.config.logger.error(`IM settings: ${e.message}`);
        const message = e.message;
        server.middlewares.use(((req, res, next) => {
          if (!req.url?.startsWith('/im')) return next();
          res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ error: 'im_config_invalid', error_description: `IM settings: ${message}` }));
        }) as Connect.NextHandleFunction);
        return;
      }
      throw e;
    }
    if (apps.some((a) => a.emulator)) {
      // One emulator per process: Vite restarts its server (and reloads this file) when the config
      // changes, and the emulator must outlive that; it ends with the process.
      const holder = globalThis as { imConsoleEmulator?: Promise<unknown> };
      holder.imConsoleEmulator ??= startLocalEmulator(env, log);
      await holder.imConsoleEmulator;
    }
    log(`IM apps: ${apps.map((a) => `${a.id} → ${a.host}`).join(', ')}`);
    server.middlewares.use(createImProxy(apps) as Connect.NextHandleFunction);
  }

  return {
    name: 'im-console',
    configResolved(config) {
      mode = config.mode;
      root = config.root;
    },
    configureServer: install,
    configurePreviewServer: install,
  };
}
