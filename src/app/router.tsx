import type { QueryClient } from '@tanstack/react-query';
import type { I18n } from '@/lib/i18n/i18n';
import { type AnyRouter, createRouter } from '@tanstack/react-router';
import { NotFound } from '@/routes/-components/not-found';
import { RouteError } from '@/routes/-components/route-error';
import { routeTree } from '@/routeTree.gen';

export function createAppRouter(queryClient: QueryClient, i18n: I18n) {
  const router = createRouter({
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
  return pendingAtOnceOnFirstLoad(router);
}

/** The router's own default: a page's pending component only after a second. */
const PENDING_AFTER_FIRST_LOAD_MS = 1000;

/**
 * Where a route has a pending component and no pendingMs of its own, the first load shows it at
 * once: the shell is drawn while the page's first answers are awaited, and the page comes in a
 * render of its own (a cold 1,000-row roster: no task over 50 ms after the answer, where shell and
 * page in one render made one in a third of the loads). Between pages, the page before stays until
 * the next is ready, as the loaders' brief wait intends (src/lib/query/wait-briefly.ts).
 */
export function pendingAtOnceOnFirstLoad<R extends AnyRouter>(router: R): R {
  router.update({ ...router.options, defaultPendingMs: 0 });
  const stop = router.subscribe('onResolved', () => {
    stop();
    router.update({ ...router.options, defaultPendingMs: PENDING_AFTER_FIRST_LOAD_MS });
  });
  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
