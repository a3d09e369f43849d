import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerUsers, startTestEmulator, type TestEmulator } from '../emulator/src/testing/harness.js';
import { openConsoleDatabase, openSqlite } from './store/database.js';
import { createOperators } from './operators.js';
import { PASSWORD, signIn, type SignedIn } from './testing/console-harness.js';

// The write-ahead audit log under a crash: `npm start`'s server (server/main.ts, its own process)
// is killed while 16 operators' changes are in flight. The IM host lives in this process, so it
// outlives the server and keeps applying what it had received. Afterwards, every change the host
// applied must have its audit row in the console database; rows whose outcome never came
// ("outcome unknown") are allowed, changes without a row are not.

const WRITERS = 16;
/** The app id the server gives the one app of IM_HOST (IM_ID). */
const APP = 'main';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const between = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a state (not a duration): fails with `what` if it is not reached in time. */
async function waitFor(what: string, reached: () => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!reached()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

interface HostCall {
  method: string;
  /** The path as the host saw it, e.g. `/demo/console/users/crash-w3`. */
  path: string;
  body: string;
  status: number;
}

interface SlowHost {
  url: string;
  /** Changes received whole by the host and not yet answered. */
  inFlight: () => number;
  /** Changes received whole so far. */
  received: () => number;
  /** Changes the emulator answered: applied when the status is 2xx. */
  applied: HostCall[];
  /** No change pending and no connection from the console left open. */
  idle: () => boolean;
  /** Called the moment a change is handed to the emulator. */
  onForward?: () => void;
  close: () => Promise<void>;
}

/**
 * The IM host as the server sees it: the emulator behind a pause before each change is applied
 * and another before the answer goes back. A change received whole is applied even when the
 * server that sent it is gone, as a real host would: only its answer is lost.
 */
async function startSlowHost(target: string, delays: () => { before: number; after: number }): Promise<SlowHost> {
  let inFlight = 0;
  let received = 0;
  let connections = 0;
  const applied: HostCall[] = [];

  const forward = async (req: IncomingMessage, body: Buffer, res: ServerResponse) => {
    const isChange = !req.url!.endsWith('/token');
    if (isChange) {
      inFlight++;
      received++;
    }
    try {
      const { before, after } = isChange ? delays() : { before: 0, after: 0 };
      await sleep(before);
      if (isChange) host.onForward?.();
      const headers: Record<string, string> = {};
      for (const name of ['accept', 'authorization', 'content-type']) {
        const v = req.headers[name];
        if (typeof v === 'string') headers[name] = v;
      }
      const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, body: body.length > 0 ? new Uint8Array(body) : undefined });
      const payload = Buffer.from(await answer.arrayBuffer());
      if (isChange) applied.push({ method: req.method!, path: req.url!, body: body.toString('utf8'), status: answer.status });
      await sleep(after);
      if (!res.destroyed) {
        res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(payload);
      }
    } catch {
      if (!res.destroyed && !res.headersSent) {
        res.writeHead(502);
        res.end();
      }
    } finally {
      if (isChange) inFlight--;
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    // The server died mid-body: nothing whole arrived, nothing is applied.
    req.on('error', () => {});
    res.on('error', () => {});
    req.on('end', () => void forward(req, Buffer.concat(chunks), res));
  });
  server.on('connection', (socket) => {
    connections++;
    socket.on('close', () => connections--);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const host: SlowHost = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    inFlight: () => inFlight,
    received: () => received,
    applied,
    idle: () => inFlight === 0 && connections === 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  return host;
}

interface Console {
  child: ChildProcess;
  url: string;
  dbFile: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `server/main.ts` in a process of its own, pointed at `host`, over a new database holding one
 * support operator. Run as `node --import tsx` (not the tsx CLI, which would run the server in a
 * grandchild that a SIGKILL to the child would leave alive).
 */
async function startConsole(emu: TestEmulator, host: SlowHost, env: Record<string, string> = {}): Promise<Console> {
  const dir = mkdtempSync(join(tmpdir(), 'im-console-crash-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const staticDir = join(dir, 'dist');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
  const dbFile = join(dir, 'console.sqlite');
  const database = await openConsoleDatabase({ url: dbFile });
  await createOperators(database.db).add('support1', 'support', PASSWORD);
  await database.close();

  const o = emu.emulator.options;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      // Logs are silent under the test runner, whose variables the child inherits: ask for them.
      LOG_LEVEL: 'info',
      PORT: '0',
      HOST: '127.0.0.1',
      CONSOLE_DB: dbFile,
      CONSOLE_STATIC_DIR: staticDir,
      IM_APPS: '',
      IM_ID: APP,
      IM_HOST: host.url,
      IM_SCHEME: 'easemob',
      IM_ORG: o.org,
      IM_APP: o.app,
      IM_APP_ID: '',
      IM_APP_TOKEN: '',
      IM_CLIENT_ID: o.clientId,
      IM_CLIENT_SECRET: o.clientSecret,
      // Only the writers' calls reach the host: the search index is not walked by itself here.
      SEARCH_INDEX_AUTO: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line:\n${out}`)), 45_000);
    const onData = () => {
      // Logs are JSON lines: `{"level":30,…,"url":"http://…","msg":"listening"}`.
      const m = /"url":"(http:\/\/[^"]+)","msg":"listening"/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code ?? signal}:\n${out}`));
    });
  });
  return { child, url, dbFile, output: () => out, exited };
}

