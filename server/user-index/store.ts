import type { ConsoleDb } from '../console-db.js';
import { latinTrigrams, shortGrams } from './tokenizer.js';

// The indexed rows and the fragments that point at them. Every write keeps the row, its
// full-text entry (triggers), its short fragments and the trigram list in step.

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

export function createStore(db: ConsoleDb) {
  const findRow = db.prepare<[string, string], { id: number; nickname: string; username: string }>(
    'SELECT id, nickname, username FROM user_index WHERE app = ? AND username_lc = ?',
  );
  const insertRow = db.prepare(
    `INSERT INTO user_index (app, username, nickname, username_lc, nickname_lc, activated, created, gen)
     VALUES (@app, @username, @nickname, @username_lc, @nickname_lc, @activated, @created, @gen)`,
  );
  const updateRow = db.prepare(
    `UPDATE user_index SET username = @username, nickname = @nickname, username_lc = @username_lc, nickname_lc = @nickname_lc,
       activated = @activated, created = @created, gen = @gen WHERE id = @id`,
  );
  const touchRow = db.prepare('UPDATE user_index SET activated = ?, created = ?, gen = ? WHERE id = ?');
  const renameRow = db.prepare('UPDATE user_index SET nickname = ?, nickname_lc = ? WHERE id = ?');
  const activateRow = db.prepare('UPDATE user_index SET activated = ? WHERE app = ? AND username_lc = ?');
  const deleteRow = db.prepare('DELETE FROM user_index WHERE id = ?');
  const unseenRows = db.prepare<[string, number], { id: number }>('SELECT id FROM user_index WHERE app = ? AND gen < ?');
  const countRows = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM user_index WHERE app = ?');
  const deleteGrams = db.prepare('DELETE FROM user_index_grams WHERE id = ?');
  const insertGram = db.prepare('INSERT OR IGNORE INTO user_index_grams (gram, id) VALUES (?, ?)');
  const insertTrigram = db.prepare('INSERT OR IGNORE INTO user_index_trigrams (term) VALUES (?)');
  // An app has an index once it has a state row; rows written now carry its generation.
  const ensureApp = db.prepare('INSERT OR IGNORE INTO user_index_state (app) VALUES (?)');
  const appGen = db.prepare<[string], { gen: number }>('SELECT gen FROM user_index_state WHERE app = ?');
  const dropGrams = db.prepare('DELETE FROM user_index_grams WHERE id IN (SELECT id FROM user_index WHERE app = ?)');
  const dropRows = db.prepare('DELETE FROM user_index WHERE app = ?');
  const dropState = db.prepare('DELETE FROM user_index_state WHERE app = ?');

  function setGrams(id: number, username: string, nickname: string) {
    deleteGrams.run(id);
    for (const g of shortGrams(username, nickname)) insertGram.run(g, id);
    for (const t of latinTrigrams(username, nickname)) insertTrigram.run(t);
  }

  function removeId(id: number) {
    deleteGrams.run(id);
    deleteRow.run(id);
  }

  /** Inserts or refreshes one user; `gen` marks it seen by the current walk. */
  function upsert(app: string, u: IndexedUser, gen: number) {
    const lc = u.username.toLowerCase();
    const row = { app, username: u.username, nickname: u.nickname, username_lc: lc, nickname_lc: u.nickname.toLowerCase(), activated: u.activated ? 1 : 0, created: u.created, gen };
    const existing = findRow.get(app, lc);
    if (existing && existing.nickname === u.nickname && existing.username === u.username) {
      // Unchanged names: the full-text and fragment rows stay as they are.
      touchRow.run(row.activated, row.created, gen, existing.id);
    } else if (existing) {
      updateRow.run({ ...row, id: existing.id });
      setGrams(existing.id, u.username, u.nickname);
    } else {
      const id = Number(insertRow.run(row).lastInsertRowid);
      setGrams(id, u.username, u.nickname);
    }
  }

  function remove(app: string, username: string) {
    const existing = findRow.get(app, username.toLowerCase());
    if (existing) removeId(existing.id);
  }

  /** A nickname edit; the generation stays, as the walk did not see it. */
  function setNickname(app: string, username: string, nickname: string) {
    const row = findRow.get(app, username.toLowerCase());
    if (!row) return;
    renameRow.run(nickname, nickname.toLowerCase(), row.id);
    setGrams(row.id, row.username, nickname);
  }

  function setActivated(app: string, username: string, activated: boolean) {
    activateRow.run(activated ? 1 : 0, app, username.toLowerCase());
  }

  /** Mark and sweep: the rows a full re-walk of generation `gen` did not see no longer exist. */
  function sweep(app: string, gen: number) {
    for (const r of unseenRows.all(app, gen)) removeId(r.id);
  }

  /** Adds or refreshes users directly, outside a walk (fixtures and the bench). */
  const put = db.transaction((app: string, users: IndexedUser[]) => {
    ensureApp.run(app);
    const gen = appGen.get(app)!.gen;
    for (const u of users) upsert(app, u, gen);
  });

  /** The app's rows and its walk state, in one transaction. */
  const drop = db.transaction((app: string) => {
    dropGrams.run(app);
    dropRows.run(app);
    dropState.run(app);
  });

  return {
    upsert,
    remove,
    setNickname,
    setActivated,
    sweep,
    put,
    drop,
    count: (app: string) => countRows.get(app)!.n,
    ensureApp: (app: string) => void ensureApp.run(app),
    /** The app's current generation; undefined when the app has no index. */
    generation: (app: string): number | undefined => appGen.get(app)?.gen,
  };
}

export type UserStore = ReturnType<typeof createStore>;
