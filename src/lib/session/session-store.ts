import { useSyncExternalStore } from 'react';
import { canCall, type Role } from '@contract/roles';

/**
 * Who is signed in, as far as the console knows. Shared (not in a feature) because the HTTP
 * client reads the CSRF token from it and every feature's actions ask `useCan` what to show.
 */
export type SessionState =
  /** The first `GET /im-console/session` has not answered yet. */
  | { status: 'checking' }
  /** The server needs no sign-in (dev against the local emulator): everything is allowed. */
  | { status: 'open' }
  /** `mustEnrol`: REQUIRE_2FA holds this session to setting up a second factor first. */
  | { status: 'signed-in'; username: string; role: Role; csrfToken: string; mustEnrol?: boolean }
  /** `expired`: a call was refused as signed out after the console had a session. */
  | { status: 'signed-out'; reason: 'initial' | 'expired' | 'signed-out' }
  /** The session check itself failed (server unreachable…): shown with a retry. */
  | { status: 'error'; error: unknown };

let state: SessionState = { status: 'checking' };
const listeners = new Set<() => void>();

export const getSessionState = (): SessionState => state;

export function setSessionState(next: SessionState): void {
  state = next;
  listeners.forEach((l) => l());
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The token every non-GET request carries in `X-CSRF-Token`, when there is a session. */
export const currentCsrfToken = (): string | undefined => (state.status === 'signed-in' ? state.csrfToken : undefined);

/** A call was answered 401 `signed_out`: the sign-in page comes back (the URL stays). */
export function markSignedOut(): void {
  if (state.status === 'signed-out') return;
  setSessionState({ status: 'signed-out', reason: state.status === 'signed-in' ? 'expired' : 'initial' });
}

export const useSessionState = (): SessionState => useSyncExternalStore(subscribeSession, getSessionState, getSessionState);

/** Admin-only pages (the audit log): an admin, or a console that needs no sign-in. */
export const isAdminSession = (s: SessionState): boolean => s.status === 'open' || (s.status === 'signed-in' && s.role === 'admin');

export type Can = (method: string, apiPath: string) => boolean;

/** Whether a state allows a call: all when no sign-in is needed, the role's rules when signed in, none otherwise. */
export function canWith(s: SessionState): Can {
  // While the first check is on its way (it runs alongside the page's own calls) the page renders
  // as it always did; the answer then hides what the role lacks. The server refuses it regardless.
  if (s.status === 'open' || s.status === 'checking') return () => true;
  if (s.status === 'signed-in') return (method, apiPath) => canCall(s.role, method, apiPath);
  return () => false;
}

/** `can(method, apiPath)`: may the operator make this call? Hide the action when not. */
export function useCan(): Can {
  return canWith(useSessionState());
}
