import type { TFunction } from '@/lib/i18n/translate';
import { describeError } from '@/lib/api-client/describe-error';
import { FRIEND_CAP, isFriendCapError } from '@/features/friends/api/add-friend';
import { isNotFriendsError } from '@/features/friends/api/set-friend-remark';

/** A failed friends call in words: the friend cap explained, "not friends" said plainly, else the API's own message. */
export function describeFriendError(t: TFunction, error: unknown, names: { owner: string; friend?: string }): string {
  const api = describeError(t, error);
  if (isFriendCapError(error)) return t('friends.capReached', { ...names, free: FRIEND_CAP.free, paid: '3,000', api });
  if (names.friend !== undefined && isNotFriendsError(error)) return t('friends.notFriends', { ...names, api });
  return api;
}

/**
 * Field styles with an error red that passes WCAG AA: Mantine's default (red 6) is about 3.5:1 on
 * white and red 8 only just 4.5:1, for the message and for the text typed into an invalid field.
 */
export const READABLE_ERROR_STYLES = {
  error: { color: 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-4))' },
  input: { color: 'var(--mantine-color-text)' },
};