interface WriterResult {
  /** Nicknames the server answered 200 for. */
  confirmed: string[];
  statuses: number[];
  error?: string;
}

/** Sets `user`'s nickname to `w{k}-{n}`, n = 1, 2, …, until the server cannot be reached. */
async function writeUntilRefused(me: SignedIn, user: string, k: number, onAnswer: () => void, stop: () => boolean): Promise<WriterResult> {
  const result: WriterResult = { confirmed: [], statuses: [] };
  for (let n = 1; !stop(); n++) {
    const nickname = `w${k}-${n}`;
    try {
      const res = await me.call('PUT', `/im/${APP}/users/${encodeURIComponent(user)}`, { nickname });
      await res.arrayBuffer();
      result.statuses.push(res.status);
      if (res.status === 200) result.confirmed.push(nickname);
    } catch (e) {
      result.error = String((e as Error).cause ?? e);
      return result;
    }
    onAnswer();
  }
  return result;
}

async function nicknames(emu: TestEmulator, users: string[]): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>();
  for (const u of users) {
    const res = await emu.call('GET', `/users/${encodeURIComponent(u)}`);
    if (res.status !== 200) throw new Error(`GET /users/${u}: ${res.status} ${JSON.stringify(res.body)}`);
    out.set(u, res.body.entities[0].nickname as string | undefined);
  }
  return out;
}

interface AuditRow {
  id: number;
  target: string | null;
  summary: string;
  /** The outcome row's status; null: the outcome never came. */
  outcome: number | null;
}

/** The nickname changes in the audit log, read from the file as a restarted server would. */
function auditedChanges(dbFile: string): AuditRow[] {
  const db = openSqlite(dbFile);
  try {
    return db
      .prepare<[], AuditRow>(
        `SELECT a.id, a.target, a.summary, o.status AS outcome
         FROM audit a LEFT JOIN audit_outcome o ON o.audit_id = a.id
         WHERE a.action = 'PUT users/{username}' ORDER BY a.id`,
      )
      .all();
  } finally {
    db.close();
  }
}

const userOf = (hostPath: string) => decodeURIComponent(hostPath.split('?', 1)[0]!.split('/').at(-1)!);

/** Every change the host applied, and every user's nickname there, has an audit row. */
function expectEveryChangeAudited(rows: AuditRow[], host: SlowHost, users: string[], initial: Map<string, string | undefined>, final: Map<string, string | undefined>) {
  const audited = new Set(rows.map((r) => `${r.target} ${r.summary}`));
  const appliedChanges = host.applied.filter((c) => c.status === 200);
  expect(appliedChanges.length).toBeGreaterThan(0);
  for (const c of appliedChanges) {
    expect.soft(audited.has(`${userOf(c.path)} ${c.body}`), `applied at the host without an audit row: ${c.method} ${c.path} ${c.body}`).toBe(true);
  }
  const changed = users.filter((u) => final.get(u) !== initial.get(u));
  expect(changed.length).toBeGreaterThan(0);
  for (const u of changed) {
    const summary = JSON.stringify({ nickname: final.get(u) });
    expect.soft(audited.has(`${u} ${summary}`), `${u}'s nickname at the host, ${final.get(u)}, has no audit row`).toBe(true);
  }
  return changed;
}

