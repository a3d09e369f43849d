import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { http, sendConsole } from '@/lib/api-client/http';
import { useTranslation } from '@/lib/i18n/react';
import { operatorKeys } from './keys';

/** `DELETE /im-console/operators/{name}/sessions` → 204: they sign in again at their next request. */
export const endOperatorSessions = (username: string) => sendConsole(http, { method: 'delete', path: apiPath`operators/${username}/sessions` }, z.unknown());

export function useEndOperatorSessions() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endOperatorSessions,
    meta: { successMessage: (username: string) => t('operators.sessionsEnded', { username }) },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operatorKeys.all }),
  });
}
