import type { ConsoleDb } from '../console-db.js';
import type { IndexLog } from './log.js';
import type { IndexedUser, UserStore } from './store.js';

// The console's own changes (register, delete, nickname edit, ban, unban), so they show in the
// index at once rather than at the next re-walk. The proxy says what changed
// (server/proxy/index-events.ts); the index does not read URLs.

export type UserIndexEvent =
  | { type: 'registered'; users: IndexedUser[] }
  | { type: 'deleted'; usernames: string[] }
  | { type: 'nickname'; username: string; nickname: string }
  | { type: 'activation'; username: string; activated: boolean };

export function createApply(db: ConsoleDb, store: UserStore, log: IndexLog) {
  /** Applies the events of one call together; apps without an index ignore them. */
  return function apply(app: string, events: UserIndexEvent[]): void {
    const gen = store.generation(app);
    if (gen === undefined || events.length === 0) return;
    const change = db.transaction(() => {
      for (const e of events) {
        switch (e.type) {
          case 'registered':
            for (const u of e.users) store.upsert(app, u, gen);
            break;
          case 'deleted':
            for (const username of e.usernames) store.remove(app, username);
            break;
          case 'nickname':
            store.setNickname(app, e.username, e.nickname);
            break;
          case 'activation':
            store.setActivated(app, e.username, e.activated);
            break;
        }
      }
    });
    try {
      change();
    } catch (e) {
      // The call succeeded on the IM host; a stale entry is fixed by the next re-walk.
      log.error({ app, events: events.map((ev) => ev.type), err: (e as Error).message }, 'search index update failed');
    }
  };
}
