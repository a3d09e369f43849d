import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { groupKeys } from './keys';

export type MemberAttributes = Record<string, string>;

const attributesAnswer = z.object({ data: z.record(z.string(), z.string()) });

/** `GET P/metadata/chatgroup/{g}/user/{u}`: all of one member's attributes; 404 "user not in group" otherwise. */
export async function getMemberAttributes(app: string, groupId: string, username: string): Promise<MemberAttributes> {
  const body = await callApi(http, app, { method: 'get', path: apiPath`metadata/chatgroup/${groupId}/user/${username}` }, attributesAnswer);
  return body.data;
}

export const memberAttributesQueryOptions = (app: string, groupId: string, username: string) =>
  queryOptions({
    queryKey: groupKeys.memberAttributes(app, groupId, username),
    queryFn: () => getMemberAttributes(app, groupId, username),
  });

export const useMemberAttributes = (app: string, groupId: string, username: string) =>
  useQuery(memberAttributesQueryOptions(app, groupId, username));
