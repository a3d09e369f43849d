import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { cursorField, nextCursor } from '@/lib/api-client/schemas';
import { friendKeys } from './keys';

const contact = z.object({ username: z.string(), remark: z.optional(z.nullable(z.string())) });
// The cursor comes beside `count`, or inside `data` where the web SDK reads it: either will do.
const friendsAnswer = z.object({ data: z.object({ contacts: z.array(contact), cursor: cursorField }), cursor: cursorField, count: z.optional(z.number()) });

export type Friend = { username: string; remark: string | null };
export type FriendsPage = { friends: Friend[]; cursor: string | undefined };

/** `GET P/user/{u}/contacts?limit&cursor&needReturnRemark=true` (singular `/user/`): a page of friends with remarks. */
export async function getFriends(app: string, username: string, params: { limit: number; cursor?: string }, signal?: AbortSignal): Promise<FriendsPage> {
  const body = await callApi(
    http,
    app,
    { method: 'get', path: apiPath`user/${username}/contacts`, searchParams: { ...params, needReturnRemark: true }, signal },
    friendsAnswer,
  );
  return { friends: body.data.contacts.map((c) => ({ username: c.username, remark: c.remark ?? null })), cursor: nextCursor(body.cursor || body.data.cursor) };
}

export const friendsQueryOptions = (app: string, username: string, params: { limit: number; cursor?: string }) =>
  queryOptions({
    queryKey: friendKeys.page(app, username, params),
    queryFn: ({ signal }) => getFriends(app, username, params, signal),
    placeholderData: keepPreviousData,
  });

export const useFriends = (app: string, username: string, params: { limit: number; cursor?: string }) =>
  useQuery(friendsQueryOptions(app, username, params));

/**
 * One friend of `owner` with the remark `owner` gave them, or undefined when they are not friends:
 * walks the paged list (50 a call) until found, since only that call returns remarks.
 */
export async function findFriend(app: string, owner: string, friend: string, signal?: AbortSignal): Promise<Friend | undefined> {
  const wanted = friend.toLowerCase();
  let cursor: string | undefined;
  do {
    const page = await getFriends(app, owner, { limit: 50, cursor }, signal);
    const found = page.friends.find((f) => f.username.toLowerCase() === wanted);
    if (found) return found;
    cursor = page.cursor;
  } while (cursor);
  return undefined;
}
