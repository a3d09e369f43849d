import { Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import { DetailList } from '@/components/detail-list/detail-list';
import { ErrorState } from '@/components/error-state/error-state';
import { useUser } from '@/features/users/api/get-user';
import { useUserStatus } from '@/features/users/api/get-user-status';
import type { UserEntity } from '@/lib/api-client/schemas';
import { formatDateTime } from '@/lib/i18n/format';
import { OfflineMessageCount, OfflineMessageLookup } from './offline-messages';

/** The Profile section: the account's fields, presence and offline messages. */
export function UserProfile({ app, username }: { app: string; username: string }) {
  const { t } = useTranslation();
  const user = useUser(app, username);
  // The layout handles "no such user"; here only the load itself.
  if (user.isPending) return <Skeleton h={240} aria-label={t('common.loading')} />;
  if (user.isError) return <ErrorState error={user.error} onRetry={() => void user.refetch()} />;
  return (
    <Stack gap="xl">
      <ProfileDetails app={app} username={username} user={user.data} />
      <OfflineMessageLookup app={app} username={username} />
    </Stack>
  );
}

function ProfileDetails({ app, username, user }: { app: string; username: string; user: UserEntity }) {
  const { t, i18n } = useTranslation();
  const status = useUserStatus(app, username);
  const notSet = <Text span inherit c="dimmed">{t('userPage.notSet')}</Text>;
  const style = user.notification_display_style;
  const dnd = user.notification_no_disturbing;
  return (
    <DetailList
      label={t('userPage.profile', { username: user.username })}
      items={[
        { label: t('userPage.uuid'), value: <Text ff="monospace" size="sm">{user.uuid}</Text> },
        { label: t('userPage.created'), value: formatDateTime(user.created, i18n.language) },
        { label: t('userPage.modified'), value: user.modified ? formatDateTime(user.modified, i18n.language) : notSet },
        { label: t('userPage.activated'), value: t(user.activated ? 'userPage.yes' : 'userPage.no') },
        {
          label: t('userPage.presence'),
          value: status.isPending ? t('common.loading') : status.isError ? t('userPage.presenceUnknown') : t(status.data === 'online' ? 'userPage.online' : 'userPage.offline'),
        },
        { label: t('userPage.nickname'), value: user.nickname || notSet },
        { label: t('userPage.displayStyle'), value: style === undefined ? notSet : t(style === 1 ? 'userPage.displayStyle1' : 'userPage.displayStyle0') },
        {
          label: t('userPage.noDisturbing'),
          value:
            dnd === undefined
              ? notSet
              : dnd
                ? t('userPage.noDisturbingOn', { start: user.notification_no_disturbing_start ?? '?', end: user.notification_no_disturbing_end ?? '?' })
                : t('userPage.off'),
        },
        ...(user.notifier_name ? [{ label: t('userPage.notifier'), value: user.notifier_name }] : []),
        ...(user.device_token ? [{ label: t('userPage.deviceToken'), value: <Text ff="monospace" size="sm">{user.device_token}</Text> }] : []),
        { label: t('userPage.offlineCount'), value: <OfflineMessageCount app={app} username={username} /> },
      ]}
    />
  );
}
