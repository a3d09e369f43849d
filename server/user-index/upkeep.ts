import type { IndexLog } from './log.js';

// Search from the first minute: the server builds each app's index by itself the first time it
// sees the app, and every few minutes continues each finished index from its last page, so users
// registered outside the console show up without anyone asking. The console's own changes reach
// the index at once (events.ts); deletions and renames made elsewhere wait for a re-walk.
//
// With several servers on one database each does the same, and the walks' lease lets one of them
// walk an app at a time. Every few seconds each also looks for a walk whose server died (its lease
// ran out) or stopped, and takes it over from the saved cursor.

export const REFRESH_MINUTES_DEFAULT = 10;
/** How often a server looks for walks to take over (with the 30 s lease: within 40 s of the holder's last renewal). */
export const TAKEOVER_MS_DEFAULT = 10_000;

interface Walks {
  resumeInterrupted: () => Promise<string[]>;
  takeOver: () => Promise<string[]>;
  buildNew: () => Promise<string[]>;
  pickUp: () => Promise<string[]>;
}

export interface Upkeep {
  /** The first round (resume, first builds) has run. */
  ready: Promise<void>;
  /** Stops the timers; resolves once the rounds under way are done (the walks they started are the index's to stop). */
  stop: () => Promise<void>;
}

export interface UpkeepOptions {
  /** false (`SEARCH_INDEX_AUTO=off`): no first builds and no pick-ups; interrupted walks still go on. */
  auto: boolean;
  refreshMs: number;
  takeoverMs?: number;
  log: IndexLog;
}

export function startUpkeep(walks: Walks, o: UpkeepOptions): Upkeep {
  const { log } = o;
  const timers: NodeJS.Timeout[] = [];
  const underWay = new Set<Promise<void>>();
  let stopped = false;
  /** One round; a failure (the database away, or closed at shutdown) waits for the next. */
  const round = (what: string, step: () => Promise<void>) => {
    const p = step()
      .catch((e: unknown) => log.error({ err: (e as Error).message }, `search index: ${what} failed`))
      .finally(() => underWay.delete(p));
    underWay.add(p);
    return p;
  };
  const every = (ms: number, what: string, step: () => Promise<void>) => {
    // A round still under way when the next is due (a slow database) is not run twice at once.
    let current: Promise<void> | undefined;
    const timer = setInterval(() => {
      current ??= round(what, step).finally(() => (current = undefined));
    }, ms);
    // The timers alone never keep the process alive.
    timer.unref();
    timers.push(timer);
  };

  const ready = round('resuming or building at start', async () => {
    for (const app of await walks.resumeInterrupted()) log.info({ app }, 'search index: resuming an interrupted walk');
    if (o.auto && !stopped) for (const app of await walks.buildNew()) log.info({ app }, 'search index: building it (first time this server sees the app)');
  });
  every(o.takeoverMs ?? TAKEOVER_MS_DEFAULT, 'taking over', async () => {
    for (const app of await walks.takeOver()) log.info({ app }, 'search index: taking over a walk another server left');
  });
  if (o.auto) {
    every(o.refreshMs, 'pick-up', async () => {
      const apps = await walks.pickUp();
      if (apps.length > 0 && log.debug) log.debug({ apps }, 'search index: picking up new users');
    });
  }
  return {
    ready,
    stop: async () => {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.all(underWay);
    },
  };
}
