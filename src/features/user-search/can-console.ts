import { canUseConsoleRoute } from '@contract/roles';
import { useSessionState } from '@/lib/session/session-store';

/** `can(method, route)` for the console's own routes (`apps/{app}/users/index`): hide what the role lacks. */
export function useCanConsole(): (method: string, route: string) => boolean {
  const s = useSessionState();
  // As `useCan`: everything while the session is being checked or when no sign-in is needed.
  if (s.status === 'open' || s.status === 'checking') return () => true;
  if (s.status === 'signed-in') return (method, route) => canUseConsoleRoute(s.role, method, route);
  return () => false;
}
