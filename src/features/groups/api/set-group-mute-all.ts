import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '@/lib/i18n/react';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { groupKeys } from './keys';

const muteAnswer = z.object({ data: z.object({ mute: z.boolean() }) });

/** `POST P/chatgroups/{g}/ban` mutes everyone; `DELETE` lifts it (whitelisted members may still speak). */
export const setGroupMuteAll = (app: string, groupId: string, mute: boolean) =>
  callApi(http, app, { method: mute ? 'post' : 'delete', path: apiPath`chatgroups/${groupId}/ban` }, muteAnswer);

export function useSetGroupMuteAll(app: string, groupId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mute: boolean) => setGroupMuteAll(app, groupId, mute),
    meta: { successMessage: (mute) => t(mute ? 'groupDetail.mutedAll' : 'groupDetail.unmutedAll') },
    // Only the group's details show the mute-all state.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.detail(app, groupId) }),
  });
}