describe('the write-ahead audit log when the server dies', () => {
  it('kill -9 during 16 concurrent writers leaves no change at the IM host without an audit row', { timeout: 90_000 }, async () => {
    const emu = await startTestEmulator();
    cleanups.push(() => emu.close());
    const users = await registerUsers(
      emu,
      Array.from({ length: WRITERS }, (_, k) => `crash-w${k}`),
    );
    const initial = await nicknames(emu, users);
    // 30-80 ms a change: some wait to be applied, some are applied and wait for their answer.
    const host = await startSlowHost(emu.url, () => ({ before: between(10, 40), after: between(20, 40) }));
    cleanups.push(() => host.close());
    const server = await startConsole(emu, host);
    const me = await signIn(server.url, 'support1');

    let answered = 0;
    const threshold = between(40, 80);
    let killedAt: { answered: number; inFlight: number } | undefined;
    // The kill comes at the moment the host starts applying a change, with others in flight.
    host.onForward = () => {
      if (killedAt || answered < threshold || host.inFlight() < 4) return;
      killedAt = { answered, inFlight: host.inFlight() };
      server.child.kill('SIGKILL');
    };
    // Only if the kill never comes do the writers stop by themselves; after it, each writes on
    // until the dead server refuses it (stopping them at the kill let one end cleanly between writes).
    let giveUp = false;
    const writers = Promise.all(users.map((u, k) => writeUntilRefused(me, u, k, () => answered++, () => giveUp)));
    try {
      await waitFor(`${threshold} answered writes with changes in flight`, () => killedAt !== undefined, 60_000);
    } catch (e) {
      giveUp = true;
      throw e;
    }
    const results = await writers;
    expect(await server.exited).toMatchObject({ signal: 'SIGKILL' });
    // What the host had received whole it applies; then nothing more comes.
    await waitFor('the IM host to finish the changes it received', host.idle);

    const final = await nicknames(emu, users);
    const rows = auditedChanges(server.dbFile);
    const changed = expectEveryChangeAudited(rows, host, users, initial, final);

    // Before the kill every write went through, and was answered only once its outcome was written.
    expect(results.flatMap((r) => r.statuses).every((s) => s === 200)).toBe(true);
    expect(results.every((r) => r.error !== undefined)).toBe(true);
    const finished = new Set(rows.filter((r) => r.outcome === 200).map((r) => `${r.target} ${r.summary}`));
    results.forEach((r, k) => {
      for (const nickname of r.confirmed) expect.soft(finished.has(`${users[k]} ${JSON.stringify({ nickname })}`), `${users[k]} ${nickname} answered without its outcome`).toBe(true);
    });
    expect(answered).toBeGreaterThanOrEqual(40);

    // Rows whose outcome never came are allowed ("outcome unknown"). The change handed to the host
    // at the kill cannot have its outcome: at least that one is pending.
    const pending = rows.filter((r) => r.outcome === null);
    expect(pending.length).toBeGreaterThanOrEqual(1);
    console.info(
      `kill -9 after ${killedAt!.answered} answered writes (${killedAt!.inFlight} in flight at the host): ` +
        `${host.applied.length} changes applied at the host, ${changed.length} users changed, ${rows.length} audit rows, ${pending.length} without an outcome`,
    );
  });

  it('SIGTERM with slow calls in flight: the server exits, and every change the host applied has its audit row', { timeout: 90_000 }, async () => {
    const emu = await startTestEmulator();
    cleanups.push(() => emu.close());
    const users = await registerUsers(
      emu,
      Array.from({ length: WRITERS }, (_, k) => `term-w${k}`),
    );
    const initial = await nicknames(emu, users);
    // Each change is applied 4 s after it arrives: long after the 1 s shutdown gave up on it.
    const host = await startSlowHost(emu.url, () => ({ before: 4000, after: 0 }));
    cleanups.push(() => host.close());
    const server = await startConsole(emu, host, { SHUTDOWN_TIMEOUT_SECONDS: '1' });
    const me = await signIn(server.url, 'support1');

    let answered = 0;
    let giveUp = false;
    const writers = Promise.all(users.map((u, k) => writeUntilRefused(me, u, k, () => answered++, () => giveUp)));
    try {
      await waitFor('every writer\'s change to reach the host', () => host.received() >= WRITERS, 60_000);
    } finally {
      giveUp = true;
    }
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    const results = await writers;
    await waitFor('the IM host to finish the changes it received', host.idle, 30_000);

    // The calls still open were cut off after the timeout.
    expect(exit).toMatchObject({ code: 1 });
    expect(server.output()).toContain('"msg":"finishing calls in flight"');
    expect(server.output()).toContain('calls still open were cut off');
    expect(answered).toBe(0);
    expect(results.every((r) => r.error !== undefined)).toBe(true);

    const final = await nicknames(emu, users);
    const rows = auditedChanges(server.dbFile);
    const changed = expectEveryChangeAudited(rows, host, users, initial, final);
    expect(host.applied.filter((c) => c.status === 200)).toHaveLength(WRITERS);
    expect(changed).toHaveLength(WRITERS);
    // Their answers came after the server was gone: no outcome, and that is allowed.
    const pending = rows.filter((r) => r.outcome === null);
    expect(pending.length).toBeGreaterThanOrEqual(1);
    console.info(`SIGTERM: ${host.applied.length} changes applied at the host after the server left, ${rows.length} audit rows, ${pending.length} without an outcome`);
  });
});
