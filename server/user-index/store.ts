import type { Kysely } from 'kysely';
import type { Tables } from '../store/tables.js';
import type { UserIndexEvent } from './events.js';
import type { StateUpdate } from './walk-state.js';

// What the index keeps of a user, and what each database's implementation of it must do
// (sqlite-store.ts, postgres-store.ts). Every write keeps a row, its full-text entry, its short
// fragments, the trigram list and the app's count (user_index_state.user_count) in step, in one
// transaction.

export interface IndexedUser {
  username: string;
  nickname: string;
  activated: boolean;
  created: number | null;
}

export interface UserRow {
  id: number;
  username: string;
  nickname: string;
  activated: number;
  created: number | null;
}

/** A user entity as the IM API returns it: any field may be missing or of another type. */
export interface ApiUser {
  username?: unknown;
  nickname?: unknown;
  activated?: unknown;
  created?: unknown;
}

export const toUser = (r: UserRow): IndexedUser => ({ username: r.username, nickname: r.nickname, activated: r.activated === 1, created: r.created });

/** The user an API entity describes; none without a username. */
export const userFromApi = (e: ApiUser): IndexedUser | undefined =>
  typeof e.username === 'string' && e.username
    ? {
        username: e.username,
        nickname: typeof e.nickname === 'string' ? e.nickname : '',
        activated: e.activated !== false,
        created: typeof e.created === 'number' ? e.created : null,
      }
    : undefined;

/**
 * A change of the app's walk state that a write depends on (walk-state.ts builds it): the write
 * goes ahead, in the same transaction, only if the statement changed the state row.
 */
export type StateChange = (db: Kysely<Tables>) => StateUpdate;

/** The rows of each bucket of a search (search.ts ranks them), each in index order. */
export interface SearchBuckets {
  exact: (app: string, lc: string) => Promise<UserRow[]>;
  usernamePrefix: (app: string, lc: string, limit: number) => Promise<UserRow[]>;
  nicknamePrefix: (app: string, lc: string, limit: number) => Promise<UserRow[]>;
  /** Username or nickname holds the query (3+ characters), oldest row first. */
  containing: (app: string, q: string, limit: number) => Promise<UserRow[]>;
  /** A 1- or 2-character non-Latin fragment, through the fragment table. */
  shortFragment: (app: string, lc: string, limit: number) => Promise<UserRow[]>;
  /** A 2-character fragment with a Latin character, through the trigrams that contain it. */
  pair: (app: string, lc: string, limit: number) => Promise<UserRow[]>;
}

export interface UserStore {
  /** One page of a walk, if `position` (the walk's new cursor, conditional on holding it) changes the state. */
  savePage: (app: string, users: IndexedUser[], gen: number, position: StateChange) => Promise<boolean>;
  /** The end of a walk, if `finished` changes the state; a re-walk (`sweepGen`) removes the rows it did not see. */
  finish: (app: string, sweepGen: number | null, finished: StateChange) => Promise<boolean>;
  /** Adds or refreshes users directly, outside a walk (fixtures and the bench). */
  put: (app: string, users: IndexedUser[]) => Promise<void>;
  /** One call's events together; apps without an index ignore them. Throws when the write fails. */
  apply: (app: string, events: UserIndexEvent[]) => Promise<void>;
  /** The app's rows and its walk state, in one transaction. */
  drop: (app: string) => Promise<void>;
  buckets: SearchBuckets;
}
