import { Alert, Box, Container, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { SignedIn } from '../api/sign-in';
import { SignInForm } from './sign-in-form';

type Props = {
  /** Why the page shows: a first visit, an expired session, or a sign-out just now. */
  reason: 'initial' | 'expired' | 'signed-out';
  onSignedIn: (session: SignedIn) => void;
  /** The language and colour-scheme pickers, from the shell. */
  tools?: ReactNode;
};

/** Shown instead of the pages (or over them, when a session expired) until the operator signs in. */
export default function SignInPage({ reason, onSignedIn, tools }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    const before = document.title;
    document.title = `${t('session.submit')} · ${t('app.title')}`;
    return () => {
      document.title = before;
    };
  }, [t]);
  return (
    <Box component="main" py="xl" px="md">
      <Container size={420}>
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
                {t('session.signInTitle')}
              </Title>
              {reason === 'expired' ? (
                <Alert color="yellow" role="status">
                  {t('session.expired')}
                </Alert>
              ) : reason === 'signed-out' ? (
                <Alert color="blue" role="status">
                  {t('session.signedOut')}
                </Alert>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('session.signInIntro')}
                </Text>
              )}
              <SignInForm onSignedIn={onSignedIn} />
            </Stack>
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
