import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm start` (server/main.ts) as a process of its own, for tests that need a real one: shutdown,
// several replicas on one database, one killed mid-walk.

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** A small stand-in for dist/: an index page, one hashed asset and the icon; `remove` deletes it. */
export function stubClientBuild(): { dir: string; asset: string; remove: () => void } {
  const parent = mkdtempSync(join(tmpdir(), 'im-console-dist-'));
  const dir = join(parent, 'dist');
  const asset = '/assets/index-AbC123xy.js';
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head><script type="module" src="${asset}"></script></head><body><div id="root"></div></body></html>`);
  writeFileSync(join(dir, asset), `export const big = ${JSON.stringify('console '.repeat(2000))};\n`);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return { dir, asset, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

export interface MainProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts `server/main.ts` as `npm start` would (through tsx: the bundle is the same code). */
export async function startMain(env: Record<string, string>): Promise<MainProcess> {
  // tsx as a loader, not its CLI: the CLI would run the server in a grandchild that a kill misses.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    // Logs are silent under the test runner, whose variables the child inherits: ask for them.
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const url = await new Promise<string>((resolve, reject) => {
    // Sized for a busy machine: tsx compiles the server on its first start.
    const timer = setTimeout(() => reject(new Error(`no "listening" line:\n${out}`)), 60_000);
    child.stdout!.on('data', () => {
      // Logs are JSON lines: `{"level":30,…,"url":"http://…","msg":"listening"}`.
      const m = /"url":"(http:\/\/[^"]+)","msg":"listening"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
  return { child, url, output: () => out, exited };
}
