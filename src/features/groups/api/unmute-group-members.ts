import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '@/lib/i18n/react';
import { notDoneError } from '@/lib/api-client/api-error';
import { groupKeys } from './keys';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import type { ItemOutcome } from '@/lib/bulk/run-bulk';

/** Documented limit of `DELETE P/chatgroups/{g}/mute/{u1,u2,…}`. */
export const UNMUTE_LIMIT = 60;

const unmuteAnswer = z.object({ data: z.array(z.object({ result: z.boolean(), user: z.string() })) });

/**
 * Lifts the mute of up to 60 members. `result: false` (no reason is given) means the user was not
 * on the mute list; the caller words that.
 */
export async function unmuteGroupMembers(app: string, groupId: string, usernames: string[]): Promise<ItemOutcome<string>[]> {
  const body = await callApi(http, app, { method: 'delete', path: apiPath`chatgroups/${groupId}/mute/${usernames}` }, unmuteAnswer);
  return body.data.map((r, i) => ({ item: usernames.includes(r.user) ? r.user : (usernames[i] ?? r.user), ok: r.result }));
}

/** Lifts one member's mute (the confirmation is the caller's). */
export function useUnmuteGroupMember(app: string, groupId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (username: string) => {
      const [outcome] = await unmuteGroupMembers(app, groupId, [username]);
      if (!outcome?.ok) {
        throw notDoneError(`DELETE /chatgroups/${groupId}/mute/${username}`, t('groupModeration.notMuted'));
      }
    },
    meta: { successMessage: (username: string) => t('groupModeration.unmuted', { username }) },
    onSettled: () => queryClient.invalidateQueries({ queryKey: groupKeys.mutes(app, groupId) }),
  });
}
