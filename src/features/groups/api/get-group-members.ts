import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { groupKeys } from './keys';

/** Documented: pagesize 1..1000 (more is clamped to 1000), default 1000. */
export const ROSTER_PAGE = { defaultSize: 100, min: 1, max: 1000 };

// Members first: all entries but one match it at the first try (a 1,000-row page parses in half the time).
const rosterEntry = z.union([z.object({ member: z.string() }), z.object({ owner: z.string() })]);
const rosterAnswer = z.object({ data: z.array(rosterEntry), count: z.number() });

export type RosterMember = { username: string; role: 'owner' | 'member' };

/** `GET P/chatgroups/{g}/users?pagenum&pagesize`. */
export async function getGroupMembers(app: string, groupId: string, params: { pagenum: number; pagesize: number }): Promise<RosterMember[]> {
  const body = await callApi(http, app, { method: 'get', path: apiPath`chatgroups/${groupId}/users`, searchParams: params }, rosterAnswer);
  return body.data.map((e) => ('owner' in e ? { username: e.owner, role: 'owner' } : { username: e.member, role: 'member' }));
}

export const groupMembersQueryOptions = (app: string, groupId: string, params: { pagenum: number; pagesize: number }) =>
  queryOptions({
    queryKey: groupKeys.members(app, groupId, params),
    queryFn: () => getGroupMembers(app, groupId, params),
    placeholderData: keepPreviousData,
  });

export const useGroupMembers = (app: string, groupId: string, params: { pagenum: number; pagesize: number }) =>
  useQuery(groupMembersQueryOptions(app, groupId, params));
