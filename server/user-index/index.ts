import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ImAppConfig } from '../im-config.js';
import type { ConsoleDatabase } from '../store/database.js';
import { createApply } from './events.js';
import { consoleLog, type IndexLog } from './log.js';
import { createPostgresStore } from './postgres-store.js';
import { createSearch } from './search.js';
import { createSqliteStore } from './sqlite-store.js';
import { createWalkState } from './walk-state.js';
import { createWalker, INDEX_RATE_DEFAULT, LEASE_MS_DEFAULT, type BuildProgress, type IndexUpstream } from './walker.js';

// A local index of each app's users, so the console finds them by any part of a username or
// nickname (the IM API looks up exact names only). It lives in the console's database, SQLite or
// PostgreSQL (the tables: schema.ts, made by the migrations), so every server of a console sees
// the same index. Built by a paced, resumable walk of the API (walker.ts) that one server at a
// time holds, kept current by the console's own changes (events.ts), and looked after by the
// servers themselves (upkeep.ts): a first walk when they first see an app, then a periodic
// pick-up, and a walk whose server died taken over by another.

export type { UserIndexEvent } from './events.js';
export type { IndexLog } from './log.js';
export { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX, type SearchPage } from './search.js';
export { userFromApi, type IndexedUser } from './store.js';
export { REFRESH_MINUTES_DEFAULT, TAKEOVER_MS_DEFAULT, startUpkeep, type Upkeep } from './upkeep.js';
export { latinTrigrams, shortGrams } from './tokenizer.js';
export { INDEX_RATE_DEFAULT, IndexBusyError, LEASE_MS_DEFAULT, PAGE_SIZE, type BuildProgress, type IndexStatus, type IndexUpstream } from './walker.js';

export interface UserIndexOptions {
  /** The console's database (store/database.ts), migrated. */
  database: Pick<ConsoleDatabase, 'db' | 'dialect' | 'sqlite'>;
  upstream: IndexUpstream;
  apps: ImAppConfig[];
  /** Calls per second while walking (default 50); read when a walk starts. */
  rate?: number | (() => number | undefined);
  /** The clock of the walks' pace and of their leases. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called after each committed page (tests cut a walk short from here). */
  onPage?: (app: string, progress: BuildProgress) => void;
  /** Defaults to the console; the server passes its structured logger. */
  log?: IndexLog;
  /** This server's name in the walks' leases (default: host, process and a random part). */
  holder?: string;
  /** A walk's lease (default 30 s) and how often its server renews it (default a third of it). */
  lease?: { ms?: number; renewMs?: number };
}

export function createUserIndex(o: UserIndexOptions) {
  const { db, dialect, sqlite } = o.database;
  if (dialect === 'sqlite' && !sqlite) throw new Error('The SQLite index needs the database handle');
  const store = dialect === 'postgres' ? createPostgresStore(db) : createSqliteStore(sqlite!, db);
  const state = createWalkState(db, o.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`);
  const leaseMs = o.lease?.ms ?? LEASE_MS_DEFAULT;
  const log = o.log ?? consoleLog;
  const walker = createWalker({
    state,
    store,
    upstream: o.upstream,
    apps: o.apps,
    rate: () => (typeof o.rate === 'function' ? o.rate() : o.rate) ?? INDEX_RATE_DEFAULT,
    now: o.now ?? Date.now,
    sleep: o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
    onPage: o.onPage,
    lease: { ms: leaseMs, renewMs: o.lease?.renewMs ?? leaseMs / 3 },
    log,
  });

  return {
    search: createSearch(store.buckets),
    put: store.put,
    status: walker.status,
    start: walker.start,
    cancel: walker.cancel,
    resumeInterrupted: walker.resumeInterrupted,
    takeOver: walker.takeOver,
    buildNew: walker.buildNew,
    pickUp: walker.pickUp,
    /** Stops the app's walk (here, or at its next page on another server) and forgets its index. */
    drop: async (app: string) => {
      await walker.cancel(app);
      await store.drop(app);
    },
    apply: createApply(store, log),
    isBuilding: walker.isBuilding,
    settled: walker.settled,
    close: walker.close,
  };
}

export type UserIndex = ReturnType<typeof createUserIndex>;
