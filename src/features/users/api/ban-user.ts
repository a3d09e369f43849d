import { useMutation } from '@tanstack/react-query';
import { useTranslation } from '@/lib/i18n/react';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { useInvalidateUsers } from './invalidate';

const banAnswer = z.object({ action: z.optional(z.string()) });

/** `POST P/users/{u}/deactivate`: the user goes offline and cannot log in until unbanned. */
export const banUser = (app: string, username: string) =>
  callApi(http, app, { method: 'post', path: apiPath`users/${username}/deactivate` }, banAnswer);

export function useBanUser(app: string) {
  const { t } = useTranslation();
  const invalidate = useInvalidateUsers(app);
  return useMutation({
    mutationFn: (username: string) => banUser(app, username),
    meta: { successMessage: (username: string) => t('userActions.banned', { username }) },
    onSuccess: (_d, username) => invalidate([username]),
  });
}
