import type { ConsoleDb } from '../console-db.js';
import type { ImAppConfig } from '../im-config.js';
import { userFromApi, type ApiUser, type IndexedUser, type UserStore } from './store.js';

// The build: `GET users?limit=100&cursor` under the app's rate limit. Each page, its rows and the
// walk's cursor commit together, so an interrupted walk resumes where it stopped and indexes
// nobody twice.

export const PAGE_SIZE = 100;
export const INDEX_RATE_DEFAULT = 50;

export interface BuildProgress {
  mode: 'build' | 'rewalk';
  usersIndexed: number;
  calls: number;
  /** Calls per second now (lowered after a 429). */
  rate: number;
  startedAt: number;
  /** From the size of the last finished walk; null when there was none. */
  etaSeconds: number | null;
  /** The server's periodic pick-up of new users (upkeep.ts): nobody waits for its end. */
  routine: boolean;
}

export interface IndexStatus {
  app: string;
  count: number;
  lastBuiltAt: string | null;
  building: BuildProgress | null;
  /** A walk was left unfinished (cancelled, failed, server stopped): "build" resumes it. */
  resumable: boolean;
  lastError: string | null;
}

export class IndexBusyError extends Error {}

/** The proxy's way to the IM host (`createUpstream` in proxy/upstream.ts): the app token, renewed on 401. */
export interface IndexUpstream {
  call: (app: ImAppConfig, path: string, init: (token: string) => RequestInit) => Promise<Response>;
}

interface StateRow {
  app: string;
  gen: number;
  walking: number;
  rewalk: number;
  cursor: string | null;
  walk_users: number;
  walk_calls: number;
  walk_started_at: number | null;
  last_built_at: number | null;
  last_error: string | null;
}

/** The status of the proxy's own failures (host away, token refused or over the limit). */
const failureStatus = (e: unknown): number | undefined => {
  const status = (e as { status?: unknown })?.status;
  return e instanceof Error && typeof status === 'number' ? status : undefined;
};

export interface WalkerOptions {
  db: ConsoleDb;
  store: UserStore;
  upstream: IndexUpstream;
  apps: ImAppConfig[];
  rate: () => number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  onPage?: (app: string, progress: BuildProgress) => void;
}

