import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/routes/-components/page-title';

export const Route = createFileRoute('/$app/users/')({
  component: UsersPage,
});

function UsersPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('users.title')} description={t('common.comingSoon')} />;
}
