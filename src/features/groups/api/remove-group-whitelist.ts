import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '@/lib/i18n/react';
import { notDoneError } from '@/lib/api-client/api-error';
import { groupKeys } from './keys';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import type { ItemOutcome } from '@/lib/bulk/run-bulk';

/** Documented limit of `DELETE P/chatgroups/{g}/white/users/{u1,u2}`. */
export const WHITELIST_REMOVE_LIMIT = 60;

const removeResult = z.object({ result: z.boolean(), user: z.string(), reason: z.optional(z.string()) });
const removeAnswer = z.object({ data: z.union([removeResult, z.array(removeResult)]) });

/** Removes up to 60 users from the whitelist. */
export async function removeGroupWhitelist(app: string, groupId: string, usernames: string[]): Promise<ItemOutcome<string>[]> {
  const body = await callApi(http, app, { method: 'delete', path: apiPath`chatgroups/${groupId}/white/users/${usernames}` }, removeAnswer);
  const results = Array.isArray(body.data) ? body.data : [body.data];
  return results.map((r, i) => ({ item: usernames.includes(r.user) ? r.user : (usernames[i] ?? r.user), ok: r.result, reason: r.reason }));
}

/** Takes one user off the whitelist (the confirmation is the caller's). */
export function useRemoveGroupWhitelistMember(app: string, groupId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (username: string) => {
      const [outcome] = await removeGroupWhitelist(app, groupId, [username]);
      if (!outcome?.ok) {
        throw notDoneError(`DELETE /chatgroups/${groupId}/white/users/${username}`, outcome?.reason);
      }
    },
    meta: { successMessage: (username: string) => t('groupModeration.unwhitelisted', { username }) },
    onSettled: () => queryClient.invalidateQueries({ queryKey: groupKeys.whitelist(app, groupId) }),
  });
}
