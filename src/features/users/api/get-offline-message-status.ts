import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { userKeys } from './keys';

export type DeliveryStatus = 'delivered' | 'undelivered';

const deliveryAnswer = z.object({ data: z.record(z.string(), z.string()) });

/** `GET P/users/{u}/offline_msg_status/{msg_id}`: `data: { msg_id: "delivered" | "undelivered" }`. */
export async function getOfflineMessageStatus(app: string, username: string, messageId: string): Promise<DeliveryStatus> {
  const body = await callApi(http, app, { method: 'get', path: apiPath`users/${username}/offline_msg_status/${messageId}` }, deliveryAnswer);
  return body.data[messageId] === 'undelivered' ? 'undelivered' : 'delivered';
}

export const offlineMessageStatusQueryOptions = (app: string, username: string, messageId: string) =>
  queryOptions({
    queryKey: userKeys.offlineStatus(app, username, messageId),
    queryFn: () => getOfflineMessageStatus(app, username, messageId),
    enabled: messageId !== '',
    // A lookup is a question about now: ask again each time.
    staleTime: 0,
  });

export const useOfflineMessageStatus = (app: string, username: string, messageId: string) =>
  useQuery(offlineMessageStatusQueryOptions(app, username, messageId));
