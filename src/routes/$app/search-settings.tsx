import { createFileRoute } from '@tanstack/react-router';
import { userIndexQueryOptions } from '@/features/user-search/api/get-user-index';
import { IndexSettings } from '@/features/user-search/components/index-settings';
import { useTranslation } from '@/lib/i18n/react';
import { PageTitle } from '@/routes/-components/page-title';
import { waitBriefly } from '@/lib/query/wait-briefly';

// Every role may read the index's state; the buttons follow the role (admin only).
export const Route = createFileRoute('/$app/search-settings')({
  loader: ({ cause, context, params }) => waitBriefly(cause, params.app, [context.queryClient.prefetchQuery(userIndexQueryOptions(params.app))]),
  component: SearchSettingsPage,
});

function SearchSettingsPage() {
  const { t } = useTranslation();
  const { app } = Route.useParams();
  return (
    <>
      <PageTitle title={t('userSearch.title')} description={t('userSearch.description')} />
      <IndexSettings app={app} />
    </>
  );
}
