import { isRole } from '@contract/roles';
import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { ApiError } from '@/lib/api-client/api-error';
import { CONSOLE_BASE, http, sendConsole } from '@/lib/api-client/http';
import { setSessionState, type SessionState } from '@/lib/session/session-store';
import { mustEnrol, secondFactorState } from './second-factor-state';

/** `code`: the second factor (a TOTP code or a recovery code), once the server asked for it. */
export type Credentials = { username: string; password: string; code?: string };
export type SignedIn = Extract<SessionState, { status: 'signed-in' }>;

const signInAnswer = z.object({ username: z.string(), role: z.string(), csrfToken: z.string(), secondFactor: z.optional(secondFactorState) });

/**
 * `POST /im-console/session`: 200 with the operator, role and CSRF token (the session cookie is
 * HttpOnly); 401 `invalid_credentials`, 401 `second_factor_required` (send again with `code`),
 * 401 `invalid_second_factor`, 429 `too_many_attempts` with `retry_after_seconds`.
 */
export async function signIn(credentials: Credentials): Promise<SignedIn> {
  const answer = await sendConsole(http, { method: 'post', path: 'session', json: credentials }, signInAnswer);
  if (!answer || !isRole(answer.role)) {
    throw new ApiError({ kind: 'schema', status: 200, error: 'unexpected_response', description: `unknown role in ${JSON.stringify(answer)}`, call: `POST /${CONSOLE_BASE}/session` });
  }
  return { status: 'signed-in', username: answer.username, role: answer.role, csrfToken: answer.csrfToken, ...mustEnrol(answer.secondFactor) };
}

/** Signs in; the form shows its own errors (the server's words on 401, the wait on 429). */
export function useSignIn(options: { onSuccess?: (session: SignedIn) => void } = {}) {
  return useMutation({
    mutationFn: signIn,
    meta: { handlesError: true },
    onSuccess: (session) => {
      setSessionState(session);
      options.onSuccess?.(session);
    },
  });
}
