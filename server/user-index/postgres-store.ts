import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Tables } from '../store/tables.js';
import { writeEvent, type EventWriter } from './events.js';
import type { IndexedUser, SearchBuckets, UserRow, UserStore } from './store.js';
import { latinTrigrams, prefixEnd, shortGrams } from './tokenizer.js';
import { changed } from './walk-state.js';

// The index in PostgreSQL: pg_trgm GIN indexes on the lower-cased names find 3+ characters (a
// LIKE '%…%' the index narrows and the row rechecks), the side tables the shorter fragments, as in
// SQLite. Several servers write here at once, so a page is written as a few set-based statements
// in one transaction, and a transaction that deadlocks with another server's is run again.

const COLS = ['id', 'username', 'nickname', 'activated', 'created'] as const;

/** `LIKE` pattern: the fragment anywhere, its own `%`, `_` and `\` taken literally. */
const containing = (fragment: string) => `%${fragment.replace(/[\\%_]/g, '\\$&')}%`;

type Condition = RawBuilder<boolean>;

/** How many of an app's oldest rows a substring search checks one by one before anything else. */
const SCAN_FIRST = 2000;
/** How many oldest rows, at most, it checks in order when those held some matches but too few. */
const SCAN_MAX = 50_000;

/** Two servers' transactions that locked the same rows in another order: one of them goes again. */
const RETRYABLE = new Set(['40P01', '40001']);