export function createWalker({ db, store, upstream, apps, rate: baseRate, now, sleep, onPage }: WalkerOptions) {
  const byId = new Map(apps.map((a) => [a.id, a]));
  const running = new Map<string, { abort: AbortController; progress: BuildProgress; done: Promise<void> }>();

  const getState = db.prepare<[string], StateRow>('SELECT * FROM user_index_state WHERE app = ?');
  const newWalk = db.prepare(
    'UPDATE user_index_state SET gen = gen + 1, walking = 1, rewalk = ?, cursor = NULL, walk_users = 0, walk_calls = 0, walk_started_at = ?, last_error = NULL WHERE app = ?',
  );
  const continueWalk = db.prepare('UPDATE user_index_state SET walking = 1, rewalk = 0, walk_users = 0, walk_calls = 0, walk_started_at = ?, last_error = NULL WHERE app = ?');
  const resumeWalk = db.prepare('UPDATE user_index_state SET walking = 1, last_error = NULL WHERE app = ?');
  const savePosition = db.prepare('UPDATE user_index_state SET cursor = ?, walk_users = walk_users + ?, walk_calls = ? WHERE app = ?');
  const markFinished = db.prepare('UPDATE user_index_state SET walking = 0, rewalk = 0, cursor = ?, last_built_at = ?, last_error = NULL WHERE app = ?');
  const markFailed = db.prepare('UPDATE user_index_state SET last_error = ? WHERE app = ?');
  const markCancelled = db.prepare('UPDATE user_index_state SET walking = 2 WHERE app = ? AND walking = 1');
  const cutOff = db.prepare<[], { app: string }>('SELECT app FROM user_index_state WHERE walking = 1');

  function status(app: string): IndexStatus {
    const s = getState.get(app);
    const building = running.get(app)?.progress ?? null;
    return {
      app,
      count: store.count(app),
      lastBuiltAt: s?.last_built_at ? new Date(s.last_built_at).toISOString() : null,
      building,
      resumable: !building && (s?.walking ?? 0) !== 0,
      lastError: s?.last_error ?? null,
    };
  }

  const savePage = db.transaction((app: string, users: IndexedUser[], gen: number, cursor: string | null, calls: number) => {
    for (const u of users) store.upsert(app, u, gen);
    savePosition.run(cursor, users.length, calls, app);
  });

  const finishWalk = db.transaction((app: string, rewalk: boolean, gen: number, lastCursor: string | null) => {
    // A full re-walk saw every user that still exists.
    if (rewalk) store.sweep(app, gen);
    markFinished.run(lastCursor, now(), app);
  });

  async function walk(app: ImAppConfig, mode: 'build' | 'rewalk', abort: AbortController, progress: BuildProgress) {
    let s = getState.get(app.id)!;
    const previousCount = store.count(app.id);
    if (mode === 'rewalk' || (s.walking === 0 && s.last_built_at === null)) {
      // A new walk from the first page; a re-walk gets a new generation so its end can sweep.
      newWalk.run(mode === 'rewalk' ? 1 : 0, now(), app.id);
    } else if (s.walking === 0) {
      // Finished before: continue from the last page to pick up users registered since.
      continueWalk.run(now(), app.id);
    } else {
      resumeWalk.run(app.id);
    }
    s = getState.get(app.id)!;
    progress.mode = s.rewalk === 1 ? 'rewalk' : 'build';
    progress.usersIndexed = s.walk_users;
    progress.calls = s.walk_calls;
    let cursor = s.cursor;
    let rate = progress.rate;
    let lastCall = 0;
    let failures = 0;
    const estimate = () => {
      const remaining = Math.max(0, previousCount - progress.usersIndexed);
      progress.etaSeconds = previousCount > 0 && progress.mode === 'rewalk' ? Math.ceil(remaining / PAGE_SIZE / rate) : null;
    };
    while (!abort.signal.aborted) {
      const wait = lastCall + 1000 / rate - now();
      if (wait > 0) await sleep(wait);
      if (abort.signal.aborted) break;
      lastCall = now();
      const path = `/users?limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      let res: Response;
      try {
        res = await upstream.call(app, path, (token) => ({ headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } }));
      } catch (e) {
        // The token request itself can be over the limit, or the host briefly away: wait and retry.
        const status = failureStatus(e);
        if (status === undefined || (status !== 429 && ++failures > 3)) throw e;
        rate = status === 429 ? Math.max(0.5, rate / 2) : rate;
        progress.rate = rate;
        await sleep(status === 429 ? 1000 : 1000 * 2 ** failures);
        continue;
      }
      progress.calls += 1;
      if (res.status === 429) {
        // Over the app's limit: halve the pace for the rest of the walk and wait as told.
        rate = Math.max(0.5, rate / 2);
        progress.rate = rate;
        const retry = Number(res.headers.get('retry-after'));
        await res.body?.cancel();
        await sleep(Number.isFinite(retry) && retry > 0 ? retry * 1000 : 1000 / rate);
        continue;
      }
      failures = 0;
      const body = (await res.json().catch(() => ({}))) as { entities?: ApiUser[]; cursor?: unknown; error_description?: string; error?: string };
      if (!res.ok) throw new Error(`GET users: HTTP ${res.status} ${body.error_description ?? body.error ?? ''}`.trim());
      const users = (body.entities ?? []).map(userFromApi).filter((u): u is IndexedUser => !!u);
      const next = typeof body.cursor === 'string' && body.cursor ? body.cursor : null;
      if (next) {
        savePage(app.id, users, s.gen, next, progress.calls);
        progress.usersIndexed += users.length;
        cursor = next;
        estimate();
        onPage?.(app.id, progress);
      } else {
        // The last page: keep the cursor that fetched it, so "build" later continues from here.
        savePage(app.id, users, s.gen, cursor, progress.calls);
        progress.usersIndexed += users.length;
        finishWalk(app.id, s.rewalk === 1, s.gen, cursor);
        onPage?.(app.id, progress);
        return;
      }
    }
  }

  /** Starts (or resumes) a walk in the background; refuses while one runs. */
  function start(appId: string, mode: 'build' | 'rewalk', { routine = false } = {}): BuildProgress {
    const app = byId.get(appId);
    if (!app) throw new Error(`No app "${appId}" is configured`);
    if (running.has(appId)) throw new IndexBusyError('A walk of this app is already running.');
    store.ensureApp(appId);
    const abort = new AbortController();
    const progress: BuildProgress = { mode, usersIndexed: 0, calls: 0, rate: baseRate(), startedAt: now(), etaSeconds: null, routine };
    const done = walk(app, mode, abort, progress)
      .catch((e: unknown) => {
        try {
          markFailed.run((e as Error).message, appId);
        } catch {
          // The database closed under the walk (shutdown): the walk resumes from its last page.
        }
      })
      .finally(() => running.delete(appId));
    running.set(appId, { abort, progress, done });
    return progress;
  }

  /**
   * Stops after the page in flight; the walk stays resumable. Cancelled by an operator, it waits
   * for "build"; stopped with the server (`close`), it resumes when the server starts again.
   */
  async function cancel(appId: string, { byOperator = false } = {}): Promise<boolean> {
    const r = running.get(appId);
    if (!r) return false;
    r.abort.abort();
    await r.done;
    if (byOperator) markCancelled.run(appId);
    return true;
  }

  /** At start: walks cut off by a stop or a crash go on from their last page. The apps resumed. */
  function resumeInterrupted(): string[] {
    const apps = cutOff.all().map((r) => r.app).filter((app) => byId.has(app) && !running.has(app));
    for (const app of apps) start(app, 'build');
    return apps;
  }

  /** At start: each configured app that has no index yet (no state row) gets its first walk. The apps started. */
  function buildNew(): string[] {
    const fresh = apps.map((a) => a.id).filter((app) => !getState.get(app) && !running.has(app));
    for (const app of fresh) start(app, 'build');
    return fresh;
  }

  /**
   * The periodic pick-up: a finished index continues from its last page (users registered
   * elsewhere since), and a walk that failed (host away) goes on. A walk an operator cancelled
   * (walking = 2) waits for them; an app with no index (dropped) waits for a restart or "build".
   */
  function pickUp(): string[] {
    const due = apps
      .map((a) => a.id)
      .filter((app) => {
        const s = getState.get(app);
        return s && !running.has(app) && (s.walking === 1 || (s.walking === 0 && s.last_built_at !== null));
      });
    for (const app of due) start(app, 'build', { routine: true });
    return due;
  }

  return {
    status,
    start,
    cancel,
    resumeInterrupted,
    buildNew,
    pickUp,
    isBuilding: (app: string) => running.has(app),
    /** Resolves when the app's walk in flight ends (tests, shutdown). */
    settled: async (app: string) => running.get(app)?.done,
    /** Cancels every walk (shutdown): each stays resumable. */
    close: async () => {
      await Promise.all([...running.keys()].map((app) => cancel(app)));
    },
  };
}
