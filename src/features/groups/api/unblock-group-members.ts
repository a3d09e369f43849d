import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '@/lib/i18n/react';
import { notDoneError } from '@/lib/api-client/api-error';
import { groupKeys } from './keys';
import * as z from 'zod/mini';
import { apiPath, encodeSegment } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import type { ItemOutcome } from '@/lib/bulk/run-bulk';

/** Documented limit of `DELETE P/chatgroups/{g}/blocks/users/{u1%2Cu2}`. */
export const UNBLOCK_LIMIT = 60;

const unblockResult = z.object({ result: z.boolean(), user: z.string(), reason: z.optional(z.string()) });
// One name answers with an object, several with an array of them.
const unblockAnswer = z.object({ data: z.union([unblockResult, z.array(unblockResult)]) });

/** Unblocks up to 60 users. They may join again, but are not added back to the group. */
export async function unblockGroupMembers(app: string, groupId: string, usernames: string[]): Promise<ItemOutcome<string>[]> {
  // Seed 002 writes this list's commas as `%2C` (each name encoded on its own first).
  const path = `${apiPath`chatgroups/${groupId}/blocks/users`}/${usernames.map(encodeSegment).join('%2C')}`;
  const body = await callApi(http, app, { method: 'delete', path }, unblockAnswer);
  const results = Array.isArray(body.data) ? body.data : [body.data];
  return results.map((r, i) => ({ item: usernames.includes(r.user) ? r.user : (usernames[i] ?? r.user), ok: r.result, reason: r.reason }));
}

/** Unblocks one user (the confirmation is the caller's); they are not added back to the group. */
export function useUnblockGroupMember(app: string, groupId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (username: string) => {
      const [outcome] = await unblockGroupMembers(app, groupId, [username]);
      if (!outcome?.ok) {
        throw notDoneError(`DELETE /chatgroups/${groupId}/blocks/users/${username}`, outcome?.reason);
      }
    },
    meta: { successMessage: (username: string) => t('groupModeration.unblocked', { username }) },
    onSettled: () => queryClient.invalidateQueries({ queryKey: groupKeys.blacklist(app, groupId) }),
  });
}
