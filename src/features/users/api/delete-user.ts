import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '@/lib/i18n/react';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { imKeys } from '@/lib/query/im-keys';
import { userKeys } from './keys';

const deleteAnswer = z.object({ entities: z.optional(z.array(z.object({ username: z.string() }))) });

/** `DELETE P/users/{u}`: also deletes the groups and chat rooms the user owns. */
export const deleteUser = (app: string, username: string) =>
  callApi(http, app, { method: 'delete', path: apiPath`users/${username}` }, deleteAnswer);

export function useDeleteUser(app: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (username: string) => deleteUser(app, username),
    meta: { successMessage: (username: string) => t('userActions.deleted', { username }) },
    onSuccess: (_d, username) => {
      // Its own data goes; lists change. Groups it owned are gone too: every cached group view of the app is stale.
      queryClient.removeQueries({ queryKey: userKeys.user(app, username) });
      void queryClient.invalidateQueries({ queryKey: userKeys.lists(app) });
      void queryClient.invalidateQueries({ queryKey: imKeys.groups(app) });
    },
  });
}
