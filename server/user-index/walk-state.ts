import type { Kysely, Selectable, UpdateQueryBuilder, UpdateResult } from 'kysely';
import type { Tables, UserIndexStateTable } from '../store/tables.js';

// Each app's walk in the database the servers share: its generation, cursor and counts, and the
// lease that lets exactly one server walk it. A server takes the lease when it starts a walk,
// renews it while it walks and gives it back at the end; every change of the walk's state is made
// only by the holder, so a server that lost the lease (it stalled past the lease, and another took
// the walk over from the saved cursor) writes nothing more. Times are the servers' clocks, epoch
// ms (they must agree to well within a lease, as NTP keeps them). A server that crashed leaves its
// lease to run out: its walk goes on (there or on another server) within a lease and a look.

export type StateRow = Selectable<UserIndexStateTable>;

/** A state change that a write depends on (see `StateChange` in store.ts). */
export type StateUpdate = UpdateQueryBuilder<Tables, 'user_index_state', 'user_index_state', UpdateResult>;

/** Someone walks the app now: a holder whose lease has not run out. */
export const leaseHeld = (s: StateRow, now: number) => s.lease_holder !== null && (s.lease_until ?? 0) >= now;

export type WalkStart = 'new' | 'continue' | 'resume';

/** Did the update change a row? */
export const changed = (r: UpdateResult[]) => r.some((x) => x.numUpdatedRows > 0n);

export function createWalkState(db: Kysely<Tables>, holder: string) {
  const table = (on: Kysely<Tables>, app: string) => on.updateTable('user_index_state').where('app', '=', app);
  /** Only the lease's holder changes a walk. */
  const held = (on: Kysely<Tables>, app: string) => table(on, app).where('lease_holder', '=', holder);

  return {
    holder,
    get: (app: string): Promise<StateRow | undefined> => db.selectFrom('user_index_state').selectAll().where('app', '=', app).executeTakeFirst(),
    all: (): Promise<StateRow[]> => db.selectFrom('user_index_state').selectAll().execute(),

    /** An app has an index once it has a state row. */
    ensure: async (app: string) => {
      await db.insertInto('user_index_state').values({ app }).onConflict((oc) => oc.column('app').doNothing()).execute();
    },

    /** Takes the app's walk unless another server holds it. */
    acquire: async (app: string, now: number, until: number) =>
      changed(
        await table(db, app)
          .set({ lease_holder: holder, lease_until: until })
          .where((eb) => eb.or([eb('lease_holder', 'is', null), eb('lease_until', '<', now), eb('lease_holder', '=', holder)]))
          .execute(),
      ),

    /** Keeps the lease of a walk under way; false when it is gone (taken over, cancelled, dropped). */
    renew: async (app: string, until: number) => changed(await held(db, app).where('walking', '=', 1).set({ lease_until: until }).execute()),

    release: async (app: string) => {
      await held(db, app).set({ lease_holder: null, lease_until: null }).execute();
    },

    /** The walk starts: a new one (a new generation), one continued from the last page, or one resumed. */
    begin: async (app: string, start: WalkStart, o: { rewalk: boolean; routine: boolean; at: number }) => {
      const q = held(db, app);
      const common = { walking: 1, last_error: null, walk_routine: o.routine ? 1 : 0 } as const;
      const done =
        start === 'new'
          ? q.set((eb) => ({ ...common, gen: eb('gen', '+', 1), rewalk: o.rewalk ? 1 : 0, cursor: null, walk_users: 0, walk_calls: 0, walk_started_at: o.at }))
          : start === 'continue'
            ? q.set({ ...common, rewalk: 0, walk_users: 0, walk_calls: 0, walk_started_at: o.at })
            : q.set(common);
      return changed(await done.execute());
    },

    /** A page is in: where the walk goes on, and the lease renewed. */
    position:
      (app: string, o: { cursor: string | null; users: number; calls: number; until: number }) =>
      (on: Kysely<Tables>): StateUpdate =>
        held(on, app)
          .where('walking', '=', 1)
          .set((eb) => ({ cursor: o.cursor, walk_users: eb('walk_users', '+', o.users), walk_calls: o.calls, lease_until: o.until })),

    /** The walk is complete; the lease goes back. */
    finished:
      (app: string, o: { cursor: string | null; at: number }) =>
      (on: Kysely<Tables>): StateUpdate =>
        held(on, app)
          .where('walking', '=', 1)
          .set({ walking: 0, rewalk: 0, walk_routine: 0, cursor: o.cursor, last_built_at: o.at, last_error: null, lease_holder: null, lease_until: null }),

    /** The walk stopped on an error: it stays unfinished (a pick-up or a restart goes on) and the lease goes back. */
    failed: async (app: string, message: string) => {
      await held(db, app).set({ last_error: message, lease_holder: null, lease_until: null }).execute();
    },

    /** An operator cancelled it, on this server or another: it waits for "build". */
    cancelled: async (app: string) => {
      await table(db, app).where('walking', '=', 1).set({ walking: 2 }).execute();
    },
  };
}

export type WalkState = ReturnType<typeof createWalkState>;
