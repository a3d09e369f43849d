import type { IndexLog } from './log.js';

// Search from the first minute: the server builds each app's index by itself the first time it
// sees the app, and every few minutes continues each finished index from its last page, so users
// registered outside the console show up without anyone asking. The console's own changes reach
// the index at once (events.ts); deletions and renames made elsewhere wait for a re-walk.

export const REFRESH_MINUTES_DEFAULT = 10;

interface Walks {
  buildNew: () => string[];
  pickUp: () => string[];
}

export interface Upkeep {
  /** Stops the timer (the walks in flight are the index's to stop). */
  stop: () => void;
}

export function startUpkeep(walks: Walks, o: { refreshMs: number; log: IndexLog }): Upkeep {
  const { log } = o;
  for (const app of walks.buildNew()) log.info({ app }, 'search index: building it (first time this server sees the app)');
  const tick = () => {
    try {
      const apps = walks.pickUp();
      if (apps.length > 0 && log.debug) log.debug({ apps }, 'search index: picking up new users');
    } catch (e) {
      // The database went away under the timer (shutdown): the next start begins again.
      log.error({ err: (e as Error).message }, 'search index: pick-up failed');
    }
  };
  const timer = setInterval(tick, o.refreshMs);
  // The timer alone never keeps the process alive.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
