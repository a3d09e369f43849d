import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { callApi, http } from '@/lib/api-client/http';
import { chunk } from '@/lib/bulk/chunk';
import { userKeys } from './keys';

/** Documented: at most 100 names per `POST P/users/batch/status`. */
export const STATUS_BATCH_LIMIT = 100;

export type OnlineStatus = 'online' | 'offline';

// `data: [{ "alice": "online" }, { "bob": "offline" }]`
const statusAnswer = z.object({ data: z.array(z.record(z.string(), z.string())) });

/** Online status of many users, one call per 100 names. Unknown names come back offline (not validated). */
export async function getUsersStatus(app: string, usernames: readonly string[], signal?: AbortSignal): Promise<Record<string, OnlineStatus>> {
  const out: Record<string, OnlineStatus> = {};
  for (const names of chunk(usernames, STATUS_BATCH_LIMIT)) {
    const body = await callApi(http, app, { method: 'post', path: 'users/batch/status', json: { usernames: names }, signal }, statusAnswer);
    for (const entry of body.data) for (const [name, s] of Object.entries(entry)) out[name] = s === 'online' ? 'online' : 'offline';
  }
  return out;
}

export const usersStatusQueryOptions = (app: string, usernames: readonly string[]) =>
  queryOptions({
    queryKey: userKeys.statuses(app, usernames),
    queryFn: ({ signal }) => getUsersStatus(app, usernames, signal),
    enabled: usernames.length > 0,
    // Presence changes by the minute; a page's dots are worth a fresh look each time.
    staleTime: 10_000,
    placeholderData: keepPreviousData,
  });

export const useUsersStatus = (app: string, usernames: readonly string[]) => useQuery(usersStatusQueryOptions(app, usernames));
