import { Alert } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from '@/lib/i18n/react';

// A slot: the section's management arrives with the friends and blacklists issue.
export const Route = createFileRoute('/$app/users/$username/friends')({
  component: FriendsSection,
});

function FriendsSection() {
  const { t } = useTranslation();
  const { username } = Route.useParams();
  return <Alert color="gray">{t('userPage.friendsSoon', { username })}</Alert>;
}
