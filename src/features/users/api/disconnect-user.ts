import { useMutation } from '@tanstack/react-query';
import { useTranslation } from '@/lib/i18n/react';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { notDoneError } from '@/lib/api-client/api-error';
import { callApi, http } from '@/lib/api-client/http';
import { useInvalidateUsers } from './invalidate';

const disconnectAnswer = z.object({ data: z.object({ result: z.boolean() }) });

/** `GET P/users/{u}/disconnect`: forces every session of the user offline (they may log in again). */
export async function disconnectUser(app: string, username: string): Promise<void> {
  const body = await callApi(http, app, { method: 'get', path: apiPath`users/${username}/disconnect` }, disconnectAnswer);
  if (!body.data.result) throw notDoneError(`GET /users/${username}/disconnect`);
}

export function useDisconnectUser(app: string) {
  const { t } = useTranslation();
  const invalidate = useInvalidateUsers(app);
  return useMutation({
    mutationFn: (username: string) => disconnectUser(app, username),
    meta: { successMessage: (username: string) => t('userActions.disconnected', { username }) },
    onSuccess: (_d, username) => invalidate([username]),
  });
}
