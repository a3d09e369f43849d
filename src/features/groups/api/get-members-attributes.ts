import { queryOptions, useQuery } from '@tanstack/react-query';
import { chunk } from '@/lib/bulk/chunk';
import { ATTRIBUTE_LIMITS } from '../components/attribute-limits';
import { readMembersAttributes } from './get-attribute-across-members';
import { groupKeys } from './keys';
import type { MemberAttributes } from './get-member-attributes';

/**
 * Every attribute of several members (readMembersAttributes with no properties: all keys), at most
 * 10 members a call, one call after another. A member the answer leaves out (no longer in the
 * group) has none.
 */
export async function getMembersAttributes(app: string, groupId: string, usernames: readonly string[]): Promise<Map<string, MemberAttributes>> {
  const out = new Map<string, MemberAttributes>();
  for (const targets of chunk(usernames, ATTRIBUTE_LIMITS.targets)) {
    const byName = await readMembersAttributes(app, groupId, targets, []);
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
