import type { ImAppConfig } from '../im-config.js';
import type { IndexLog } from './log.js';
import { userFromApi, type ApiUser, type IndexedUser, type UserStore } from './store.js';
import { leaseHeld, type StateRow, type WalkStart, type WalkState } from './walk-state.js';

// The build: `GET users?limit=100&cursor` under the app's rate limit. Each page, its rows and the
// walk's cursor commit together, so an interrupted walk resumes where it stopped and indexes
// nobody twice. One server walks an app at a time (the lease in walk-state.ts): it renews the
// lease while it walks, and a server that finds a walk whose holder stopped renewing takes it over
// from the saved cursor (`takeOver`, called every few seconds by upkeep.ts).

export const PAGE_SIZE = 100;
export const INDEX_RATE_DEFAULT = 50;
/** How long a walk's lease lasts unless renewed: another server takes the walk over after it. */
export const LEASE_MS_DEFAULT = 30_000;

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
  /** The walk under way, on this server or another. */
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

/** The status of the proxy's own failures (host away, token refused or over the limit). */
const failureStatus = (e: unknown): number | undefined => {
  const status = (e as { status?: unknown })?.status;
  return e instanceof Error && typeof status === 'number' ? status : undefined;
};

export interface WalkerOptions {
  state: WalkState;
  store: UserStore;
  upstream: IndexUpstream;
  apps: ImAppConfig[];
  rate: () => number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  onPage?: (app: string, progress: BuildProgress) => void;
  /** The lease's length, and how often a walking server renews it (besides at every page). */
  lease: { ms: number; renewMs: number };
  log: IndexLog;
}

