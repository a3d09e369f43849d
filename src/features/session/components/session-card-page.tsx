import { Box, Container, Group, Image, Paper, Stack, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';

type Props = {
  /** The card's heading. */
  heading: string;
  /** The browser tab's title, before the console's name. */
  tabTitle: string;
  /** The language and colour-scheme pickers, from the shell. */
  tools?: ReactNode;
  /** Below the card (e.g. Sign out). */
  footer?: ReactNode;
  size?: number;
  children: ReactNode;
};

/** A page of its own, instead of the console's pages: sign-in, or setting up a second factor. */
export function SessionCardPage({ heading, tabTitle, tools, footer, size = 420, children }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    const before = document.title;
    document.title = `${tabTitle} · ${t('app.title')}`;
    return () => {
      document.title = before;
    };
  }, [t, tabTitle]);
  return (
    <Box component="main" py="xl" px="md">
      <Container size={size}>
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
                {heading}
              </Title>
              {children}
            </Stack>
          </Paper>
          {footer}
        </Stack>
      </Container>
    </Box>
  );
}
