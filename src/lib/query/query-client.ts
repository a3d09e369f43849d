import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { I18n } from '@/lib/i18n/i18n';
import type { TFunction } from '@/lib/i18n/translate';
import { describeError } from '@/lib/api-client/describe-error';
import { notify, type Note } from '@/lib/notify/notify';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** Shown when the mutation succeeds (already translated), or made from its variables. */
      successMessage?: string | ((variables: never) => string);
      /** The form shows the error itself: no notification. */
      handlesError?: boolean;
    };
  }
}

/**
 * Errors are shown once, where they belong: a first load fails inline in its table; a failed
 * background refresh and a failed mutation raise one notification each.
 */
export function createQueryClient(i18n: I18n, show: (note: Note) => void = notify): QueryClient {
  // Read at call time: `i18n.t` is a new function after each language switch.
  const t: TFunction = (key, options) => i18n.t(key, options);
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data !== undefined) {
          show({ color: 'red', title: t('errors.refreshFailed'), message: describeError(t, error) });
        }
      },
    }),
    mutationCache: new MutationCache({
      onSuccess: (_data, variables, _ctx, mutation) => {
        const made = mutation.meta?.successMessage;
        const message = typeof made === 'function' ? (made as (v: unknown) => string)(variables) : made;
        if (message) show({ color: 'green', message });
      },
      onError: (error, _vars, _ctx, mutation) => {
        if (mutation.meta?.handlesError) return;
        show({ color: 'red', title: t('errors.actionFailed'), message: describeError(t, error) });
      },
    }),
    defaultOptions: {
      // The HTTP client already retries what is worth retrying, with backoff.
      queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
