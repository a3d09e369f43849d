import { queryOptions, useQuery } from '@tanstack/react-query';
import { findFriend } from './get-friends';
import { friendKeys } from './keys';

/**
 * One friendship seen from `owner`'s side, with the remark `owner` gave: `null` when they are not
 * friends. Under `friendKeys.user(owner)`, so any change to the owner's friends refreshes it.
 */
export const friendQueryOptions = (app: string, owner: string, friend: string) =>
  queryOptions({
    queryKey: [...friendKeys.user(app, owner), 'find', friend.toLowerCase()] as const,
    queryFn: async ({ signal }) => (await findFriend(app, owner, friend, signal)) ?? null,
  });

export const useFriend = (app: string, owner: string, friend: string, options: { enabled?: boolean } = {}) =>
  useQuery({ ...friendQueryOptions(app, owner, friend), enabled: options.enabled });
