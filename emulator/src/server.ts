import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createEmulatorApp } from './app.js';
import { getMeta, openDatabase, setMeta } from './db/schema.js';
import type { FaultSwitch } from './http/faults.js';
import type { EmulatorOptions } from './http/types.js';
import { seedDemo } from './seed/demo.js';

export interface StartOptions extends Partial<EmulatorOptions> {
  port?: number;
  /** A file path, or `:memory:`. */
  db?: string;
  seed?: 'demo' | 'none';
  /** Users of the demo seed (default and minimum 3,200); only a new database is seeded. */
  users?: number;
}

export interface RunningEmulator {
  url: string;
  port: number;
  options: EmulatorOptions;
  seeded: boolean;
  /** Makes the next calls answer 429 / 5xx or late (also reachable at `/_emulator/faults`). */
  faults: FaultSwitch;
  close: () => Promise<void>;
}

/** Opens (and on first use seeds) the database, then listens on 127.0.0.1 only. */
export async function startEmulator(opts: StartOptions = {}): Promise<RunningEmulator> {
  const { port = 5080, db: file = '.data/emulator.sqlite', seed = 'demo', users, ...overrides } = opts;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = openDatabase(file);
  let seeded = false;
  if (seed === 'demo' && getMeta(db, 'seed') === undefined) {
    seedDemo(db, { org: overrides.org ?? 'demo', app: overrides.app ?? 'console', users });
    setMeta(db, 'seed', 'demo');
    seeded = true;
  }
  const { app, options, faults } = createEmulatorApp(db, overrides);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
    s.once('error', reject);
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    options,
    seeded,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          db.close();
          resolve();
        });
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
