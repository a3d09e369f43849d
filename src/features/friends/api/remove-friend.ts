import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { userEntity } from '@/lib/api-client/schemas';
import { useInvalidateFriends } from './invalidate';

const removeAnswer = z.object({ entities: z.optional(z.array(userEntity)) });

/** `DELETE P/users/{owner}/contacts/users/{friend}`: ends the friendship on both sides. */
export const removeFriend = (app: string, owner: string, friend: string) =>
  callApi(http, app, { method: 'delete', path: apiPath`users/${owner}/contacts/users/${friend}` }, removeAnswer);

export function useRemoveFriend(app: string, owner: string, successMessage: (friend: string) => string) {
  const invalidate = useInvalidateFriends(app);
  return useMutation({
    mutationFn: (friend: string) => removeFriend(app, owner, friend),
    meta: { successMessage },
    onSuccess: (_d, friend) => invalidate([owner, friend]),
  });
}
