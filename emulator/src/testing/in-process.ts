import { createEmulatorApp } from '../app.js';
import { openDatabase, setMeta, type Db } from '../db/schema.js';
import type { FaultSwitch } from '../http/faults.js';
import type { EmulatorOptions } from '../http/types.js';
import { seedDemo } from '../seed/demo.js';
import { createSender, fetchAppToken, prefixOf, type Caller } from './calls.js';

// The emulator without a socket: its Hono app's `fetch` over a fresh `:memory:` database. For
// tests that drive a client in the same process (the console's component tests), where a port
// per test file would only add start-up time and a way to leak servers.

export interface InProcessOptions extends Partial<EmulatorOptions> {
  /** `none` (default): an empty app the test fills; `demo`: the full demo data (~1 s). */
  seed?: 'demo' | 'none';
  /** The emulator's clock (creation times, mute expiry, token expiry); the real one by default. */
  now?: () => number;
}

export interface InProcessEmulator extends Caller {
  /** The emulator itself: a Request for any of its URLs in, its Response out. */
  fetch: (request: Request) => Promise<Response>;
  /** The origin its answers name in `uri` (never dialled). */
  origin: string;
  /** The Easemob-scheme app prefix, e.g. `/demo/console`. */
  prefix: string;
  /** An app token from `POST /token`. */
  token: string;
  options: EmulatorOptions;
  /** Direct reads of the state, for what the API does not show (and a few set-ups it cannot make). */
  db: Db;
  faults: FaultSwitch;
  close: () => void;
}

export async function createInProcessEmulator(opts: InProcessOptions = {}): Promise<InProcessEmulator> {
  const { seed = 'none', now, ...overrides } = opts;
  const db = openDatabase(':memory:');
  const { app, options, faults } = createEmulatorApp(db, overrides, now);
  if (seed === 'demo') {
    seedDemo(db, { org: options.org, app: options.app });
    setMeta(db, 'seed', 'demo');
  }
  const origin = 'http://emulator.test';
  const prefix = prefixOf(options);
  const appFetch = async (request: Request) => app.fetch(request);
  const send = createSender((url, init) => appFetch(new Request(url, init)), (scheme) => `${origin}${prefixOf(options, scheme)}`);
  const token = await fetchAppToken(send, options);
  return {
    fetch: appFetch,
    origin,
    prefix,
    token,
    options,
    db,
    faults,
    call: (method, path, body, o = {}) => send(method, path, body, { ...o, bearer: token }),
    close: () => db.close(),
  };
}
