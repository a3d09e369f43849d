import { isRole } from '@contract/roles';
import * as z from 'zod/mini';
import { ApiError, isApiError } from '@/lib/api-client/api-error';
import { callConsole, CONSOLE_BASE, http } from '@/lib/api-client/http';
import { getSessionState, setSessionState, type SessionState } from '@/lib/session/session-store';
import { mustEnrol, secondFactorState } from './second-factor-state';

// `signInRequired: false` (dev against the local emulator): no operator, everything allowed.
const sessionAnswer = z.object({
  username: z.nullable(z.string()),
  role: z.nullable(z.string()),
  csrfToken: z.nullable(z.string()),
  signInRequired: z.optional(z.boolean()),
  secondFactor: z.optional(secondFactorState),
});

/** `GET /im-console/session`: who is signed in, or whether anyone needs to be. */
export async function getSession(): Promise<SessionState> {
  try {
    const answer = await callConsole(http, 'session', sessionAnswer);
    if (answer.signInRequired === false) return { status: 'open' };
    const { username, role, csrfToken } = answer;
    if (!username || !csrfToken || !isRole(role)) {
      throw new ApiError({ kind: 'schema', status: 200, error: 'unexpected_response', description: `no operator, role or token in ${JSON.stringify(answer)}`, call: `GET /${CONSOLE_BASE}/session` });
    }
    return { status: 'signed-in', username, role, csrfToken, ...mustEnrol(answer.secondFactor) };
  } catch (e) {
    if (isApiError(e) && e.status === 401) return { status: 'signed-out', reason: 'initial' };
    // A console server from before sign-in existed has no such endpoint: it has no sessions either.
    if (isApiError(e) && e.status === 404) return { status: 'open' };
    throw e;
  }
}

let inFlight: Promise<void> | undefined;

/**
 * Asks once, in parallel with the first page's own calls (no round trip before the first screen),
 * and puts the answer in the session store; a failure there is shown with a retry.
 */
export function checkSession(): Promise<void> {
  inFlight ??= getSession()
    .then(setSessionState, (error: unknown) => setSessionState({ status: 'error', error }))
    .finally(() => {
      inFlight = undefined;
    });
  return inFlight;
}

/** The first check, at start-up; later navigations do not ask again. */
export function startSessionCheck(): void {
  if (getSessionState().status === 'checking' && !inFlight) void checkSession();
}
