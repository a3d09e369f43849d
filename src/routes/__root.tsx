import { Container } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import type { I18n } from '@/lib/i18n/i18n';
import { createRootRouteWithContext, Outlet } from '@tanstack/react-router';
import { AppLayout } from './-components/app-layout';
import { NotFound } from './-components/not-found';
import { RouteError } from './-components/route-error';

export type RouterContext = {
  queryClient: QueryClient;
  i18n: I18n;
};

// The shell, the home page and the users list read only the `core` strings; any other page waits
// for the `pages` part (fetched already when its link was hovered: the router preloads on intent).
const CORE_ONLY = /^\/(?:[^/]+(?:\/users)?\/?)?$/;

export const Route = createRootRouteWithContext<RouterContext>()({
  beforeLoad: async ({ context, location }) => {
    if (!CORE_ONLY.test(location.pathname)) await context.i18n.loadPages();
  },
  component: RootComponent,
  // An unmatched URL renders this in the root's <Outlet/>, so the shell stays around it.
  notFoundComponent: NotFound,
  // Page errors are caught by each route's own boundary (the router's defaultErrorComponent);
  // this one is only reached when the shell itself fails, so it must not render the shell again.
  errorComponent: (props) => (
    <Container py="xl">
      <RouteError {...props} />
    </Container>
  ),
});

function RootComponent() {
  return (
    <AppLayout>
      <Outlet />
    </AppLayout>
  );
}
