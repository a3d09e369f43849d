import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { friendKeys } from './keys';

/** Documented: this call returns at most 3,000 friends; past that only the paged list has them all. */
export const ALL_FRIENDS_MAX = 3000;

const allFriendsAnswer = z.object({ data: z.array(z.string()), count: z.optional(z.number()) });

/** `GET P/users/{u}/contacts/users`: every friend's name at once (up to 3,000), no remarks. */
export async function getAllFriends(app: string, username: string, signal?: AbortSignal): Promise<string[]> {
  const body = await callApi(http, app, { method: 'get', path: apiPath`users/${username}/contacts/users`, signal }, allFriendsAnswer);
  return body.data;
}

export const allFriendsQueryOptions = (app: string, username: string) =>
  queryOptions({ queryKey: friendKeys.allNames(app, username), queryFn: ({ signal }) => getAllFriends(app, username, signal) });

export const useAllFriends = (app: string, username: string, options: { enabled?: boolean } = {}) =>
  useQuery({ ...allFriendsQueryOptions(app, username), enabled: options.enabled });
