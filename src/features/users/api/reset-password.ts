import { useMutation } from '@tanstack/react-query';
import { useTranslation } from '@/lib/i18n/react';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';

/** Documented: a password is 1..64 characters. */
export const PASSWORD_MAX = 64;

const passwordAnswer = z.object({ action: z.optional(z.string()) });

/** `PUT P/users/{u}/password {newpassword}`; 404 `entity_not_found` when there is no such user. */
export const resetPassword = (app: string, username: string, newpassword: string) =>
  callApi(http, app, { method: 'put', path: apiPath`users/${username}/password`, json: { newpassword } }, passwordAnswer);

export function useResetPassword(app: string, username: string) {
  const { t } = useTranslation();
  // No query holds a password, so nothing to invalidate; `gcTime: 0` drops the variables (the
  // password) from the mutation cache as soon as the form lets go of it.
  return useMutation({
    mutationFn: (newpassword: string) => resetPassword(app, username, newpassword),
    gcTime: 0,
    meta: { successMessage: t('userActions.passwordReset', { username }) },
  });
}
