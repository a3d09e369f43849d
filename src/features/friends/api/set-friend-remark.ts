import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { isApiError } from '@/lib/api-client/api-error';
import { callApi, http } from '@/lib/api-client/http';
import { friendKeys } from './keys';

/** Documented: a remark is at most 100 characters (counted as the service does, in UTF-16 units). */
export const REMARK_MAX = 100;

/** 400 `illegal_argument` "updateRemark they are not friends…": the two are not (or no longer) friends. */
export const isNotFriendsError = (e: unknown) => isApiError(e) && e.status === 400 && e.error === 'illegal_argument';

const remarkAnswer = z.object({ status: z.optional(z.string()) });

/** `PUT P/user/{owner}/contacts/users/{friend} {remark}` (singular `/user/`): the owner's remark for one friend. */
export const setFriendRemark = (app: string, owner: string, friend: string, remark: string) =>
  callApi(http, app, { method: 'put', path: apiPath`user/${owner}/contacts/users/${friend}`, json: { remark } }, remarkAnswer);

/** The editor shows the error next to the field (what was typed stays), so no notification. */
export function useSetFriendRemark(app: string, owner: string, successMessage: (v: { friend: string; remark: string }) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ friend, remark }: { friend: string; remark: string }) => setFriendRemark(app, owner, friend, remark),
    meta: { successMessage, handlesError: true },
    // Only the owner's side holds this remark.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: friendKeys.user(app, owner) }),
  });
}
