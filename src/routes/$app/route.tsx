import { List } from '@mantine/core';
import { createFileRoute, notFound, Outlet } from '@tanstack/react-router';
import { needsPages } from '@/lib/i18n/i18n';
import { useTranslation } from '@/lib/i18n/react';
import { appLabel, appsQueryOptions, useApps } from '@/features/connection/api/get-apps';
import { ConnectionStatus } from '@/features/connection/components/connection-status';
import { NotFound } from '@/routes/-components/not-found';
import { PagePending } from '@/routes/-components/page-pending';
import { PageTitle } from '@/routes/-components/page-title';
import { RouterAnchor } from '@/routes/-components/router-anchor';

export const Route = createFileRoute('/$app')({
  // Most pages wait for the `pages` strings (downloading since the start on a cold load, or since
  // their link was hovered: the router preloads on intent). Moving between an app's pages, here;
  // entering the app (a cold load, another app), in the loader instead, where waiting does not hold
  // the shell back: it is drawn meanwhile (the pending component below).
  beforeLoad: async ({ context, location, cause }) => {
    if (cause !== 'enter' && needsPages(location.pathname)) await context.i18n.loadPages();
  },
  // On a cold load the shell (the root's) is drawn while the page's code and strings download, not
  // in the same render as the page: that render then holds the page alone when its calls go out.
  // Not at once: a page whose code came with the first screen (the users list) is ready sooner
  // and is drawn in one pass rather than two (at 0 ms it came ≈ 50 ms later).
  pendingComponent: PagePending,
  pendingMs: 120,
  pendingMinMs: 0,
  loader: async ({ context, params, location }) => {
    const [apps] = await Promise.all([context.queryClient.ensureQueryData(appsQueryOptions()), needsPages(location.pathname) && context.i18n.loadPages()]);
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
