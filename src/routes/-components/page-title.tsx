import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from '@/lib/i18n/react';

type PageTitleProps = {
  title: string;
  description?: string;
};

/** The page's single h1, also mirrored in the browser tab so open tabs can be told apart. */
export function PageTitle({ title, description }: PageTitleProps) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('app.title')}`);
  return (
    <Stack gap="xs" mb="lg">
      <Title order={1}>{title}</Title>
      {description && <Text c="dimmed">{description}</Text>}
    </Stack>
  );
}
