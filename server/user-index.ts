import type { ConsoleDb } from './console-db.js';
import type { ImAppConfig } from './im-config.js';

// A local index of each app's users, so the console finds them by any part of a username or
// nickname (the IM API looks up exact names only). Built by walking `GET users?limit=100&cursor`
// under the app's rate limit; each page, its rows and the walk's cursor commit together, so an
// interrupted walk resumes where it stopped and indexes nobody twice.

export const PAGE_SIZE = 100;
export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 100;
export const INDEX_RATE_DEFAULT = 50;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS user_index (
  id INTEGER PRIMARY KEY,
  app TEXT NOT NULL,
  username TEXT NOT NULL,
  nickname TEXT NOT NULL DEFAULT '',
  -- Lower-cased copies: prefix ranges and short substrings compare these.
  username_lc TEXT NOT NULL,
  nickname_lc TEXT NOT NULL,
  activated INTEGER NOT NULL,
  created INTEGER,
  -- The walk that last saw the row: a re-walk sweeps rows it did not see.
  gen INTEGER NOT NULL,
  UNIQUE (app, username_lc)
);
CREATE INDEX IF NOT EXISTS user_index_nick ON user_index(app, nickname_lc);
CREATE INDEX IF NOT EXISTS user_index_gen ON user_index(app, gen);

