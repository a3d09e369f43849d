import type { IndexLog } from './log.js';
import type { IndexedUser, UserStore } from './store.js';

// The console's own changes (register, delete, nickname edit, ban, unban), so they show in the
// index at once rather than at the next re-walk. The proxy says what changed
// (server/proxy/index-events.ts); the index does not read URLs. Whichever server answered the call
// applies it: the index is in the database they share.

export type UserIndexEvent =
  | { type: 'registered'; users: IndexedUser[] }
  | { type: 'deleted'; usernames: string[] }
  | { type: 'nickname'; username: string; nickname: string }
  | { type: 'activation'; username: string; activated: boolean };

/**
 * How a store writes each kind of event: synchronously (SQLite) or not (PostgreSQL). Each gives
 * back how many rows it added (removed: negative), for the app's count.
 */
export interface EventWriter<R> {
  upsert: (users: IndexedUser[]) => R;
  remove: (usernames: string[]) => R;
  /** A nickname edit; the generation stays, as no walk saw it. Nobody indexed: nothing. */
  setNickname: (username: string, nickname: string) => R;
  setActivated: (username: string, activated: boolean) => R;
}

/** The writes one event makes. */
export function writeEvent<R>(w: EventWriter<R>, e: UserIndexEvent): R {
  switch (e.type) {
    case 'registered':
      return w.upsert(e.users);
    case 'deleted':
      return w.remove(e.usernames);
    case 'nickname':
      return w.setNickname(e.username, e.nickname);
    case 'activation':
      return w.setActivated(e.username, e.activated);
  }
}

export function createApply(store: UserStore, log: IndexLog) {
  /** Applies the events of one call together; apps without an index ignore them. Never throws. */
  return async function apply(app: string, events: UserIndexEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      await store.apply(app, events);
    } catch (e) {
      // The call succeeded on the IM host; a stale entry is fixed by the next re-walk.
      log.error({ app, events: events.map((ev) => ev.type), err: (e as Error).message }, 'search index update failed');
    }
  };
}
