import { useQueryClient } from '@tanstack/react-query';
import { friendKeys } from './keys';

/** After a change to some users' friendships: each one's pages and full list. */
export function useInvalidateFriends(app: string) {
  const queryClient = useQueryClient();
  return (usernames: readonly string[]) => {
    for (const u of new Set(usernames)) void queryClient.invalidateQueries({ queryKey: friendKeys.user(app, u) });
  };
}
