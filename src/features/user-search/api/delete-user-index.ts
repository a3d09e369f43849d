import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendConsole, http } from '@/lib/api-client/http';
import { indexPath, indexStatus } from './get-user-index';
import { userSearchKeys } from './keys';

/** `DELETE /im-console/apps/{app}/users/index`: drops the app's index (the users themselves stay). */
export const deleteUserIndex = (app: string) => sendConsole(http, { method: 'delete', path: indexPath(app) }, indexStatus);

export function useDeleteUserIndex(app: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteUserIndex(app),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userSearchKeys.all(app) }),
  });
}
