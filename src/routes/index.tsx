import { createFileRoute, redirect } from '@tanstack/react-router';
import { useTranslation } from '@/lib/i18n/react';
import { appsQueryOptions } from '@/features/connection/api/get-apps';
import { PageTitle } from './-components/page-title';

// Every page lives under an app (`/{app}/…`), so links name the app they were made on.
export const Route = createFileRoute('/')({
  loader: async ({ context }) => {
    const [first] = await context.queryClient.ensureQueryData(appsQueryOptions());
    if (first) throw redirect({ to: '/$app', params: { app: first.id }, replace: true });
  },
  component: NoApps,
});

function NoApps() {
  const { t } = useTranslation();
  return <PageTitle title={t('apps.noneTitle')} description={t('apps.noneDescription')} />;
}
