import { toUser, type IndexedUser, type SearchBuckets, type UserRow } from './store.js';
import { isGramChar } from './tokenizer.js';

// Ranked in buckets, each an index range or lookup, so no query sorts every match: a short
// fragment can match most of an app. The same ranking over either database's buckets.

export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 100;

export interface SearchPage {
  users: IndexedUser[];
  cursor?: string;
}

export function createSearch(buckets: SearchBuckets) {
  async function byBucket(app: string, q: string, need: number): Promise<UserRow[]> {
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
    take(await buckets.exact(app, lc));
    // 2. Username, then nickname, starting with the query (index ranges).
    if (out.length < need) {
      take(await buckets.usernamePrefix(app, lc, need - out.length + seen.size));
      if (out.length < need) take(await buckets.nicknamePrefix(app, lc, need - out.length + seen.size));
    }
    // 3. Anywhere inside, in index order (oldest first): no sort over every match.
    if (out.length < need) {
      const limit = need - out.length + seen.size;
      const length = [...q].length;
      if (length >= 3) {
        take(await buckets.containing(app, q, limit));
      } else if ([...lc].every(isGramChar)) {
        take(await buckets.shortFragment(app, lc, limit));
      } else if (length === 2) {
        // Latin (or mixed) pairs: through the trigrams containing them. A text that is only the
        // pair itself is an exact or prefix match, found above.
        take(await buckets.pair(app, lc, limit));
      }
      // One Latin letter or digit anywhere matches most of an app: its prefixes (above) only.
    }
    return out;
  }

  /** Exact username first, then prefixes, then substrings. `cursor` is opaque (an offset). */
  return async function search(app: string, q: string, opts: { limit?: number; cursor?: string } = {}): Promise<SearchPage> {
    const query = q.trim();
    if (!query) return { users: [] };
    const limit = Math.min(Math.max(1, Math.trunc(opts.limit ?? SEARCH_LIMIT_DEFAULT)), SEARCH_LIMIT_MAX);
    const offset = opts.cursor ? Number.parseInt(opts.cursor, 10) || 0 : 0;
    const rows = await byBucket(app, query, offset + limit + 1);
    const page = rows.slice(offset, offset + limit).map(toUser);
    return rows.length > offset + limit ? { users: page, cursor: String(offset + limit) } : { users: page };
  };
}
