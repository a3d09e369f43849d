import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { callApi, http } from '@/lib/api-client/http';
import { cursorField } from '@/lib/api-client/schemas';
import { groupKeys } from './keys';

export const GROUPS_PAGE = { defaultLimit: 20, min: 1, max: 100 };

const groupSummary = z.object({
  groupid: z.string(),
  groupname: z.string(),
  owner: z.string(),
  affiliations: z.number(),
  lastModified: z.optional(z.string()),
});
export type GroupSummary = z.infer<typeof groupSummary>;

const getGroupsAnswer = z.object({ data: z.array(groupSummary), cursor: cursorField, count: z.number() });

/** `GET P/chatgroups?limit&cursor` (not in the seeds; shape from the public SDKs). */
export const getGroups = (app: string, params: { limit: number; cursor?: string }) =>
  callApi(http, app, { method: 'get', path: 'chatgroups', searchParams: params }, getGroupsAnswer);

export const groupsQueryOptions = (app: string, params: { limit: number; cursor?: string }) =>
  queryOptions({ queryKey: groupKeys.list(app, params), queryFn: () => getGroups(app, params), placeholderData: keepPreviousData });

export const useGroups = (app: string, params: { limit: number; cursor?: string }) => useQuery(groupsQueryOptions(app, params));

/** The owner comes as `org#app_user`; the console shows the username. */
export const ownerName = (owner: string) => owner.replace(/^[^#]*#[^_]*_/, '');
