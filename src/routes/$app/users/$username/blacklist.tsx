import { Alert } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from '@/lib/i18n/react';

// A slot: the section's management arrives with the friends and blacklists issue.
export const Route = createFileRoute('/$app/users/$username/blacklist')({
  component: BlacklistSection,
});

function BlacklistSection() {
  const { t } = useTranslation();
  const { username } = Route.useParams();
  return <Alert color="gray">{t('userPage.blacklistSoon', { username })}</Alert>;
}
