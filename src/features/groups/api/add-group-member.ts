import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { useTranslation } from '@/lib/i18n/react';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { useInvalidateMembership } from './remove-group-members';

const addAnswer = z.object({ data: z.object({ result: z.boolean(), user: z.string() }) });

/**
 * `POST P/chatgroups/{g}/users/{u}`: 403 `forbidden_op` when already a member (or blacklisted),
 * 403 `exceed_limit` when the user is in too many groups or the group is full.
 */
export const addGroupMember = (app: string, groupId: string, username: string) =>
  callApi(http, app, { method: 'post', path: apiPath`chatgroups/${groupId}/users/${username}` }, addAnswer);

export function useAddGroupMember(app: string, groupId: string) {
  const { t } = useTranslation();
  const invalidate = useInvalidateMembership(app, groupId);
  return useMutation({
    mutationFn: (username: string) => addGroupMember(app, groupId, username),
    // The form explains the refusal next to the field.
    meta: { successMessage: (username: string) => t('groupMembers.added', { username }), handlesError: true },
    onSuccess: () => invalidate(),
  });
}
