import { useMutation } from '@tanstack/react-query';
import { useTranslation } from '@/lib/i18n/react';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { useInvalidateUsers } from './invalidate';

const unbanAnswer = z.object({ action: z.optional(z.string()) });

/** `POST P/users/{u}/activate`: lifts a ban. */
export const unbanUser = (app: string, username: string) =>
  callApi(http, app, { method: 'post', path: apiPath`users/${username}/activate` }, unbanAnswer);

export function useUnbanUser(app: string) {
  const { t } = useTranslation();
  const invalidate = useInvalidateUsers(app);
  return useMutation({
    mutationFn: (username: string) => unbanUser(app, username),
    meta: { successMessage: (username: string) => t('userActions.unbanned', { username }) },
    onSuccess: (_d, username) => invalidate([username]),
  });
}
