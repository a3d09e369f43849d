import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { ApiError } from '@/lib/api-client/api-error';
import { callApi, http } from '@/lib/api-client/http';
import { groupKeys } from './keys';

export const groupDetails = z.object({
  id: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  membersonly: z.optional(z.boolean()),
  allowinvites: z.optional(z.boolean()),
  maxusers: z.optional(z.number()),
  owner: z.string(),
  created: z.number(),
  custom: z.optional(z.string()),
  mute: z.optional(z.boolean()),
  affiliations_count: z.number(),
  public: z.optional(z.boolean()),
  // `affiliations` (every member, 3,000 in a big group) is left unread: the roster pages are the
  // member list, and checking thousands of entries would hold up the group page's first render.
});
export type GroupDetails = z.infer<typeof groupDetails>;

const getGroupAnswer = z.object({ data: z.array(groupDetails) });

/** `GET P/chatgroups/{id}` (not in the seeds; shape from the public SDKs). */
export async function getGroup(app: string, groupId: string): Promise<GroupDetails> {
  const body = await callApi(http, app, { method: 'get', path: apiPath`chatgroups/${groupId}` }, getGroupAnswer);
  const group = body.data[0];
  if (!group) throw new ApiError({ kind: 'schema', status: 200, description: 'data: []', call: `GET /chatgroups/${groupId}` });
  return group;
}

export const groupQueryOptions = (app: string, groupId: string) =>
  queryOptions({ queryKey: groupKeys.detail(app, groupId), queryFn: () => getGroup(app, groupId) });

export const useGroup = (app: string, groupId: string) => useQuery(groupQueryOptions(app, groupId));
