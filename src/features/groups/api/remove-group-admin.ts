import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { useTranslation } from '@/lib/i18n/react';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { groupKeys } from './keys';

const removeAdminAnswer = z.object({ data: z.object({ result: z.string(), oldadmin: z.string() }) });

/** `DELETE P/chatgroups/{g}/admin/{u}`: the admin stays in the group as a plain member. */
export const removeGroupAdmin = (app: string, groupId: string, username: string) =>
  callApi(http, app, { method: 'delete', path: apiPath`chatgroups/${groupId}/admin/${username}` }, removeAdminAnswer);

export function useRemoveGroupAdmin(app: string, groupId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (username: string) => removeGroupAdmin(app, groupId, username),
    meta: { successMessage: (username: string) => t('groupMembers.demoted', { username }) },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.admins(app, groupId) }),
  });
}
