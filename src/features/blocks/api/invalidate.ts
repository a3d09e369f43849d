import { useQueryClient } from '@tanstack/react-query';
import { blockKeys } from './keys';

/** After a change to a user's blacklist: its pages and its full list. */
export function useInvalidateBlocks(app: string) {
  const queryClient = useQueryClient();
  return (owner: string) => void queryClient.invalidateQueries({ queryKey: blockKeys.user(app, owner) });
}