export function createWalker({ state, store, upstream, apps, rate: baseRate, now, sleep, onPage, lease, log }: WalkerOptions) {
  const byId = new Map(apps.map((a) => [a.id, a]));
  const running = new Map<string, { abort: AbortController; progress: BuildProgress; done: Promise<void> }>();

  /** A walk another server holds, as far as its saved state tells. */
  const elsewhere = (s: StateRow): BuildProgress => ({
    mode: s.rewalk === 1 ? 'rewalk' : 'build',
    usersIndexed: s.walk_users,
    calls: s.walk_calls,
    rate: baseRate(),
    startedAt: s.walk_started_at ?? 0,
    etaSeconds: null,
    routine: s.walk_routine === 1,
  });

  async function status(app: string): Promise<IndexStatus> {
    const s = await state.get(app);
    const building = running.get(app)?.progress ?? (s?.walking === 1 && leaseHeld(s, now()) ? elsewhere(s) : null);
    return {
      app,
      count: s?.user_count ?? 0,
      lastBuiltAt: s?.last_built_at ? new Date(s.last_built_at).toISOString() : null,
      building,
      resumable: !building && (s?.walking ?? 0) !== 0,
      lastError: s?.last_error ?? null,
    };
  }

  async function walk(app: ImAppConfig, mode: 'build' | 'rewalk', abort: AbortController, progress: BuildProgress) {
    const before = await state.get(app.id);
    if (!before) return; // dropped meanwhile
    const previousCount = before.user_count;
    // A new walk from the first page (a re-walk gets a new generation so its end can sweep); one
    // finished before continues from the last page to pick up users registered since; an
    // unfinished one resumes.
    const start: WalkStart = mode === 'rewalk' || (before.walking === 0 && before.last_built_at === null) ? 'new' : before.walking === 0 ? 'continue' : 'resume';
    if (!(await state.begin(app.id, start, { rewalk: mode === 'rewalk', routine: progress.routine, at: now() }))) return;
    const s = (await state.get(app.id))!;
    progress.mode = s.rewalk === 1 ? 'rewalk' : 'build';
    progress.usersIndexed = s.walk_users;
    progress.calls = s.walk_calls;
    // Between pages too (a slow host, a long Retry-After); a lease found gone stops the walk.
    const renewal = setInterval(() => {
      state.renew(app.id, now() + lease.ms).then(
        (held) => held || abort.abort(),
        (e: unknown) => log.error({ app: app.id, err: (e as Error).message }, 'search index: renewing the walk’s lease failed'),
      );
    }, lease.renewMs);
    renewal.unref();
    try {
      await pages(app, s, abort, progress, previousCount);
    } finally {
      clearInterval(renewal);
    }
  }

  async function pages(app: ImAppConfig, s: StateRow, abort: AbortController, progress: BuildProgress, previousCount: number) {
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
      // The last page keeps the cursor that fetched it, so "build" later continues from there.
      const position = state.position(app.id, { cursor: next ?? cursor, users: users.length, calls: progress.calls, until: now() + lease.ms });
      // Not saved: this server no longer holds the walk (taken over, cancelled or dropped elsewhere).
      if (!(await store.savePage(app.id, users, s.gen, position))) return;
      progress.usersIndexed += users.length;
      if (!next) {
        await store.finish(app.id, s.rewalk === 1 ? s.gen : null, state.finished(app.id, { cursor, at: now() }));
        onPage?.(app.id, progress);
        return;
      }
      cursor = next;
      estimate();
      onPage?.(app.id, progress);
    }
  }

  /** Starts (or resumes) a walk in the background; refuses while one runs, here or on another server. */
  async function start(appId: string, mode: 'build' | 'rewalk', { routine = false } = {}): Promise<BuildProgress> {
    const app = byId.get(appId);
    if (!app) throw new Error(`No app "${appId}" is configured`);
    if (running.has(appId)) throw new IndexBusyError('A walk of this app is already running.');
    const abort = new AbortController();
    const progress: BuildProgress = { mode, usersIndexed: 0, calls: 0, rate: baseRate(), startedAt: now(), etaSeconds: null, routine };
    let ended!: () => void;
    running.set(appId, { abort, progress, done: new Promise<void>((r) => (ended = r)) });
    const end = () => {
      running.delete(appId);
      ended();
    };
    try {
      await state.ensure(appId);
      if (!(await state.acquire(appId, now(), now() + lease.ms))) throw new IndexBusyError('A walk of this app is already running on another server.');
    } catch (e) {
      end();
      throw e;
    }
    void (async () => {
      try {
        await walk(app, mode, abort, progress);
      } catch (e) {
        // Stays unfinished: a pick-up or a restart goes on from the last page. (The database may
        // have closed under the walk at shutdown: then the next start resumes it.)
        await state.failed(appId, (e as Error).message).catch(() => undefined);
      } finally {
        await state.release(appId).catch(() => undefined);
        end();
      }
    })();
    return progress;
  }

  /**
   * Stops after the page in flight; the walk stays resumable. Cancelled by an operator (on this
   * server or another: the walking one stops at its next page or renewal), it waits for "build";
   * stopped with the server (`close`), it goes on elsewhere or when the server starts again.
   */
  async function cancel(appId: string, { byOperator = false } = {}): Promise<boolean> {
    const r = running.get(appId);
    if (r) {
      r.abort.abort();
      await r.done;
    }
    if (byOperator) await state.cancelled(appId);
    return r !== undefined;
  }

  /** Starts a walk of each configured app `due` picks, unless one runs here or another server holds it. The apps started. */
  async function startDue(due: (s: StateRow | undefined) => boolean, routine = false): Promise<string[]> {
    const states = new Map((await state.all()).map((s) => [s.app, s]));
    const started: string[] = [];
    for (const { id } of apps) {
      const s = states.get(id);
      if (running.has(id) || !due(s) || (s && leaseHeld(s, now()))) continue;
      try {
        await start(id, 'build', { routine });
        started.push(id);
      } catch (e) {
        // Another server was quicker.
        if (!(e instanceof IndexBusyError)) throw e;
      }
    }
    return started;
  }

  return {
    status,
    start,
    cancel,
    /** At start: walks cut off by a stop, a crash or a failure go on from their last page. */
    resumeInterrupted: () => startDue((s) => s?.walking === 1),
    /** Every few seconds: a walk whose server stopped renewing its lease (or gave it back at shutdown) goes on here. */
    takeOver: () => startDue((s) => s?.walking === 1 && s.last_error === null),
    /** At start: each configured app that has no index yet (no state row) gets its first walk. */
    buildNew: () => startDue((s) => s === undefined),
    /**
     * The periodic pick-up: a finished index continues from its last page (users registered
     * elsewhere since), and a walk that failed (host away) goes on. A walk an operator cancelled
     * (walking = 2) waits for them; an app with no index (dropped) waits for a restart or "build".
     */
    pickUp: () => startDue((s) => s !== undefined && (s.walking === 1 || (s.walking === 0 && s.last_built_at !== null)), true),
    isBuilding: (app: string) => running.has(app),
    /** Resolves when the app's walk in flight ends (tests, shutdown). */
    settled: async (app: string) => running.get(app)?.done,
    /** Cancels every walk (shutdown): each stays resumable, its lease given back. */
    close: async () => {
      await Promise.all([...running.keys()].map((app) => cancel(app)));
    },
  };
}
