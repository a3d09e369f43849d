import { Button } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import { confirmAction } from '@/components/confirm-action/confirm-action';
import { useRemoveFriend } from '@/features/friends/api/remove-friend';

/** Ends a friendship (on both sides) after a confirmation. */
export function RemoveFriendButton({ app, owner, friend }: { app: string; owner: string; friend: string }) {
  const { t } = useTranslation();
  const remove = useRemoveFriend(app, owner, (f) => t('friends.removed', { owner, friend: f }));
  // `DELETE users/{owner}/contacts/users/{friend}` (remove-friend.ts): support and admin.
  const can = useCan();
  if (!can('delete', 'users/{owner}/contacts/users/{friend}')) return null;
  return (
    <Button
      variant="subtle"
      color="red"
      size="compact-xs"
      aria-label={t('friends.removeFor', { friend })}
      onClick={() =>
        confirmAction({
          title: t('friends.removeTitle', { friend }),
          message: t('friends.removeMessage', { owner, friend }),
          confirmLabel: t('friends.remove'),
          destructive: true,
          onConfirm: () => remove.mutateAsync(friend),
        })
      }
    >
      {t('friends.remove')}
    </Button>
  );
}
