import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { groupKeys } from './keys';

const blacklistAnswer = z.object({ data: z.array(z.string()) });

/** `GET P/chatgroups/{g}/blocks/users`: users blocked from the group (they are no longer members). */
export async function getGroupBlacklist(app: string, groupId: string): Promise<string[]> {
  const body = await callApi(http, app, { method: 'get', path: apiPath`chatgroups/${groupId}/blocks/users` }, blacklistAnswer);
  return body.data;
}

export const groupBlacklistQueryOptions = (app: string, groupId: string) =>
  queryOptions({ queryKey: groupKeys.blacklist(app, groupId), queryFn: () => getGroupBlacklist(app, groupId) });

export const useGroupBlacklist = (app: string, groupId: string) => useQuery(groupBlacklistQueryOptions(app, groupId));
