import { startEmulator, type RunningEmulator, type StartOptions } from '../server.js';
import { createSender, fetchAppToken, prefixOf, type Caller, type Scheme } from './calls.js';

export { createGroup, registerUsers, type ApiResponse, type CallOptions } from './calls.js';

export interface TestEmulator extends Caller {
  emulator: RunningEmulator;
  url: string;
  /** An app token obtained through `POST /token`. */
  token: string;
  prefix: (scheme?: Scheme) => string;
  close: () => Promise<void>;
}

/** Starts a real emulator on a free port over a fresh `:memory:` database. */
export async function startTestEmulator(opts: StartOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, db: ':memory:', seed: 'none', ...opts });
  const prefix = (scheme: Scheme = 'easemob') => prefixOf(emulator.options, scheme);
  const send = createSender((url, init) => fetch(url, init), (scheme) => `${emulator.url}${prefix(scheme)}`);
  const token = await fetchAppToken(send, emulator.options);
  return {
    emulator,
    url: emulator.url,
    token,
    prefix,
    call: (method, path, body, o = {}) => send(method, path, body, { ...o, bearer: token }),
    close: () => emulator.close(),
  };
}
