import { Badge, Button, Group, Text } from '@mantine/core';
import { roleName } from '@/lib/api-client/describe-error';
import { useTranslation } from '@/lib/i18n/react';
import { useSessionState } from '@/lib/session/session-store';
import { useSignOut } from '../api/sign-out';

/** The operator, their role and Sign out, in the header; nothing when the console needs no sign-in. */
export function SessionMenu() {
  const { t } = useTranslation();
  const session = useSessionState();
  const signOut = useSignOut();
  if (session.status !== 'signed-in') return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Group gap="xs" wrap="nowrap" role="group" aria-label={t('session.operator', { username: session.username })} visibleFrom="sm">
        <Text size="sm">{session.username}</Text>
        <Badge variant="light">{roleName(t, session.role)}</Badge>
      </Group>
      <Button size="xs" variant="default" loading={signOut.isPending} onClick={() => signOut.mutate()}>
        {t('session.signOut')}
      </Button>
    </Group>
  );
}
