import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../-components/page-title';

export const Route = createFileRoute('/$app/groups/')({
  component: GroupsPage,
});

function GroupsPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('groups.title')} description={t('common.comingSoon')} />;
}
