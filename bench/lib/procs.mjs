// Child processes of the bench: an emulator, a `vite preview`, the production server. Each runs in
// its own process group, so stopping it also stops what it started (npm → node, vite → esbuild).
import { spawn } from 'node:child_process';

const children = new Set();

/** Starts `cmd args` in its own process group; resolves once `ready()` is true (polled), or rejects. */
export async function startProcess(name, cmd, args, { env = {}, ready, timeoutMs = 120_000 } = {}) {
  const child = spawn(cmd, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const t0 = Date.now();
  let log = '';
  const keep = (chunk) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const proc = { name, child, pid: child.pid, log: () => log, exited: false };
  children.add(proc);
  child.once('exit', () => {
    proc.exited = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (!(await ready().catch(() => false))) {
    if (proc.exited) throw new Error(`${name} exited before it was ready:\n${log}`);
    if (Date.now() > deadline) {
      await stopProcess(proc);
      throw new Error(`${name} not ready after ${timeoutMs / 1000} s:\n${log}`);
    }
    await sleep(250);
  }
  proc.readyMs = Date.now() - t0;
  return proc;
}

/** SIGTERM to the process group, SIGKILL after 5 s if it is still there. */
export async function stopProcess(proc) {
  if (!children.has(proc)) return;
  children.delete(proc);
  if (proc.exited) return;
  const gone = new Promise((resolve) => proc.child.once('exit', resolve));
  try {
    process.kill(-proc.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 5000);
  await gone;
  clearTimeout(timer);
}

export async function stopAll() {
  await Promise.all([...children].map(stopProcess));
}

// Whatever happens, nothing the bench started outlives it.
process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
process.once('SIGTERM', () => void stopAll().then(() => process.exit(143)));
process.once('exit', () => {
  for (const proc of children) {
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** True once `url` answers at all (any status). */
export const answers = (url) => async () => {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await res.arrayBuffer();
  return true;
};

/** An emulator on 127.0.0.1:`port` over `:memory:` with the demo seed and the given flags. */
export function startEmulator(port, flags = []) {
  return startProcess(`emulator :${port}`, process.execPath, ['--import', 'tsx', 'emulator/src/main.ts', '--port', String(port), '--db', ':memory:', '--seed', 'demo', ...flags], {
    ready: answers(`http://127.0.0.1:${port}/`),
    timeoutMs: 180_000,
  });
}

/** `vite preview` of `outDir` on `port`, its IM proxy pointed at the emulator on `emulatorPort` (already running). */
export function startPreview(outDir, port, emulatorPort) {
  return startProcess(`vite preview :${port}`, 'node_modules/.bin/vite', ['preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    // As playwright.config.ts: empty IM_* settings override any .env.local, so the emulator is used.
    env: { EMULATOR_DB: ':memory:', EMULATOR_PORT: String(emulatorPort), IM_HOST: '', IM_APPS: '' },
    ready: answers(`http://127.0.0.1:${port}/`),
  });
}
