import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { userKeys } from './keys';

/** `pagesize` up to 1000 (more is clamped). */
export const JOINED_GROUPS_PAGE = { defaultSize: 50, min: 1, max: 1000 };

const joinedGroup = z.object({ groupid: z.string(), groupname: z.string() });
export type JoinedGroup = z.infer<typeof joinedGroup>;
const joinedAnswer = z.object({ data: z.array(joinedGroup), count: z.optional(z.number()) });

/** `GET P/users/{u}/joined_chatgroups?pagenum&pagesize`: the groups a user is in (any role). */
export async function getJoinedGroups(app: string, username: string, params: { pagenum: number; pagesize: number }): Promise<JoinedGroup[]> {
  const body = await callApi(http, app, { method: 'get', path: apiPath`users/${username}/joined_chatgroups`, searchParams: params }, joinedAnswer);
  return body.data;
}

export const joinedGroupsQueryOptions = (app: string, username: string, params: { pagenum: number; pagesize: number }) =>
  queryOptions({
    queryKey: userKeys.joinedGroups(app, username, params),
    queryFn: () => getJoinedGroups(app, username, params),
    placeholderData: keepPreviousData,
  });

export const useJoinedGroups = (app: string, username: string, params: { pagenum: number; pagesize: number }) =>
  useQuery(joinedGroupsQueryOptions(app, username, params));