export function createPostgresStore(db: Kysely<Tables>): UserStore {
  async function transaction<T>(work: (trx: Transaction<Tables>) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction().execute(work);
      } catch (e) {
        if (attempt >= 3 || !RETRYABLE.has((e as { code?: string }).code ?? '')) throw e;
      }
    }
  }

  /** A row's short fragments and Latin trigrams, anew (its old fragments go with the row: ON DELETE CASCADE). */
  async function setGrams(trx: Transaction<Tables>, rows: { id: number; username: string; nickname: string }[]) {
    if (rows.length === 0) return;
    const grams: string[] = [];
    const ids: number[] = [];
    const terms = new Set<string>();
    for (const r of rows) {
      for (const g of shortGrams(r.username, r.nickname)) {
        grams.push(g);
        ids.push(r.id);
      }
      for (const t of latinTrigrams(r.username, r.nickname)) terms.add(t);
    }
    await trx.deleteFrom('user_index_grams').where('id', 'in', rows.map((r) => r.id)).execute();
    if (grams.length > 0) await sql`INSERT INTO user_index_grams (gram, id) SELECT * FROM unnest(${grams}::text[], ${ids}::bigint[]) ON CONFLICT DO NOTHING`.execute(trx);
    // In one order on every server, so two inserting the same terms wait for each other rather than deadlock.
    if (terms.size > 0) await sql`INSERT INTO user_index_trigrams (term) SELECT unnest(${[...terms].sort()}::text[]) ON CONFLICT DO NOTHING`.execute(trx);
  }

  /** Inserts or refreshes users; `gen` marks them seen by the current walk. How many are new. */
  async function upsert(trx: Transaction<Tables>, app: string, users: IndexedUser[], gen: number): Promise<number> {
    // One entry per name: the last one's values, in the first one's place (as writing them one
    // after another would leave it).
    const byName = new Map<string, IndexedUser>();
    for (const u of users) byName.set(u.username.toLowerCase(), u);
    if (byName.size === 0) return 0;
    const lc = [...byName.keys()];
    const list = [...byName.values()];
    const columns = {
      username: list.map((u) => u.username),
      nickname: list.map((u) => u.nickname),
      nicknameLc: list.map((u) => u.nickname.toLowerCase()),
      activated: list.map((u) => (u.activated ? 1 : 0)),
      created: list.map((u) => u.created),
    };
    // Unchanged names: the fragments stay as they are.
    const same = await sql<{ username_lc: string }>`
      UPDATE user_index u SET activated = v.activated, created = v.created, gen = ${gen}
      FROM unnest(${lc}::text[], ${columns.username}::text[], ${columns.nickname}::text[], ${columns.activated}::int[], ${columns.created}::bigint[])
        AS v(username_lc, username, nickname, activated, created)
      WHERE u.app = ${app} AND u.username_lc = v.username_lc AND u.username = v.username AND u.nickname = v.nickname
      RETURNING u.username_lc`.execute(trx);
    if (same.rows.length === lc.length) return 0;
    const unchanged = new Set(same.rows.map((r) => r.username_lc));
    const keep = lc.map((name) => !unchanged.has(name));
    const pick = <T>(values: T[]) => values.filter((_, i) => keep[i]);
    // New or renamed, in the order given (ids are the order of substring matches).
    const written = await sql<{ id: number; username: string; nickname: string; inserted: boolean }>`
      INSERT INTO user_index AS u (app, username, nickname, username_lc, nickname_lc, activated, created, gen)
      SELECT ${app}, v.username, v.nickname, v.username_lc, v.nickname_lc, v.activated, v.created, ${gen}
      FROM unnest(${pick(lc)}::text[], ${pick(columns.username)}::text[], ${pick(columns.nickname)}::text[], ${pick(columns.nicknameLc)}::text[],
                  ${pick(columns.activated)}::int[], ${pick(columns.created)}::bigint[])
        WITH ORDINALITY AS v(username_lc, username, nickname, nickname_lc, activated, created, n)
      ORDER BY v.n
      ON CONFLICT (app, username_lc) DO UPDATE SET username = excluded.username, nickname = excluded.nickname,
        nickname_lc = excluded.nickname_lc, activated = excluded.activated, created = excluded.created, gen = excluded.gen
      RETURNING u.id, u.username, u.nickname, (u.xmax = 0) AS inserted`.execute(trx);
    await setGrams(trx, written.rows);
    return written.rows.filter((r) => r.inserted).length;
  }

  const writer = (trx: Transaction<Tables>, app: string, gen: number): EventWriter<Promise<number>> => ({
    upsert: (users) => upsert(trx, app, users, gen),
    remove: async (usernames) => {
      if (usernames.length === 0) return 0;
      const names = usernames.map((u) => u.toLowerCase());
      return -Number((await trx.deleteFrom('user_index').where('app', '=', app).where('username_lc', 'in', names).executeTakeFirst()).numDeletedRows);
    },
    setNickname: async (username, nickname) => {
      const row = await trx
        .updateTable('user_index')
        .set({ nickname, nickname_lc: nickname.toLowerCase() })
        .where('app', '=', app)
        .where('username_lc', '=', username.toLowerCase())
        .returning(['id', 'username', 'nickname'])
        .executeTakeFirst();
      if (row) await setGrams(trx, [row]);
      return 0;
    },
    setActivated: async (username, activated) => {
      await trx
        .updateTable('user_index')
        .set({ activated: activated ? 1 : 0 })
        .where('app', '=', app)
        .where('username_lc', '=', username.toLowerCase())
        .execute();
      return 0;
    },
  });

  /**
   * The app's generation; its state row stays locked until the transaction ends (a drop waits,
   * and the writes of one app's count follow one another). Undefined without an index.
   */
  const generation = async (trx: Transaction<Tables>, app: string) =>
    (await trx.selectFrom('user_index_state').select('gen').where('app', '=', app).forUpdate().executeTakeFirst())?.gen;

  /** The rows added (removed: negative), in the app's count. */
  const counted = async (trx: Transaction<Tables>, app: string, added: number) => {
    if (added !== 0) await trx.updateTable('user_index_state').set((eb) => ({ user_count: eb('user_count', '+', added) })).where('app', '=', app).execute();
  };

  const rows = (app: string) => db.selectFrom('user_index').select(COLS).where('app', '=', app);
  const prefix = (app: string, column: 'username_lc' | 'nickname_lc', lc: string, limit: number) => {
    const range = rows(app).where(column, '>=', lc).where(column, '<', prefixEnd(lc)).orderBy(column);
    // A username is unique in its app: no tie for the id to break, and with it in the ORDER BY
    // the planner sorted every match (230 ms for "emma.kim" at 10 M users) instead of reading the
    // first of the unique index's range. Nicknames' index ends with the id.
    return (column === 'nickname_lc' ? range.orderBy('id') : range).limit(limit).execute();
  };
  /**
   * Matching rows, oldest first. The planner cannot tell how many rows a `LIKE '%…%'` matches, and
   * the trigram indexes, which find every match, cost in proportion to how common the fragment's
   * trigrams are (400 ms for "emma.kim" at 10 M users, all of them common), so the app's oldest
   * rows are first checked in order with `check`: a fragment many names hold is found there at
   * once. One that the first rows hold a few times is common enough for more rows in order to
   * hold the rest: as many as the rate seen predicts, three times over (the scan stops at the
   * last match needed). Only a fragment that is rare there goes to `indexed`, the same condition
   * in a form the trigram indexes serve, which then finds few rows to keep the oldest of.
   */
  async function oldestMatching(app: string, check: Condition, indexed: Condition, limit: number): Promise<UserRow[]> {
    const scan = (oldestRows: number) => {
      const oldest = db.selectFrom('user_index').select([...COLS, 'username_lc', 'nickname_lc']).where('app', '=', app).orderBy('id').limit(oldestRows);
      return db.selectFrom(oldest.as('u')).select(COLS).where(check).orderBy('id').limit(limit).execute();
    };
    const first = await scan(SCAN_FIRST);
    if (first.length >= limit) return first;
    if (first.length > 0) {
      const more = await scan(Math.min(SCAN_MAX, Math.ceil((3 * limit * SCAN_FIRST) / first.length)));
      if (more.length >= limit) return more;
    }
    // `id + 0`: not the id index's order (which is the read of every row again).
    return rows(app).where(indexed).orderBy(sql`id + 0`).limit(limit).execute();
  }

  const buckets: SearchBuckets = {
    exact: (app, lc) => rows(app).where('username_lc', '=', lc).execute(),
    usernamePrefix: (app, lc, limit) => prefix(app, 'username_lc', lc, limit),
    nicknamePrefix: (app, lc, limit) => prefix(app, 'nickname_lc', lc, limit),
    containing: (app, q, limit) => {
      const pattern = containing(q.toLowerCase());
      const holds = sql<boolean>`(username_lc LIKE ${pattern} OR nickname_lc LIKE ${pattern})`;
      return oldestMatching(app, holds, holds, limit);
    },
    shortFragment: (app, lc, limit) =>
      db
        .selectFrom('user_index_grams as g')
        .innerJoin('user_index as u', 'u.id', 'g.id')
        .select(COLS.map((c) => `u.${c}` as const))
        .where('g.gram', '=', lc)
        .where('u.app', '=', app)
        .orderBy('g.id')
        .limit(limit)
        .execute(),
    pair: async (app, lc, limit) => {
      const terms = (await db.selectFrom('user_index_trigrams').select('term').where(sql<boolean>`strpos(term, ${lc}) > 0`).execute()).map((t) => containing(t.term));
      if (terms.length === 0) return [];
      // A name holds one of the trigrams holding the pair exactly when it holds the pair and is
      // longer than it (every trigram of every name is listed): the first is what the indexes
      // serve, the second is cheaper to check row by row.
      const pattern = containing(lc);
      const check = sql<boolean>`((username_lc LIKE ${pattern} AND char_length(username_lc) > 2) OR (nickname_lc LIKE ${pattern} AND char_length(nickname_lc) > 2))`;
      const indexed = sql<boolean>`(username_lc LIKE ANY(${terms}::text[]) OR nickname_lc LIKE ANY(${terms}::text[]))`;
      return oldestMatching(app, check, indexed, limit);
    },
  };

  return {
    savePage: (app, users, gen, position) =>
      transaction(async (trx) => {
        // The state first: a server that no longer holds the walk writes nothing, and a drop
        // waits for the page (or the page for the drop).
        if (!changed(await position(trx).execute())) return false;
        await counted(trx, app, await upsert(trx, app, users, gen));
        return true;
      }),
    finish: (app, sweepGen, finished) =>
      transaction(async (trx) => {
        if (!changed(await finished(trx).execute())) return false;
        // A full re-walk saw every user that still exists.
        if (sweepGen !== null) {
          const swept = await trx.deleteFrom('user_index').where('app', '=', app).where('gen', '<', sweepGen).executeTakeFirst();
          await counted(trx, app, -Number(swept.numDeletedRows));
        }
        return true;
      }),
    put: (app, users) =>
      transaction(async (trx) => {
        await trx.insertInto('user_index_state').values({ app }).onConflict((oc) => oc.column('app').doNothing()).execute();
        await counted(trx, app, await upsert(trx, app, users, (await generation(trx, app))!));
      }),
    apply: (app, events) =>
      transaction(async (trx) => {
        const gen = await generation(trx, app);
        if (gen === undefined) return;
        const w = writer(trx, app, gen);
        let added = 0;
        for (const e of events) added += await writeEvent(w, e);
        await counted(trx, app, added);
      }),
    drop: (app) =>
      transaction(async (trx) => {
        await trx.deleteFrom('user_index_state').where('app', '=', app).execute();
        await trx.deleteFrom('user_index').where('app', '=', app).execute();
      }),
    buckets,
  };
}
