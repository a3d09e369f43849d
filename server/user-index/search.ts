import type { ConsoleDb } from '../console-db.js';
import { toUser, type IndexedUser, type UserRow } from './store.js';
import { isGramChar, phrase, prefixEnd } from './tokenizer.js';

// Ranked in buckets, each an index range or lookup, so no query sorts every match: a short
// fragment can match most of an app.

export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 100;

export interface SearchPage {
  users: IndexedUser[];
  cursor?: string;
}

const COLS = 'u.id, u.username, u.nickname, u.activated, u.created';

export function createSearch(db: ConsoleDb) {
  const exact = db.prepare<[string, string], UserRow>(`SELECT ${COLS} FROM user_index u WHERE app = ? AND username_lc = ?`);
  const usernamePrefix = db.prepare<[string, string, string, number], UserRow>(
    `SELECT ${COLS} FROM user_index u WHERE app = ? AND username_lc >= ? AND username_lc < ? ORDER BY username_lc LIMIT ?`,
  );
  const nicknamePrefix = db.prepare<[string, string, string, number], UserRow>(
    `SELECT ${COLS} FROM user_index u WHERE app = ? AND nickname_lc >= ? AND nickname_lc < ? ORDER BY nickname_lc LIMIT ?`,
  );
  const fullText = db.prepare<[string, string, number], UserRow>(
    `SELECT ${COLS} FROM user_index_fts f JOIN user_index u ON u.id = f.rowid WHERE user_index_fts MATCH ? AND u.app = ? ORDER BY f.rowid LIMIT ?`,
  );
  const shortGram = db.prepare<[string, string, number], UserRow>(
    `SELECT ${COLS} FROM user_index_grams g JOIN user_index u ON u.id = g.id WHERE g.gram = ? AND u.app = ? ORDER BY g.id LIMIT ?`,
  );
  const trigramsWith = db.prepare<[string], { term: string }>('SELECT term FROM user_index_trigrams WHERE instr(term, ?) > 0');

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
    // 1. The exact username.
    take(exact.all(app, lc));
    // 2. Username, then nickname, starting with the query (index ranges).
    if (out.length < need) {
      take(usernamePrefix.all(app, lc, prefixEnd(lc), need - out.length + seen.size));
      if (out.length < need) take(nicknamePrefix.all(app, lc, prefixEnd(lc), need - out.length + seen.size));
    }
    // 3. Anywhere inside, in index order (oldest first): no sort over every match.
    if (out.length < need) {
      const limit = need - out.length + seen.size;
      const length = [...q].length;
      if (length >= 3) {
        take(fullText.all(phrase(q), app, limit));
      } else if ([...lc].every(isGramChar)) {
        take(shortGram.all(lc, app, limit));
      } else if (length === 2) {
        // Latin (or mixed) pairs: through the trigrams containing them. A text that is only the
        // pair itself is an exact or prefix match, found above.
        const terms = trigramsWith.all(lc).map((r) => phrase(r.term));
        if (terms.length > 0) take(fullText.all(terms.join(' OR '), app, limit));
      }
      // One Latin letter or digit anywhere matches most of an app: its prefixes (above) only.
    }
    return out;
  }

  /** Exact username first, then prefixes, then substrings. `cursor` is opaque (an offset). */
  return function search(app: string, q: string, opts: { limit?: number; cursor?: string } = {}): SearchPage {
    const query = q.trim();
    if (!query) return { users: [] };
    const limit = Math.min(Math.max(1, Math.trunc(opts.limit ?? SEARCH_LIMIT_DEFAULT)), SEARCH_LIMIT_MAX);
    const offset = opts.cursor ? Number.parseInt(opts.cursor, 10) || 0 : 0;
    const rows = byBucket(app, query, offset + limit + 1);
    const page = rows.slice(offset, offset + limit).map(toUser);
    return rows.length > offset + limit ? { users: page, cursor: String(offset + limit) } : { users: page };
  };
}
