import { EMULATOR_DEFAULT_PORT } from './im-config.js';

// The local emulator that `npm run dev` (and `npm start` without IM_* settings) runs in-process.

/** Is an emulator already answering on this port (say, `npm run emulator` in another terminal)? */
async function emulatorRunning(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    return 'emulator' in ((await res.json()) as object);
  } catch {
    return false;
  }
}

export interface LocalEmulator {
  url: string;
  close: () => Promise<void>;
}

/** Starts the emulator on EMULATOR_PORT unless one already answers there (then undefined). */
export async function startLocalEmulator(env: Record<string, string | undefined>, log: (msg: string) => void): Promise<LocalEmulator | undefined> {
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
