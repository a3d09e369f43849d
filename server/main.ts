import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConsoleSettingsError, createConsoleServices, readConsoleSettings } from './console-services.js';
import { ImConfigError, readImConfig } from './im-config.js';
import { startLocalEmulator, type LocalEmulator } from './local-emulator.js';
import { log } from './log.js';
import { readMetricsSettings } from './metrics/settings.js';
import { startProductionServer } from './production-server.js';

// `npm start` (after `npm run build`). Node 20 cannot run TypeScript and tsx is a devDependency,
// so `npm run build` bundles this file with Vite's SSR build into dist-server/main.js (packages
// stay external, in node_modules): the image then needs no compiler or loader at run time.
//
// Settings come from the environment only (no .env files): PORT, HOST, IM_*, CONSOLE_DB,
// SESSION_IDLE_MINUTES, SESSION_MAX_HOURS, TRUST_PROXY, CONSOLE_STATIC_DIR, SHUTDOWN_TIMEOUT_SECONDS,
// METRICS_TOKEN, METRICS_PORT.

const env = process.env;
const here = dirname(fileURLToPath(import.meta.url));

async function main() {
  let apps;
  let settings;
  let metrics;
  try {
    apps = readImConfig(env);
    settings = readConsoleSettings(env);
    metrics = readMetricsSettings(env);
  } catch (e) {
    if (e instanceof ImConfigError || e instanceof ConsoleSettingsError) {
      log.fatal({ err: e }, 'settings');
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
  if (apps.some((a) => a.emulator)) emulator = await startLocalEmulator(env, (msg) => log.info(msg));
  const services = await createConsoleServices({ signInRequired: true, settings });
  const operators = (await services.operators.list()).filter((o) => !o.disabled).length;
  if (operators === 0) log.warn({ db: settings.db }, 'no operator can sign in yet: npm run operator -- add NAME --role admin');

  const running = await startProductionServer({ apps, services, staticRoot, port, host, log, metrics });
  log.info({ apps: apps.map((a) => ({ id: a.id, host: a.host })) }, 'IM apps');
  if (running.metricsUrl) log.info({ tokenRequired: !!metrics.token, url: `${running.metricsUrl}/metrics` }, 'metrics listening');
  else if (metrics.token) log.info({ path: '/metrics' }, 'metrics served on the main port (with METRICS_TOKEN)');
  log.info({ url: running.url }, 'listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, timeoutSeconds: shutdownMs / 1000 }, 'finishing calls in flight');
    const how = await running.shutdown(shutdownMs);
    await emulator?.close();
    await services.close();
    if (how === 'drained') log.info('stopped');
    else log.warn('stopped; calls still open were cut off (their audit rows read "outcome unknown")');
    log.flush();
    process.exit(how === 'drained' ? 0 : 1);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((e: unknown) => {
  log.fatal({ err: e }, 'failed to start');
  process.exit(1);
});
