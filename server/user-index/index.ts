import type { ConsoleDb } from '../console-db.js';
import type { ImAppConfig } from '../im-config.js';
import { createApply } from './events.js';
import { consoleLog, type IndexLog } from './log.js';
import { applySchema } from './schema.js';
import { createSearch } from './search.js';
import { createStore } from './store.js';
import { createWalker, INDEX_RATE_DEFAULT, type BuildProgress, type IndexUpstream } from './walker.js';

// A local index of each app's users, so the console finds them by any part of a username or
// nickname (the IM API looks up exact names only). Built by a paced, resumable walk of the API
// (walker.ts), kept current by the console's own changes (events.ts), and looked after by the
// server itself (upkeep.ts): a first walk when it first sees an app, then a periodic pick-up.

export type { UserIndexEvent } from './events.js';
export type { IndexLog } from './log.js';
export { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX, type SearchPage } from './search.js';
export { userFromApi, type IndexedUser } from './store.js';
export { REFRESH_MINUTES_DEFAULT, startUpkeep, type Upkeep } from './upkeep.js';
export { latinTrigrams, shortGrams } from './tokenizer.js';
export { INDEX_RATE_DEFAULT, IndexBusyError, PAGE_SIZE, type BuildProgress, type IndexStatus, type IndexUpstream } from './walker.js';

export interface UserIndexOptions {
  db: ConsoleDb;
  upstream: IndexUpstream;
  apps: ImAppConfig[];
  /** Calls per second while walking (default 50); read when a walk starts. */
  rate?: number | (() => number | undefined);
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called after each committed page (tests cut a walk short from here). */
  onPage?: (app: string, progress: BuildProgress) => void;
  /** Defaults to the console; the server passes its structured logger. */
  log?: IndexLog;
}

export function createUserIndex(o: UserIndexOptions) {
  const { db } = o;
  applySchema(db);
  const store = createStore(db);
  const walker = createWalker({
    db,
    store,
    upstream: o.upstream,
    apps: o.apps,
    rate: () => (typeof o.rate === 'function' ? o.rate() : o.rate) ?? INDEX_RATE_DEFAULT,
    now: o.now ?? Date.now,
    sleep: o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
    onPage: o.onPage,
  });

  return {
    search: createSearch(db),
    put: store.put,
    status: walker.status,
    start: walker.start,
    cancel: walker.cancel,
    resumeInterrupted: walker.resumeInterrupted,
    buildNew: walker.buildNew,
    pickUp: walker.pickUp,
    /** Stops the app's walk and forgets its index. */
    drop: async (app: string) => {
      await walker.cancel(app);
      store.drop(app);
    },
    apply: createApply(db, store, o.log ?? consoleLog),
    isBuilding: walker.isBuilding,
    settled: walker.settled,
    close: walker.close,
  };
}

export type UserIndex = ReturnType<typeof createUserIndex>;
