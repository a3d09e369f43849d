import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { groupKeys } from './keys';

/** Owner + admins ≤ 100, so at most 99 admins (seed 002). */
export const GROUP_ADMINS_MAX = 99;

const adminsAnswer = z.object({ data: z.array(z.string()) });

/** `GET P/chatgroups/{g}/admin`: the admins' usernames (the owner is not listed). */
export async function getGroupAdmins(app: string, groupId: string): Promise<string[]> {
  const body = await callApi(http, app, { method: 'get', path: apiPath`chatgroups/${groupId}/admin` }, adminsAnswer);
  return body.data;
}

export const groupAdminsQueryOptions = (app: string, groupId: string) =>
  queryOptions({ queryKey: groupKeys.admins(app, groupId), queryFn: () => getGroupAdmins(app, groupId) });

export const useGroupAdmins = (app: string, groupId: string) => useQuery(groupAdminsQueryOptions(app, groupId));
