import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { isApiError } from '@/lib/api-client/api-error';
import { http, sendConsole } from '@/lib/api-client/http';
import { setSessionState } from '@/lib/session/session-store';

/** `DELETE /im-console/session` (204; it carries the CSRF token like every non-GET). */
export async function signOut(): Promise<void> {
  try {
    await sendConsole(http, { method: 'delete', path: 'session' }, z.unknown());
  } catch (e) {
    // Already signed out (the session expired meanwhile): the outcome the operator wanted.
    if (isApiError(e) && e.status === 401) return;
    throw e;
  }
}

/** Signs out and forgets every answer cached for this operator, so nothing shows to the next one. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      setSessionState({ status: 'signed-out', reason: 'signed-out' });
      queryClient.clear();
    },
  });
}
