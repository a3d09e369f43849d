import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { useTranslation } from '@/lib/i18n/react';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { groupKeys } from './keys';

const addAdminAnswer = z.object({ data: z.object({ result: z.string(), newadmin: z.string() }) });

/** `POST P/chatgroups/{g}/admin {newadmin}`: a member becomes an admin (at most 99 admins). */
export const addGroupAdmin = (app: string, groupId: string, username: string) =>
  callApi(http, app, { method: 'post', path: apiPath`chatgroups/${groupId}/admin`, json: { newadmin: username } }, addAdminAnswer);

export function useAddGroupAdmin(app: string, groupId: string, options: { handlesError?: boolean } = {}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (username: string) => addGroupAdmin(app, groupId, username),
    meta: { successMessage: (username: string) => t('groupMembers.promoted', { username }), handlesError: options.handlesError },
    // Roles show in the admins list and on the roster rows (which read the same query).
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.admins(app, groupId) }),
  });
}
