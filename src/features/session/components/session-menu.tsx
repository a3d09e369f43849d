import { Badge, Button, Group, Text } from '@mantine/core';
import { roleName } from '@/lib/api-client/describe-error';
import { useTranslation } from '@/lib/i18n/react';
import { useSessionState } from '@/lib/session/session-store';
import { useSignOut } from '../api/sign-out';

/** The operator, their role and Sign out (the shell places it); nothing when the console needs no sign-in. */
export function SessionMenu() {
  const { t } = useTranslation();
  const session = useSessionState();
  const signOut = useSignOut();
  if (session.status !== 'signed-in') return null;
  return (
    // Wraps in the navigation's narrow column; the header has room for one line.
    <Group gap="xs">
      <Group gap="xs" wrap="nowrap" role="group" aria-label={t('session.operator', { username: session.username })}>
        <Text size="sm">{session.username}</Text>
        {/* Not squeezed to "AD…" when the header is crowded. */}
        <Badge variant="light" style={{ flexShrink: 0 }}>
          {roleName(t, session.role)}
        </Badge>
      </Group>
      <Button size="xs" variant="default" loading={signOut.isPending} onClick={() => signOut.mutate()}>
        {t('session.signOut')}
      </Button>
    </Group>
  );
}
