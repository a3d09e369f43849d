import type { QueryClient } from '@tanstack/react-query';
import type { I18n } from '@/lib/i18n/i18n';
import { createRouter } from '@tanstack/react-router';
import { NotFound } from '@/routes/-components/not-found';
import { RouteError } from '@/routes/-components/route-error';
import { routeTree } from '@/routeTree.gen';

export function createAppRouter(queryClient: QueryClient, i18n: I18n) {
  return createRouter({
    routeTree,
    context: { queryClient, i18n },
    // TanStack Query owns caching; the router must always ask it rather than serve its own copy.
    defaultPreloadStaleTime: 0,
    defaultPreload: 'intent',
    scrollRestoration: true,
    // Routes do not inherit the root's components, so every route gets the translated ones by default.
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFound,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
