import type { HttpBindings } from '@hono/node-server';
import type { Role } from '../../contract/roles.js';

// What every route of the console server can read from its context.

/** Who is calling: an operator's session, or everyone-is-admin when sign-in is off. */
export interface Caller {
  operator: string | null;
  role: Role;
  /** The session's CSRF token; null when sign-in is off. */
  csrfToken: string | null;
  /** How the session signed in (recorded in every audit row); null when sign-in is off. */
  signIn: string | null;
}

export type ConsoleEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: { caller: Caller; requestId: string };
};