-- Substrings of 3+ characters, any script (trigram matches inside words, CJK has no spaces).
CREATE VIRTUAL TABLE IF NOT EXISTS user_index_fts USING fts5(
  username, nickname, content='user_index', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER IF NOT EXISTS user_index_ai AFTER INSERT ON user_index BEGIN
  INSERT INTO user_index_fts(rowid, username, nickname) VALUES (new.id, new.username, new.nickname);
END;
CREATE TRIGGER IF NOT EXISTS user_index_ad AFTER DELETE ON user_index BEGIN
  INSERT INTO user_index_fts(user_index_fts, rowid, username, nickname) VALUES ('delete', old.id, old.username, old.nickname);
END;
CREATE TRIGGER IF NOT EXISTS user_index_au AFTER UPDATE OF username, nickname ON user_index BEGIN
  INSERT INTO user_index_fts(user_index_fts, rowid, username, nickname) VALUES ('delete', old.id, old.username, old.nickname);
  INSERT INTO user_index_fts(rowid, username, nickname) VALUES (new.id, new.username, new.nickname);
END;

-- Every trigram with a Latin character the index has held (never pruned: a stale one costs an
-- empty branch). A two-letter fragment is found through the trigrams that contain it; FTS5's own
-- vocabulary table would read the whole index to list them.
CREATE TABLE IF NOT EXISTS user_index_trigrams (term TEXT PRIMARY KEY) WITHOUT ROWID;

-- One- and two-character fragments of non-Latin text (小王, 王): trigram cannot find them, and a
-- scan would not be fast on a million rows. (Latin ones would make this table ten times larger.)
CREATE TABLE IF NOT EXISTS user_index_grams (
  gram TEXT NOT NULL,
  id INTEGER NOT NULL,
  PRIMARY KEY (gram, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS user_index_grams_id ON user_index_grams(id);

CREATE TABLE IF NOT EXISTS user_index_state (
  app TEXT PRIMARY KEY,
  -- The current walk's generation; rows seen by it carry it.
  gen INTEGER NOT NULL DEFAULT 0,
  -- 0: no walk unfinished. 1: a walk is running, or was cut off (the server stopped or failed):
  -- it resumes when the server starts. 2: an operator cancelled it: "build" resumes it.
  walking INTEGER NOT NULL DEFAULT 0,
  -- 1 when the unfinished walk is a re-walk (its end sweeps rows it did not see).
  rewalk INTEGER NOT NULL DEFAULT 0,
  -- Where the unfinished walk continues; or, after a finished walk, the last page's own cursor
  -- (walking from there again picks up users registered since).
  cursor TEXT,
  walk_users INTEGER NOT NULL DEFAULT 0,
  walk_calls INTEGER NOT NULL DEFAULT 0,
  walk_started_at INTEGER,
  last_built_at INTEGER,
  last_error TEXT
);
`;

export interface IndexedUser {
  username: string;
  nickname: string;
  activated: boolean;
  created: number | null;
}

export interface SearchPage {
  users: IndexedUser[];
  cursor?: string;
}

export interface BuildProgress {
  mode: 'build' | 'rewalk';
  usersIndexed: number;
  calls: number;
  /** Calls per second now (lowered after a 429). */
  rate: number;
  startedAt: number;
  /** From the size of the last finished walk; null when there was none. */
  etaSeconds: number | null;
}

export interface IndexStatus {
  app: string;
  count: number;
  lastBuiltAt: string | null;
  building: BuildProgress | null;
  /** A walk was left unfinished (cancelled, failed, server stopped): "build" resumes it. */
  resumable: boolean;
  lastError: string | null;
}

interface StateRow {
  app: string;
  gen: number;
  walking: number;
  rewalk: number;
  cursor: string | null;
  walk_users: number;
  walk_calls: number;
  walk_started_at: number | null;
  last_built_at: number | null;
  last_error: string | null;
}

interface UserRow {
  id: number;
  username: string;
  nickname: string;
  activated: number;
  created: number | null;
}

interface ApiUser {
  username?: unknown;
  nickname?: unknown;
  activated?: unknown;
  created?: unknown;
}

const isLatin = (ch: string) => ch.codePointAt(0)! < 0x80;

/** Distinct 1- and 2-character fragments made only of non-Latin characters, lower-cased. */
export function shortGrams(...texts: string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    const chars = [...text.toLowerCase()];
    chars.forEach((ch, i) => {
      if (isLatin(ch) || /\s/u.test(ch)) return;
      out.add(ch);
      const next = chars[i + 1];
      if (next !== undefined && !isLatin(next) && !/\s/u.test(next)) out.add(ch + next);
    });
  }
  return [...out];
}

/** Distinct lower-cased trigrams holding at least one Latin character. */
export function latinTrigrams(...texts: string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    const chars = [...text.toLowerCase()];
    for (let i = 0; i + 3 <= chars.length; i++) {
      const tri = chars.slice(i, i + 3);
      if (tri.some(isLatin)) out.add(tri.join(''));
    }
  }
  return [...out];
}

const toUser = (r: UserRow): IndexedUser => ({ username: r.username, nickname: r.nickname, activated: r.activated === 1, created: r.created });

/** An FTS5 string literal: the query as one phrase, quotes doubled. */
const phrase = (q: string) => `"${q.replaceAll('"', '""')}"`;

/** The end of a prefix range: every string starting with `p` sorts below it. */
const prefixEnd = (p: string) => `${p}\u{10FFFF}`;

export class IndexBusyError extends Error {}

/** The proxy's way to the IM host (`createUpstream` in im-proxy.ts): the app token, renewed on 401. */
export interface IndexUpstream {
  call: (app: ImAppConfig, path: string, init: (token: string) => RequestInit) => Promise<Response>;
}

/** The status of the proxy's own failures (host away, token refused or over the limit). */
const failureStatus = (e: unknown): number | undefined => {
  const status = (e as { status?: unknown })?.status;
  return e instanceof Error && typeof status === 'number' ? status : undefined;
};

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
}

export function createUserIndex(o: UserIndexOptions) {
  const { db, upstream } = o;
  db.exec(SCHEMA);
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const baseRate = () => (typeof o.rate === 'function' ? o.rate() : o.rate) ?? INDEX_RATE_DEFAULT;
  const byId = new Map(o.apps.map((a) => [a.id, a]));
  const running = new Map<string, { abort: AbortController; progress: BuildProgress; done: Promise<void> }>();

  const getState = db.prepare<[string], StateRow>('SELECT * FROM user_index_state WHERE app = ?');
  const ensureState = db.prepare('INSERT OR IGNORE INTO user_index_state (app) VALUES (?)');
  const countRows = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM user_index WHERE app = ?');
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
  const deleteGrams = db.prepare('DELETE FROM user_index_grams WHERE id = ?');
  const insertGram = db.prepare('INSERT OR IGNORE INTO user_index_grams (gram, id) VALUES (?, ?)');
  const deleteRow = db.prepare('DELETE FROM user_index WHERE id = ?');

  const insertTrigram = db.prepare('INSERT OR IGNORE INTO user_index_trigrams (term) VALUES (?)');

  function setGrams(id: number, username: string, nickname: string) {
    deleteGrams.run(id);
    for (const g of shortGrams(username, nickname)) insertGram.run(g, id);
    for (const t of latinTrigrams(username, nickname)) insertTrigram.run(t);
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
    if (!existing) return;
    deleteGrams.run(existing.id);
    deleteRow.run(existing.id);
  }

  const fromApi = (e: ApiUser): IndexedUser | undefined =>
    typeof e.username === 'string' && e.username
      ? {
          username: e.username,
          nickname: typeof e.nickname === 'string' ? e.nickname : '',
          activated: e.activated !== false,
          created: typeof e.created === 'number' ? e.created : null,
        }
      : undefined;

  // ---- Search ----

  function byBucket(app: string, q: string, need: number): UserRow[] {
    const lc = q.toLowerCase();
    const seen = new Set<number>();
    const out: UserRow[] = [];
    const take = (rows: UserRow[]) => {
      for (const r of rows) {
        if (out.length >= need) return;
        if (!seen.has(r.id)) {
          seen.add(r.id);
          out.push(r);
        }
      }
    };
    const cols = 'u.id, u.username, u.nickname, u.activated, u.created';
    // 1. The exact username.
    take(db.prepare<[string, string], UserRow>(`SELECT ${cols} FROM user_index u WHERE app = ? AND username_lc = ?`).all(app, lc));
    // 2. Username, then nickname, starting with the query (index ranges).
    if (out.length < need) {
      const limit = need - out.length + seen.size;
      take(db.prepare<[string, string, string, number], UserRow>(`SELECT ${cols} FROM user_index u WHERE app = ? AND username_lc >= ? AND username_lc < ? ORDER BY username_lc LIMIT ?`).all(app, lc, prefixEnd(lc), limit));
      if (out.length < need) {
        take(db.prepare<[string, string, string, number], UserRow>(`SELECT ${cols} FROM user_index u WHERE app = ? AND nickname_lc >= ? AND nickname_lc < ? ORDER BY nickname_lc LIMIT ?`).all(app, lc, prefixEnd(lc), need - out.length + seen.size));
      }
    }
    // 3. Anywhere inside, in index order (oldest first): no sort over every match.
    if (out.length < need) {
      const limit = need - out.length + seen.size;
      const length = [...q].length;
      let rows: UserRow[];
      if (length >= 3) {
        rows = db
          .prepare<[string, string, number], UserRow>(`SELECT ${cols} FROM user_index_fts f JOIN user_index u ON u.id = f.rowid WHERE user_index_fts MATCH ? AND u.app = ? ORDER BY f.rowid LIMIT ?`)
          .all(phrase(q), app, limit);
      } else if ([...lc].every((ch) => !isLatin(ch) && !/\s/u.test(ch))) {
        rows = db
          .prepare<[string, string, number], UserRow>(`SELECT ${cols} FROM user_index_grams g JOIN user_index u ON u.id = g.id WHERE g.gram = ? AND u.app = ? ORDER BY g.id LIMIT ?`)
          .all(lc, app, limit);
      } else if (length === 2) {
        // Latin (or mixed) pairs: through the trigrams containing them. A text that is only the
        // pair itself is an exact or prefix match, found above.
        const terms = db.prepare<[string], { term: string }>('SELECT term FROM user_index_trigrams WHERE instr(term, ?) > 0').all(lc).map((r) => phrase(r.term));
        rows = terms.length === 0 ? [] : db
          .prepare<[string, string, number], UserRow>(`SELECT ${cols} FROM user_index_fts f JOIN user_index u ON u.id = f.rowid WHERE user_index_fts MATCH ? AND u.app = ? ORDER BY f.rowid LIMIT ?`)
          .all(terms.join(' OR '), app, limit);
      } else {
        // One Latin letter or digit anywhere matches most of an app: its prefixes (above) only.
        rows = [];
      }
      take(rows);
    }
    return out;
  }

  /** Exact username first, then prefixes, then substrings. `cursor` is opaque (an offset). */
  function search(app: string, q: string, opts: { limit?: number; cursor?: string } = {}): SearchPage {
    const query = q.trim();
    if (!query) return { users: [] };
    const limit = Math.min(Math.max(1, Math.trunc(opts.limit ?? SEARCH_LIMIT_DEFAULT)), SEARCH_LIMIT_MAX);
    const offset = opts.cursor ? Number.parseInt(opts.cursor, 10) || 0 : 0;
    const rows = byBucket(app, query, offset + limit + 1);
    const page = rows.slice(offset, offset + limit).map(toUser);
    return rows.length > offset + limit ? { users: page, cursor: String(offset + limit) } : { users: page };
  }

  // ---- Build ----

  function progressOf(app: string): BuildProgress | null {
    return running.get(app)?.progress ?? null;
  }

  function status(app: string): IndexStatus {
    const s = getState.get(app);
    const building = progressOf(app);
    return {
      app,
      count: countRows.get(app)!.n,
      lastBuiltAt: s?.last_built_at ? new Date(s.last_built_at).toISOString() : null,
      building,
      resumable: !building && (s?.walking ?? 0) !== 0,
      lastError: s?.last_error ?? null,
    };
  }

  const savePage = db.transaction((app: string, users: IndexedUser[], gen: number, cursor: string | null, calls: number) => {
    for (const u of users) upsert(app, u, gen);
    db.prepare('UPDATE user_index_state SET cursor = ?, walk_users = walk_users + ?, walk_calls = ? WHERE app = ?').run(cursor, users.length, calls, app);
  });

  const finishWalk = db.transaction((app: string, rewalk: boolean, gen: number, lastCursor: string | null) => {
    // Mark and sweep: a full re-walk saw every user that still exists.
    if (rewalk) {
      for (const r of db.prepare<[string, number], { id: number }>('SELECT id FROM user_index WHERE app = ? AND gen < ?').all(app, gen)) {
        deleteGrams.run(r.id);
        deleteRow.run(r.id);
      }
    }
    db.prepare('UPDATE user_index_state SET walking = 0, rewalk = 0, cursor = ?, last_built_at = ?, last_error = NULL WHERE app = ?').run(lastCursor, now(), app);
  });

  async function walk(app: ImAppConfig, mode: 'build' | 'rewalk', abort: AbortController, progress: BuildProgress) {
    let s = getState.get(app.id)!;
    const previousCount = countRows.get(app.id)!.n;
    if (mode === 'rewalk' || (s.walking === 0 && s.last_built_at === null)) {
      // A new walk from the first page; a re-walk gets a new generation so its end can sweep.
      db.prepare(
        'UPDATE user_index_state SET gen = gen + 1, walking = 1, rewalk = ?, cursor = NULL, walk_users = 0, walk_calls = 0, walk_started_at = ?, last_error = NULL WHERE app = ?',
      ).run(mode === 'rewalk' ? 1 : 0, now(), app.id);
    } else if (s.walking === 0) {
      // Finished before: continue from the last page to pick up users registered since.
      db.prepare('UPDATE user_index_state SET walking = 1, rewalk = 0, walk_users = 0, walk_calls = 0, walk_started_at = ?, last_error = NULL WHERE app = ?').run(now(), app.id);
    } else {
      db.prepare('UPDATE user_index_state SET walking = 1, last_error = NULL WHERE app = ?').run(app.id);
    }
    s = getState.get(app.id)!;
    progress.mode = s.rewalk === 1 ? 'rewalk' : 'build';
    progress.usersIndexed = s.walk_users;
    progress.calls = s.walk_calls;
    let cursor = s.cursor;
    let rate = progress.rate;
    let lastCall = 0;
    let failures = 0;
    const estimate = () => {
      const remaining = Math.max(0, previousCount - progress.usersIndexed);
      progress.etaSeconds = previousCount > 0 && progress.mode === 'rewalk' ? Math.ceil(remaining / PAGE_SIZE / rate) : null;
    };
    while (!abort.signal.aborted) {
      const wait = lastCall + 1000 / rate - now();
      if (wait > 0) await sleep(wait);
      if (abort.signal.aborted) break;
      lastCall = now();
      const path = `/users?limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      let res: Response;
      try {
        res = await upstream.call(app, path, (token) => ({ headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } }));
      } catch (e) {
        // The token request itself can be over the limit, or the host briefly away: wait and retry.
        const status = failureStatus(e);
        if (status === undefined || (status !== 429 && ++failures > 3)) throw e;
        rate = status === 429 ? Math.max(0.5, rate / 2) : rate;
        progress.rate = rate;
        await sleep(status === 429 ? 1000 : 1000 * 2 ** failures);
        continue;
      }
      progress.calls += 1;
      if (res.status === 429) {
        // Over the app's limit: halve the pace for the rest of the walk and wait as told.
        rate = Math.max(0.5, rate / 2);
        progress.rate = rate;
        const retry = Number(res.headers.get('retry-after'));
        await res.body?.cancel();
        await sleep(Number.isFinite(retry) && retry > 0 ? retry * 1000 : 1000 / rate);
        continue;
      }
      failures = 0;
      const body = (await res.json().catch(() => ({}))) as { entities?: ApiUser[]; cursor?: unknown; error_description?: string; error?: string };
      if (!res.ok) throw new Error(`GET users: HTTP ${res.status} ${body.error_description ?? body.error ?? ''}`.trim());
      const users = (body.entities ?? []).map(fromApi).filter((u): u is IndexedUser => !!u);
      const next = typeof body.cursor === 'string' && body.cursor ? body.cursor : null;
      if (next) {
        savePage(app.id, users, s.gen, next, progress.calls);
        progress.usersIndexed += users.length;
        cursor = next;
        estimate();
        o.onPage?.(app.id, progress);
      } else {
        // The last page: keep the cursor that fetched it, so "build" later continues from here.
        savePage(app.id, users, s.gen, cursor, progress.calls);
        progress.usersIndexed += users.length;
        finishWalk(app.id, s.rewalk === 1, s.gen, cursor);
        o.onPage?.(app.id, progress);
        return;
      }
    }
  }

  /** Starts (or resumes) a walk in the background; refuses while one runs. */
  function start(appId: string, mode: 'build' | 'rewalk'): BuildProgress {
    const app = byId.get(appId);
    if (!app) throw new Error(`No app "${appId}" is configured`);
    if (running.has(appId)) throw new IndexBusyError('A walk of this app is already running.');
    ensureState.run(appId);
    const abort = new AbortController();
    const progress: BuildProgress = { mode, usersIndexed: 0, calls: 0, rate: baseRate(), startedAt: now(), etaSeconds: null };
    const done = walk(app, mode, abort, progress)
      .catch((e: unknown) => {
        try {
          db.prepare('UPDATE user_index_state SET last_error = ? WHERE app = ?').run((e as Error).message, appId);
        } catch {
          // The database closed under the walk (shutdown): the walk resumes from its last page.
        }
      })
      .finally(() => running.delete(appId));
    running.set(appId, { abort, progress, done });
    return progress;
  }

  /**
   * Stops after the page in flight; the walk stays resumable. Cancelled by an operator, it waits
   * for "build"; stopped with the server (`close`), it resumes when the server starts again.
   */
  async function cancel(appId: string, { byOperator = false } = {}): Promise<boolean> {
    const r = running.get(appId);
    if (!r) return false;
    r.abort.abort();
    await r.done;
    if (byOperator) db.prepare('UPDATE user_index_state SET walking = 2 WHERE app = ? AND walking = 1').run(appId);
    return true;
  }

  /** At start: walks cut off by a stop or a crash go on from their last page. The apps resumed. */
  function resumeInterrupted(): string[] {
    const cut = db.prepare<[], { app: string }>('SELECT app FROM user_index_state WHERE walking = 1').all();
    const apps = cut.map((r) => r.app).filter((app) => byId.has(app) && !running.has(app));
    for (const app of apps) start(app, 'build');
    return apps;
  }

  async function drop(appId: string) {
    await cancel(appId);
    db.transaction(() => {
      db.prepare('DELETE FROM user_index_grams WHERE id IN (SELECT id FROM user_index WHERE app = ?)').run(appId);
      db.prepare('DELETE FROM user_index WHERE app = ?').run(appId);
      db.prepare('DELETE FROM user_index_state WHERE app = ?').run(appId);
    })();
  }

  // ---- The console's own changes ----

  const hasIndex = (app: string) => getState.get(app) !== undefined;

  /**
   * After the proxy forwarded a successful call: register, delete, nickname edit, ban, unban show
   * in the index at once (only for apps that have one).
   */
  function afterCall(app: string, method: string, pattern: string, params: Record<string, string>, request: unknown, answer: unknown) {
    if (!hasIndex(app)) return;
    const gen = getState.get(app)!.gen;
    const entities = ((answer as { entities?: unknown })?.entities ?? []) as ApiUser[];
    const apply = db.transaction(() => {
      if (method === 'POST' && pattern === 'users') {
        for (const e of Array.isArray(entities) ? entities : []) {
          const u = fromApi(e);
          if (u) upsert(app, u, gen);
        }
      } else if (method === 'DELETE' && pattern === 'users/{username}') {
        remove(app, params.username!);
      } else if (method === 'DELETE' && pattern === 'users') {
        for (const e of Array.isArray(entities) ? entities : []) if (typeof e.username === 'string') remove(app, e.username);
      } else if (method === 'PUT' && pattern === 'users/{username}') {
        const nickname = (request as { nickname?: unknown })?.nickname;
        if (typeof nickname !== 'string') return;
        const row = findRow.get(app, params.username!.toLowerCase());
        if (!row) return;
        db.prepare('UPDATE user_index SET nickname = ?, nickname_lc = ? WHERE id = ?').run(nickname, nickname.toLowerCase(), row.id);
        setGrams(row.id, row.username, nickname);
      } else if (method === 'POST' && (pattern === 'users/{username}/deactivate' || pattern === 'users/{username}/activate')) {
        db.prepare('UPDATE user_index SET activated = ? WHERE app = ? AND username_lc = ?').run(pattern.endsWith('/activate') ? 1 : 0, app, params.username!.toLowerCase());
      }
    });
    try {
      apply();
    } catch (e) {
      // The call succeeded on the IM host; a stale entry is fixed by the next re-walk.
      console.error(`search index update failed for ${method} ${app} ${pattern}:`, (e as Error).message);
    }
  }

  /** Adds or refreshes users directly, outside a walk (fixtures and the bench). */
  const put = db.transaction((app: string, users: IndexedUser[]) => {
    ensureState.run(app);
    const gen = getState.get(app)!.gen;
    for (const u of users) upsert(app, u, gen);
  });

  return {
    search,
    put,
    status,
    start,
    cancel,
    resumeInterrupted,
    drop,
    afterCall,
    isBuilding: (app: string) => running.has(app),
    /** Resolves when the app's walk in flight ends (tests, shutdown). */
    settled: async (app: string) => running.get(app)?.done,
    /** Cancels every walk (shutdown): each stays resumable. */
    close: async () => {
      await Promise.all([...running.keys()].map((app) => cancel(app)));
    },
  };
}

export type UserIndex = ReturnType<typeof createUserIndex>;
