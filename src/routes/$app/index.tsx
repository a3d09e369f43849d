import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from '@/lib/i18n/react';

export const Route = createFileRoute('/$app/')({
  component: HomePage,
});

function HomePage() {
  const { t } = useTranslation();
  // The home page is the app itself, so the tab shows just the app name.
  useDocumentTitle(t('app.title'));
  return (
    <Stack gap="xs">
      <Title order={1}>{t('home.title')}</Title>
      <Text c="dimmed">{t('home.intro')}</Text>
    </Stack>
  );
}
