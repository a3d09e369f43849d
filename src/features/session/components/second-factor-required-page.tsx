import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useSignOut } from '../api/sign-out';
import { SecondFactorSetup } from './second-factor-setup';
import { SessionCardPage } from './session-card-page';

type Props = {
  username: string;
  /** The second factor is set up and its recovery codes saved. */
  onDone: () => void;
  /** The language and colour-scheme pickers, from the shell. */
  tools?: ReactNode;
};

/** REQUIRE_2FA: shown instead of the pages until the operator has set up a second factor. */
export default function SecondFactorRequiredPage({ username, onDone, tools }: Props) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <SessionCardPage
      heading={t('account.setupTitle')}
      tabTitle={t('account.setupTitle')}
      tools={tools}
      size={480}
      footer={
        <Group justify="flex-end">
          <Button variant="subtle" size="xs" loading={signOut.isPending} onClick={() => signOut.mutate()}>
            {t('session.signOut')}
          </Button>
        </Group>
      }
    >
      <Text size="sm" c="dimmed">
        {t('account.requiredIntro', { username })}
      </Text>
      <SecondFactorSetup username={username} onDone={onDone} />
    </SessionCardPage>
  );
}
