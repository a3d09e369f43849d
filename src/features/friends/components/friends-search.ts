import * as z from 'zod/mini';
import { cursorSearch } from '@/components/data-table/pagination-search';
import { FRIENDS_PAGE } from '@/features/friends/api/friends-page';

/**
 * The friends section's URL: the paged list (`limit`, `cursor`, `prev`), or every friend at once
 * (`view=all`) with a filter (`q`). A bad value falls back to the paged list.
 */
export const friendsSearch = z.extend(cursorSearch(FRIENDS_PAGE), {
  view: z.catch(z.optional(z.enum(['all'])), undefined),
  q: z.catch(z.optional(z.string()), undefined),
});

export type FriendsSearch = z.output<typeof friendsSearch>;
export type FriendsView = 'pages' | 'all';

/** Another view starts from its beginning: the first page, or an empty filter. */
export function withView(search: FriendsSearch, view: FriendsView): FriendsSearch {
  return view === 'all' ? { ...search, view: 'all', cursor: undefined, prev: undefined } : { ...search, view: undefined, q: undefined };
}
