import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConsoleSettingsError, createConsoleServices, readConsoleSettings } from './console-services.js';
import { ImConfigError, readImConfig } from './im-config.js';
import { startLocalEmulator, type LocalEmulator } from './local-emulator.js';
import { startProductionServer } from './production-server.js';

// `npm start` (after `npm run build`). Node 20 cannot run TypeScript and tsx is a devDependency,
// so `npm run build` bundles this file with Vite's SSR build into dist-server/main.js (packages
// stay external, in node_modules): the image then needs no compiler or loader at run time.
//
// Settings come from the environment only (no .env files): PORT, HOST, IM_*, CONSOLE_DB,
// SESSION_IDLE_MINUTES, SESSION_MAX_HOURS, TRUST_PROXY, CONSOLE_STATIC_DIR, SHUTDOWN_TIMEOUT_SECONDS.

const env = process.env;
const here = dirname(fileURLToPath(import.meta.url));
const log = (msg: string) => console.log(`[im-console] ${msg}`);

async function main() {
  let apps;
  let settings;
  try {
    apps = readImConfig(env);
    settings = readConsoleSettings(env);
  } catch (e) {
    if (e instanceof ImConfigError || e instanceof ConsoleSettingsError) {
      console.error(`[im-console] settings: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST?.trim() || '127.0.0.1';
  // dist-server/main.js (or server/main.ts under tsx) sits next to dist/.
  const staticRoot = resolve(env.CONSOLE_STATIC_DIR?.trim() || resolve(here, '..', 'dist'));
  const shutdownMs = Number(env.SHUTDOWN_TIMEOUT_SECONDS ?? 10) * 1000;

  let emulator: LocalEmulator | undefined;
  // No IM_* settings: the local emulator, as in dev, but sign-in stays required here.
  if (apps.some((a) => a.emulator)) emulator = await startLocalEmulator(env, log);
  const services = createConsoleServices({ signInRequired: true, settings });
  const operators = services.operators.list().filter((o) => !o.disabled).length;
  if (operators === 0) log(`no operator can sign in yet: npm run operator -- add NAME --role admin (CONSOLE_DB=${settings.db})`);

  const running = await startProductionServer({ apps, services, staticRoot, port, host });
  log(`IM apps: ${apps.map((a) => `${a.id} → ${a.host}`).join(', ')}`);
  log(`listening on ${running.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing calls in flight (up to ${shutdownMs / 1000} s)`);
    const how = await running.shutdown(shutdownMs);
    await emulator?.close();
    services.close();
    log(how === 'drained' ? 'stopped' : 'stopped; calls still open were cut off');
    process.exit(how === 'drained' ? 0 : 1);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((e: unknown) => {
  console.error('[im-console] failed to start:', e);
  process.exit(1);
});
