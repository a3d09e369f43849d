import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { isApiError } from '@/lib/api-client/api-error';
import { callApi, http } from '@/lib/api-client/http';
import { userEntity } from '@/lib/api-client/schemas';
import { useInvalidateFriends } from './invalidate';

/** The friend cap per user: 100 on the free plan, 3,000 on the paid ones (documents 000, 001). */
export const FRIEND_CAP = { free: 100, paid: 3000 };

/** 403 `exceed_limit`: the owner or the friend is at the friend cap. */
export const isFriendCapError = (e: unknown) => isApiError(e) && e.status === 403 && e.error === 'exceed_limit';

const addAnswer = z.object({ entities: z.optional(z.array(userEntity)) });

/** `POST P/users/{owner}/contacts/users/{friend}`; 404 when either user is missing, 403 at the cap. */
export const addFriend = (app: string, owner: string, friend: string) =>
  callApi(http, app, { method: 'post', path: apiPath`users/${owner}/contacts/users/${friend}` }, addAnswer);

/** The form shows the error itself (the cap needs explaining), so no notification on failure. */
export function useAddFriend(app: string, owner: string, successMessage: (friend: string) => string) {
  const invalidate = useInvalidateFriends(app);
  return useMutation({
    mutationFn: (friend: string) => addFriend(app, owner, friend),
    meta: { successMessage, handlesError: true },
    onSuccess: (_d, friend) => invalidate([owner, friend]),
  });
}
