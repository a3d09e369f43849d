import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import type { OnlineStatus } from './get-users-status';
import { userKeys } from './keys';

const statusAnswer = z.object({ data: z.record(z.string(), z.string()) });

/** `GET P/users/{u}/status`: `data: { u: "online" | "offline" }`; 404 when there is no such user. */
export async function getUserStatus(app: string, username: string): Promise<OnlineStatus> {
  const body = await callApi(http, app, { method: 'get', path: apiPath`users/${username}/status` }, statusAnswer);
  // The key is the stored (lower-case) name, which may differ from what was typed.
  return Object.values(body.data)[0] === 'online' ? 'online' : 'offline';
}

export const userStatusQueryOptions = (app: string, username: string) =>
  queryOptions({ queryKey: userKeys.status(app, username), queryFn: () => getUserStatus(app, username), staleTime: 10_000 });

export const useUserStatus = (app: string, username: string) => useQuery(userStatusQueryOptions(app, username));
