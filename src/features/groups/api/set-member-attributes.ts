import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { useTranslation } from '@/lib/i18n/react';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { groupKeys } from './keys';

const setAnswer = z.object({ data: z.record(z.string(), z.string()) });

/**
 * `PUT P/metadata/chatgroup/{g}/user/{u}` `{metaData: {k: v}}`: sets the keys given and leaves the
 * others; an empty value deletes its key (documented).
 */
export async function setMemberAttributes(app: string, groupId: string, username: string, metaData: Record<string, string>) {
  const body = await callApi(http, app, { method: 'put', path: apiPath`metadata/chatgroup/${groupId}/user/${username}`, json: { metaData } }, setAnswer);
  return body.data;
}

type Change = { key: string; value: string };

/**
 * One key set or deleted (`value: ''`). The caller shows the API's refusal next to what was typed
 * (`handlesError`); every attribute view of the group is refreshed after a change.
 */
export function useSetMemberAttributes(app: string, groupId: string, username: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value }: Change) => setMemberAttributes(app, groupId, username, { [key]: value }),
    meta: {
      handlesError: true,
      successMessage: ({ key, value }: Change) =>
        value === '' ? t('groupAttributes.deleted', { key, member: username }) : t('groupAttributes.saved', { key, member: username }),
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.attributes(app, groupId) }),
  });
}
