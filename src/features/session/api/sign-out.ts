import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { isApiError } from '@/lib/api-client/api-error';
import { http, sendConsole } from '@/lib/api-client/http';
import { setSessionState } from '@/lib/session/session-store';

const signOutAnswer = z.optional(z.object({ endSessionUrl: z.optional(z.string()) }));

/**
 * `DELETE /im-console/session` (it carries the CSRF token like every non-GET): 204, or for a
 * session opened through single sign-on the provider's sign-out page to go to as well.
 */
export async function signOut(): Promise<{ endSessionUrl?: string }> {
  try {
    return (await sendConsole(http, { method: 'delete', path: 'session' }, signOutAnswer)) ?? {};
  } catch (e) {
    // Already signed out (the session expired meanwhile): the outcome the operator wanted.
    if (isApiError(e) && e.status === 401) return {};
    throw e;
  }
}

/** Signs out and forgets every answer cached for this operator, so nothing shows to the next one. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: ({ endSessionUrl }) => {
      setSessionState({ status: 'signed-out', reason: 'signed-out' });
      queryClient.clear();
      // Out of the provider too, or the next person at this browser is signed straight back in.
      if (endSessionUrl) window.location.assign(endSessionUrl);
    },
  });
}
