import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { blockKeys } from './keys';

/** Documented: a user's blacklist holds at most 500 users. */
export const BLOCK_CAP = 500;

const allBlocksAnswer = z.object({ data: z.array(z.string()), count: z.optional(z.number()) });

/**
 * `GET P/users/{u}/blocks/users` with neither `pageSize` nor `cursor`: the newest 500 blocked users
 * in one answer. As a blacklist holds at most 500, that is all of it.
 */
export async function getAllBlocks(app: string, username: string, signal?: AbortSignal): Promise<string[]> {
  const body = await callApi(http, app, { method: 'get', path: apiPath`users/${username}/blocks/users`, signal }, allBlocksAnswer);
  return body.data;
}

/** Whether `owner` has blocked `other` (one call; usernames are case-insensitive). */
export async function hasBlocked(app: string, owner: string, other: string, signal?: AbortSignal): Promise<boolean> {
  const names = await getAllBlocks(app, owner, signal);
  const wanted = other.toLowerCase();
  return names.some((n) => n.toLowerCase() === wanted);
}

export const allBlocksQueryOptions = (app: string, username: string) =>
  queryOptions({ queryKey: blockKeys.allNames(app, username), queryFn: ({ signal }) => getAllBlocks(app, username, signal) });

export const useAllBlocks = (app: string, username: string) => useQuery(allBlocksQueryOptions(app, username));
