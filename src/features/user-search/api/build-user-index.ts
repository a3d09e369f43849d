import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendConsole, http } from '@/lib/api-client/http';
import { indexPath, indexStatus } from './get-user-index';
import { userSearchKeys } from './keys';

export type IndexAction = 'build' | 'rewalk' | 'cancel';

/**
 * `POST /im-console/apps/{app}/users/index {action}`: `build` starts or resumes a walk, `rewalk`
 * walks everything again (catching renames and deletions), `cancel` stops it (it can be resumed).
 * 202 with the new status; 409 `index_busy` while another walk runs.
 */
export const buildUserIndex = (app: string, action: IndexAction) => sendConsole(http, { method: 'post', path: indexPath(app), json: { action } }, indexStatus);

export function useBuildUserIndex(app: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: IndexAction) => buildUserIndex(app, action),
    // The settings page shows the refusal (409 busy, 403) next to the buttons.
    meta: { handlesError: true },
    onSuccess: (status) => {
      if (status) queryClient.setQueryData(userSearchKeys.status(app), status);
      return queryClient.invalidateQueries({ queryKey: userSearchKeys.all(app) });
    },
  });
}
