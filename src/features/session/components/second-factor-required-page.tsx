import { Box, Button, Container, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useSignOut } from '../api/sign-out';
import { SecondFactorSetup } from './second-factor-setup';

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
  useEffect(() => {
    const before = document.title;
    document.title = `${t('account.setupTitle')} · ${t('app.title')}`;
    return () => {
      document.title = before;
    };
  }, [t]);
  return (
    <Box component="main" py="xl" px="md">
      <Container size={480}>
        <Stack gap="lg">
          <Group justify="space-between" wrap="nowrap">
            <Image src="/favicon.svg" alt="" w={36} h={36} />
            <Group gap="xs" wrap="nowrap">
              {tools}
            </Group>
          </Group>
          <Paper withBorder p="lg" radius="md">
            <Stack gap="md">
              <Title order={1} size="h3">
                {t('account.setupTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('account.requiredIntro', { username })}
              </Text>
              <SecondFactorSetup username={username} onDone={onDone} />
            </Stack>
          </Paper>
          <Group justify="flex-end">
            <Button variant="subtle" size="xs" loading={signOut.isPending} onClick={() => signOut.mutate()}>
              {t('session.signOut')}
            </Button>
          </Group>
        </Stack>
      </Container>
    </Box>
  );
}
