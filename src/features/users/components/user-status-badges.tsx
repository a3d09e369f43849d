import { Badge, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import { useUserStatus } from '@/features/users/api/get-user-status';
import type { UserEntity } from '@/lib/api-client/schemas';

/** Account state and presence, in words (the dot's colour only repeats them). */
export function UserStatusBadges({ app, username, user }: { app: string; username: string; user: UserEntity }) {
  const { t } = useTranslation();
  const status = useUserStatus(app, username);
  let presence;
  if (status.isPending) presence = <Loader size="xs" aria-label={t('common.loading')} />;
  else if (status.isError) presence = <Text size="sm">{t('userPage.presenceUnknown')}</Text>;
  else
    presence = (
      <Badge variant="dot" color={status.data === 'online' ? 'green' : 'gray'}>
        {t(status.data === 'online' ? 'userPage.online' : 'userPage.offline')}
      </Badge>
    );
  return (
    <Group gap="lg" component="dl" m={0}>
      <Group gap={6}>
        <Text component="dt" size="sm" c="dimmed">
          {t('userPage.account')}
        </Text>
        <dd style={{ margin: 0 }}>
          {/* The dot variant keeps body-coloured text, readable in both schemes. */}
          <Badge variant="dot" color={user.activated ? 'green' : 'red'}>
            {t(user.activated ? 'userPage.active' : 'userPage.banned')}
          </Badge>
        </dd>
      </Group>
      <Group gap={6}>
        <Text component="dt" size="sm" c="dimmed">
          {t('userPage.presence')}
        </Text>
        <dd style={{ margin: 0 }}>{presence}</dd>
      </Group>
    </Group>
  );
}
