import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { userKeys } from './keys';

const countAnswer = z.object({ data: z.record(z.string(), z.number()) });

/** `GET P/users/{u}/offline_msg_count`: messages waiting for the user, `data: { u: N }`. */
export async function getOfflineMessageCount(app: string, username: string): Promise<number> {
  const body = await callApi(http, app, { method: 'get', path: apiPath`users/${username}/offline_msg_count` }, countAnswer);
  return Object.values(body.data)[0] ?? 0;
}

export const offlineMessageCountQueryOptions = (app: string, username: string) =>
  queryOptions({ queryKey: userKeys.offlineCount(app, username), queryFn: () => getOfflineMessageCount(app, username) });

export const useOfflineMessageCount = (app: string, username: string) => useQuery(offlineMessageCountQueryOptions(app, username));
