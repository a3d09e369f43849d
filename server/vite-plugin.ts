import type { Connect, Plugin, PreviewServer, ViteDevServer } from 'vite';
import { loadEnv } from 'vite';
import { ConsoleSettingsError, createConsoleServices, readConsoleSettings, type ConsoleServices } from './console-services.js';
import { ImConfigError, readImConfig, type ImAppConfig } from './im-config.js';
import { createConsoleApp, type ConsoleApp } from './app.js';
import { nodeListener } from './http/node-listener.js';
import { createLog } from './log.js';
import { pathOf, underConsole } from './http/paths.js';
import { startLocalEmulator } from './local-emulator.js';

/**
 * Sign-in is needed whenever a real IM host is configured. Against the local emulator alone, dev
 * and preview stay sign-in free so `npm run dev` just works. `CONSOLE_SIGN_IN=off` turns it off
 * for dev/preview against other hosts too (the e2e suite's broken-apps console); `npm start`
 * ignores it.
 */
export function devSignInRequired(apps: ImAppConfig[], env: Record<string, string | undefined>): boolean {
  if (env.CONSOLE_SIGN_IN?.trim().toLowerCase() === 'off') return false;
  return apps.some((a) => !a.emulator);
}

/**
 * Serves the IM proxy from Vite's dev and preview servers, and starts the local emulator when no
 * IM host is configured, so `npm run dev` alone shows a working console.
 */
export function imConsole(): Plugin {
  let mode = 'development';
  let root = process.cwd();
  let services: ConsoleServices | undefined;
  let consoleApp: ConsoleApp | undefined;

  async function install(server: ViteDevServer | PreviewServer) {
    // .env, .env.local and the process environment (which wins): the console's settings only.
    const env = loadEnv(mode, root, ['IM_', 'EMULATOR_', 'CONSOLE_', 'SESSION_', 'TRUST_PROXY', 'SEARCH_INDEX_', 'REQUIRE_2FA', 'OIDC_', 'LOCAL_SIGN_IN', 'DATABASE_URL']);
    const log = (msg: string) => server.config.logger.info(`  ${msg}`);
    let apps: ImAppConfig[];
    try {
      apps = readImConfig(env);
      // A restarted server (changed config): the last one's index timer and walks stop first.
      await consoleApp?.close();
      await services?.close();
      services = await createConsoleServices({ signInRequired: devSignInRequired(apps, env), settings: readConsoleSettings(env) });
    } catch (e) {
      if (e instanceof ImConfigError || e instanceof ConsoleSettingsError) {
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
    log(services.signInRequired ? 'Operators sign in (npm run operator -- add NAME --role admin)' : 'No sign-in: local emulator only');
    // The same Hono app as `npm start`, for the console's paths only; Vite serves the rest.
    // Request lines would drown Vite's own output: warnings and errors only, unless LOG_LEVEL says otherwise.
    consoleApp = createConsoleApp({ apps, services, log: createLog({ level: process.env.LOG_LEVEL ?? 'warn' }) });
    const listener = nodeListener(consoleApp.app.fetch);
    server.middlewares.use(((req, res, next) => {
      if (!underConsole(pathOf(req.url ?? '/'))) return next();
      void listener(req, res);
    }) as Connect.NextHandleFunction);
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
