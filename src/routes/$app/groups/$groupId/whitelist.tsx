import { Text } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from '@/lib/i18n/react';

// Scaffolding for issue 12: replaced by the section's table and actions.
export const Route = createFileRoute('/$app/groups/$groupId/whitelist')({
  component: WhitelistSection,
});

function WhitelistSection() {
  const { t } = useTranslation();
  return <Text c="dimmed">{t('groupPage.tabWhitelist')}</Text>;
}
