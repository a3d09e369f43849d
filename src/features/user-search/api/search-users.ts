import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { callConsole, http } from '@/lib/api-client/http';
import { encodeSegment } from '@/lib/api-client/api-path';
import { userSearchKeys } from './keys';

/** `limit` bounds of the search (the server's SEARCH_LIMIT_DEFAULT / _MAX). */
export const SEARCH_PAGE = { defaultLimit: 20, min: 1, max: 100 };
/** Longest query the box sends: names are at most 64 characters (nicknames 100). */
export const SEARCH_QUERY_MAX = 100;

const indexedUser = z.object({
  username: z.string(),
  nickname: z.string(),
  activated: z.boolean(),
  created: z.nullable(z.number()),
});
export type IndexedUser = z.infer<typeof indexedUser>;

const searchAnswer = z.object({
  users: z.array(indexedUser),
  cursor: z.optional(z.nullable(z.string())),
  /** When the last walk finished; null: never (no index yet, unless one is building). */
  indexedAt: z.nullable(z.string()),
  building: z.boolean(),
  /** Users in the index now: while the first walk runs, the search covers these so far. */
  count: z.optional(z.number()),
});
export type SearchAnswer = z.infer<typeof searchAnswer>;

export type SearchParams = { q: string; limit: number; cursor?: string };

/** `GET /im-console/apps/{app}/users/search?q&limit&cursor`: users whose username or nickname contains `q`. */
export function searchUsers(app: string, params: SearchParams) {
  const query = new URLSearchParams({ q: params.q, limit: String(params.limit) });
  if (params.cursor) query.set('cursor', params.cursor);
  return callConsole(http, `apps/${encodeSegment(app)}/users/search?${query}`, searchAnswer);
}

export const searchUsersQueryOptions = (app: string, params: SearchParams) =>
  queryOptions({
    queryKey: userSearchKeys.search(app, params),
    queryFn: () => searchUsers(app, params),
    placeholderData: keepPreviousData,
  });

export const useSearchUsers = (app: string, params: SearchParams, enabled = true) =>
  useQuery({ ...searchUsersQueryOptions(app, params), enabled: enabled && params.q.trim() !== '' });
