import { useQueryClient } from '@tanstack/react-query';
import { userKeys } from './keys';

/**
 * After a change to some users: their own data, every list page and the status batches. Used by
 * the single mutations and by bulk runs (which invalidate once at the end).
 */
export function useInvalidateUsers(app: string) {
  const queryClient = useQueryClient();
  return (usernames: readonly string[]) => {
    for (const u of usernames) void queryClient.invalidateQueries({ queryKey: userKeys.user(app, u) });
    void queryClient.invalidateQueries({ queryKey: userKeys.lists(app) });
    void queryClient.invalidateQueries({ queryKey: userKeys.statusBatches(app) });
  };
}
