import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { groupKeys } from './keys';

const whitelistAnswer = z.object({ data: z.array(z.string()) });

/** `GET P/chatgroups/{g}/white/users`: members who may speak while everyone is muted. */
export async function getGroupWhitelist(app: string, groupId: string): Promise<string[]> {
  const body = await callApi(http, app, { method: 'get', path: apiPath`chatgroups/${groupId}/white/users` }, whitelistAnswer);
  return body.data;
}

export const groupWhitelistQueryOptions = (app: string, groupId: string) =>
  queryOptions({ queryKey: groupKeys.whitelist(app, groupId), queryFn: () => getGroupWhitelist(app, groupId) });

export const useGroupWhitelist = (app: string, groupId: string) => useQuery(groupWhitelistQueryOptions(app, groupId));
