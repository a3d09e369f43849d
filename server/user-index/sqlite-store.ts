import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Tables } from '../store/tables.js';
import { writeEvent, type EventWriter, type UserIndexEvent } from './events.js';
import type { IndexedUser, SearchBuckets, StateChange, UserRow, UserStore } from './store.js';
import { latinTrigrams, phrase, prefixEnd, shortGrams } from './tokenizer.js';

// The index in SQLite: FTS5 trigram for 3+ characters, through prepared better-sqlite3
// statements (the hot paths: a walk writes 100 users a page, a search is a few index lookups).
// Each write is one synchronous transaction run while the console's Kysely connection is held, so
// no other query of the console's (one connection) lands inside it.

const COLS = 'u.id, u.username, u.nickname, u.activated, u.created';

export function createSqliteStore(sqlite: Database.Database, kysely: Kysely<Tables>): UserStore {
  const findRow = sqlite.prepare<[string, string], { id: number; nickname: string; username: string }>(
    'SELECT id, nickname, username FROM user_index WHERE app = ? AND username_lc = ?',
  );
  const insertRow = sqlite.prepare(
    `INSERT INTO user_index (app, username, nickname, username_lc, nickname_lc, activated, created, gen)
     VALUES (@app, @username, @nickname, @username_lc, @nickname_lc, @activated, @created, @gen)`,
  );
  const updateRow = sqlite.prepare(
    `UPDATE user_index SET username = @username, nickname = @nickname, username_lc = @username_lc, nickname_lc = @nickname_lc,
       activated = @activated, created = @created, gen = @gen WHERE id = @id`,
  );
  const touchRow = sqlite.prepare('UPDATE user_index SET activated = ?, created = ?, gen = ? WHERE id = ?');
  const renameRow = sqlite.prepare('UPDATE user_index SET nickname = ?, nickname_lc = ? WHERE id = ?');
  const activateRow = sqlite.prepare('UPDATE user_index SET activated = ? WHERE app = ? AND username_lc = ?');
  const deleteRow = sqlite.prepare('DELETE FROM user_index WHERE id = ?');
  const unseenRows = sqlite.prepare<[string, number], { id: number }>('SELECT id FROM user_index WHERE app = ? AND gen < ?');
  const addCount = sqlite.prepare('UPDATE user_index_state SET user_count = user_count + ? WHERE app = ?');
  const deleteGrams = sqlite.prepare('DELETE FROM user_index_grams WHERE id = ?');
  const insertGram = sqlite.prepare('INSERT OR IGNORE INTO user_index_grams (gram, id) VALUES (?, ?)');
  const insertTrigram = sqlite.prepare('INSERT OR IGNORE INTO user_index_trigrams (term) VALUES (?)');
  const ensureApp = sqlite.prepare('INSERT OR IGNORE INTO user_index_state (app) VALUES (?)');
  const appGen = sqlite.prepare<[string], { gen: number }>('SELECT gen FROM user_index_state WHERE app = ?');
  const dropGrams = sqlite.prepare('DELETE FROM user_index_grams WHERE id IN (SELECT id FROM user_index WHERE app = ?)');
  const dropRows = sqlite.prepare('DELETE FROM user_index WHERE app = ?');
  const dropState = sqlite.prepare('DELETE FROM user_index_state WHERE app = ?');

  /** A write, with the console's one connection held: nothing else runs inside its transaction. */
  const exclusive = <A extends unknown[], T>(write: (...args: A) => T) => {
    const tx = sqlite.transaction(write);
    return (...args: A): Promise<T> => kysely.connection().execute(async () => tx(...args));
  };

  // The walk's state changes are built once for both databases (walk-state.ts); here they run
  // inside the synchronous transaction.
  const compiled = new Map<string, Database.Statement>();
  const changes = (change: StateChange): boolean => {
    const { sql, parameters } = change(kysely).compile();
    let statement = compiled.get(sql);
    if (!statement) compiled.set(sql, (statement = sqlite.prepare(sql)));
    return statement.run(parameters as unknown[]).changes > 0;
  };

  function setGrams(id: number, username: string, nickname: string) {
    deleteGrams.run(id);
    for (const g of shortGrams(username, nickname)) insertGram.run(g, id);
    for (const t of latinTrigrams(username, nickname)) insertTrigram.run(t);
  }

  function removeId(id: number) {
    deleteGrams.run(id);
    deleteRow.run(id);
  }

  /** Inserts or refreshes one user; `gen` marks it seen by the current walk. 1 when it is new. */
  function upsert(app: string, u: IndexedUser, gen: number): number {
    const lc = u.username.toLowerCase();
    const row = { app, username: u.username, nickname: u.nickname, username_lc: lc, nickname_lc: u.nickname.toLowerCase(), activated: u.activated ? 1 : 0, created: u.created, gen };
    const existing = findRow.get(app, lc);
    if (existing && existing.nickname === u.nickname && existing.username === u.username) {
      // Unchanged names: the full-text and fragment rows stay as they are.
      touchRow.run(row.activated, row.created, gen, existing.id);
      return 0;
    }
    if (existing) {
      updateRow.run({ ...row, id: existing.id });
      setGrams(existing.id, u.username, u.nickname);
      return 0;
    }
    const id = Number(insertRow.run(row).lastInsertRowid);
    setGrams(id, u.username, u.nickname);
    return 1;
  }

  const writer = (app: string, gen: number): EventWriter<number> => ({
    upsert: (users) => users.reduce((added, u) => added + upsert(app, u, gen), 0),
    remove: (usernames) => {
      let removed = 0;
      for (const username of usernames) {
        const existing = findRow.get(app, username.toLowerCase());
        if (!existing) continue;
        removeId(existing.id);
        removed += 1;
      }
      return -removed;
    },
    setNickname: (username, nickname) => {
      const row = findRow.get(app, username.toLowerCase());
      if (!row) return 0;
      renameRow.run(nickname, nickname.toLowerCase(), row.id);
      setGrams(row.id, row.username, nickname);
      return 0;
    },
    setActivated: (username, activated) => {
      activateRow.run(activated ? 1 : 0, app, username.toLowerCase());
      return 0;
    },
  });
  /** The rows added (removed: negative), in the app's count. */
  const counted = (app: string, added: number) => {
    if (added !== 0) addCount.run(added, app);
  };

  const exact = sqlite.prepare<[string, string], UserRow>(`SELECT ${COLS} FROM user_index u WHERE app = ? AND username_lc = ?`);
  const usernamePrefix = sqlite.prepare<[string, string, string, number], UserRow>(
    `SELECT ${COLS} FROM user_index u WHERE app = ? AND username_lc >= ? AND username_lc < ? ORDER BY username_lc, id LIMIT ?`,
  );
  const nicknamePrefix = sqlite.prepare<[string, string, string, number], UserRow>(
    `SELECT ${COLS} FROM user_index u WHERE app = ? AND nickname_lc >= ? AND nickname_lc < ? ORDER BY nickname_lc, id LIMIT ?`,
  );
  const fullText = sqlite.prepare<[string, string, number], UserRow>(
    `SELECT ${COLS} FROM user_index_fts f JOIN user_index u ON u.id = f.rowid WHERE user_index_fts MATCH ? AND u.app = ? ORDER BY f.rowid LIMIT ?`,
  );
  const shortGram = sqlite.prepare<[string, string, number], UserRow>(
    `SELECT ${COLS} FROM user_index_grams g JOIN user_index u ON u.id = g.id WHERE g.gram = ? AND u.app = ? ORDER BY g.id LIMIT ?`,
  );
  const trigramsWith = sqlite.prepare<[string], { term: string }>('SELECT term FROM user_index_trigrams WHERE instr(term, ?) > 0');

  // Reads need no transaction: they answer at once from the prepared statements.
  const buckets: SearchBuckets = {
    exact: async (app, lc) => exact.all(app, lc),
    usernamePrefix: async (app, lc, limit) => usernamePrefix.all(app, lc, prefixEnd(lc), limit),
    nicknamePrefix: async (app, lc, limit) => nicknamePrefix.all(app, lc, prefixEnd(lc), limit),
    containing: async (app, q, limit) => fullText.all(phrase(q), app, limit),
    shortFragment: async (app, lc, limit) => shortGram.all(lc, app, limit),
    pair: async (app, lc, limit) => {
      const terms = trigramsWith.all(lc).map((r) => phrase(r.term));
      return terms.length > 0 ? fullText.all(terms.join(' OR '), app, limit) : [];
    },
  };

  return {
    savePage: exclusive((app: string, users: IndexedUser[], gen: number, position: StateChange) => {
      // The state first: a server that no longer holds the walk writes nothing.
      if (!changes(position)) return false;
      counted(app, writer(app, gen).upsert(users));
      return true;
    }),
    finish: exclusive((app: string, sweepGen: number | null, finished: StateChange) => {
      if (!changes(finished)) return false;
      // A full re-walk saw every user that still exists.
      if (sweepGen !== null) {
        const unseen = unseenRows.all(app, sweepGen);
        for (const r of unseen) removeId(r.id);
        counted(app, -unseen.length);
      }
      return true;
    }),
    put: exclusive((app: string, users: IndexedUser[]) => {
      ensureApp.run(app);
      counted(app, writer(app, appGen.get(app)!.gen).upsert(users));
    }),
    apply: exclusive((app: string, events: UserIndexEvent[]) => {
      const gen = appGen.get(app)?.gen;
      if (gen === undefined) return;
      const w = writer(app, gen);
      counted(app, events.reduce((added, e) => added + writeEvent(w, e), 0));
    }),
    drop: exclusive((app: string) => {
      dropState.run(app);
      dropGrams.run(app);
      dropRows.run(app);
    }),
    buckets,
  };
}
