import { List } from '@mantine/core';
import { createFileRoute, notFound, Outlet } from '@tanstack/react-router';
import { useTranslation } from '@/lib/i18n/react';
import { appLabel, appsQueryOptions, useApps } from '@/features/connection/api/get-apps';
import { ConnectionStatus } from '@/features/connection/components/connection-status';
import { NotFound } from '@/routes/-components/not-found';
import { PageTitle } from '@/routes/-components/page-title';
import { RouterAnchor } from '@/routes/-components/router-anchor';

export const Route = createFileRoute('/$app')({
  loader: async ({ context, params }) => {
    const apps = await context.queryClient.ensureQueryData(appsQueryOptions());
    const app = apps.find((a) => a.id === params.app);
    if (!app) throw notFound({ data: { unknownApp: params.app } });
    return { app };
  },
  component: AppRoute,
  notFoundComponent: AppNotFound,
});

function AppRoute() {
  const { app } = Route.useLoaderData();
  return (
    <>
      <ConnectionStatus app={app} />
      <Outlet />
    </>
  );
}

function AppNotFound({ data }: { data?: unknown }) {
  const { t } = useTranslation();
  const { data: apps = [] } = useApps();
  const unknownApp = (data as { unknownApp?: string } | undefined)?.unknownApp;
  if (!unknownApp) return <NotFound />;
  return (
    <>
      <PageTitle title={t('apps.unknownTitle')} description={t('apps.unknownDescription', { app: unknownApp })} />
      <List>
        {apps.map((a) => (
          <List.Item key={a.id}>
            <RouterAnchor to="/$app" params={{ app: a.id }}>
              {appLabel(t, a)}
            </RouterAnchor>
          </List.Item>
        ))}
      </List>
    </>
  );
}
