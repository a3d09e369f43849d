import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { useTranslation } from '@/lib/i18n/react';
import { apiPath } from '@/lib/api-client/api-path';
import { notDoneError } from '@/lib/api-client/api-error';
import { callApi, http } from '@/lib/api-client/http';
import { groupKeys } from './keys';

const transferAnswer = z.object({ data: z.object({ newowner: z.boolean() }) });

/**
 * `PUT P/chatgroups/{g} {newowner}`: the new owner must be a member and not the owner already
 * (403 `forbidden_op` otherwise). The old owner stays in the group as a member.
 */
export async function transferGroupOwner(app: string, groupId: string, newowner: string) {
  const body = await callApi(http, app, { method: 'put', path: apiPath`chatgroups/${groupId}`, json: { newowner } }, transferAnswer);
  if (!body.data.newowner) throw notDoneError(`PUT /chatgroups/${groupId} {newowner: ${newowner}}`);
  return body.data;
}

export function useTransferGroupOwner(app: string, groupId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (newowner: string) => transferGroupOwner(app, groupId, newowner),
    meta: { successMessage: (newowner: string) => t('groupMembers.transferred', { username: newowner }) },
    // The owner shows in the details, first in the roster, and in the groups list.
    onSuccess: () =>
      Promise.all(
        [groupKeys.detail(app, groupId), groupKeys.roster(app, groupId), groupKeys.lists(app)].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}
