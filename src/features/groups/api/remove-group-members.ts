import { useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import type { ItemOutcome } from '@/lib/bulk/run-bulk';
import { groupKeys } from './keys';

/** Documented limit of `DELETE P/chatgroups/{g}/users/{u1,u2,…}`. */
export const REMOVE_MEMBERS_LIMIT = 60;

const removal = z.object({ result: z.boolean(), user: z.string(), reason: z.optional(z.string()) });
// One name answers with an object, several with an array of them.
const removeAnswer = z.object({ data: z.union([removal, z.array(removal)]) });

/** Removes up to 60 members in one call; the answer says per user whether it worked and why not. */
export async function removeGroupMembers(app: string, groupId: string, usernames: string[]): Promise<ItemOutcome<string>[]> {
  // A single name goes as a one-item list so the answer is always per user.
  const path = usernames.length === 1 ? apiPath`chatgroups/${groupId}/users/${usernames[0]!}` : apiPath`chatgroups/${groupId}/users/${usernames}`;
  const body = await callApi(http, app, { method: 'delete', path }, removeAnswer);
  const results = Array.isArray(body.data) ? body.data : [body.data];
  // Match by name; the documented example shows a reason whose `user` differs, so fall back to order.
  return results.map((r, i) => ({ item: usernames.includes(r.user) ? r.user : (usernames[i] ?? r.user), ok: r.result, reason: r.reason }));
}

/**
 * After members join or leave: the group's roster pages (and the lists of mutes, admins… that
 * hang off it), its details and the groups list's member counts change.
 */
export function useInvalidateMembership(app: string, groupId: string) {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of [groupKeys.roster(app, groupId), groupKeys.detail(app, groupId), groupKeys.lists(app)]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  };
}
