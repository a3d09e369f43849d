import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { chunk } from '@/lib/bulk/chunk';
import { ATTRIBUTE_LIMITS } from '../components/attribute-limits';
import { groupKeys } from './keys';
import type { MemberAttributes } from './get-member-attributes';

const membersAnswer = z.object({ data: z.record(z.string(), z.record(z.string(), z.string())) });

/**
 * Every attribute of several members: `POST P/metadata/chatgroup/{g}/get {targets, properties: []}`
 * (no properties: all keys), at most 10 members a call, one call after another. A member the
 * answer leaves out (no longer in the group) has none.
 */
export async function getMembersAttributes(app: string, groupId: string, usernames: readonly string[]): Promise<Map<string, MemberAttributes>> {
  const out = new Map<string, MemberAttributes>();
  for (const targets of chunk(usernames, ATTRIBUTE_LIMITS.targets)) {
    const body = await callApi(http, app, { method: 'post', path: apiPath`metadata/chatgroup/${groupId}/get`, json: { targets, properties: [] } }, membersAnswer);
    // Usernames are case-insensitive: the answer may name a member in lower case.
    const byName = new Map(Object.entries(body.data).map(([name, attrs]) => [name.toLowerCase(), attrs]));
    for (const name of targets) out.set(name, byName.get(name.toLowerCase()) ?? {});
  }
  return out;
}

export const membersAttributesQueryOptions = (app: string, groupId: string, usernames: readonly string[]) =>
  queryOptions({
    queryKey: groupKeys.membersAttributes(app, groupId, usernames),
    queryFn: () => getMembersAttributes(app, groupId, usernames),
  });

/** For a review before members are removed: what they would lose (`enabled` off: not read at all). */
export const useMembersAttributes = (app: string, groupId: string, usernames: readonly string[], enabled = true) =>
  useQuery({ ...membersAttributesQueryOptions(app, groupId, usernames), enabled });
