import { newToken, tokenHash } from '../http/tokens.js';
import type { Kysely } from 'kysely';
import type { Tables } from '../store/tables.js';
import type { FlowChecks } from './oidc.js';

// Sign-ins on their way through the identity provider. The browser holds a random token in a
// cookie; the database holds its hash with what the provider's answer must match. A flow is taken
// once (a replayed callback finds nothing) and lasts ten minutes.

export const FLOW_TTL_MS = 10 * 60_000;


export function createSsoFlows(db: Kysely<Tables>, now: () => number) {
  return {
    /** Keeps the flow; returns the token for the browser's cookie. */
    async save(checks: FlowChecks, returnTo: string): Promise<string> {
      const token = newToken();
      const t = now();
      await db.deleteFrom('sso_flows').where('created_at', '<', t - FLOW_TTL_MS).execute();
      await db
        .insertInto('sso_flows')
        .values({
          flow_hash: tokenHash(token),
          state: checks.state,
          nonce: checks.nonce,
          code_verifier: checks.codeVerifier,
          redirect_uri: checks.redirectUri,
          return_to: returnTo,
          created_at: t,
        })
        .execute();
      return token;
    },

    /** The flow for this cookie, removed as it is read; undefined when unknown, used or expired. */
    async take(token: string | undefined): Promise<{ checks: FlowChecks; returnTo: string } | undefined> {
      if (!token || token.length > 100) return undefined;
      // Deleted and read in one statement: two callbacks with one cookie cannot both have it.
      const row = await db.deleteFrom('sso_flows').where('flow_hash', '=', tokenHash(token)).returningAll().executeTakeFirst();
      if (!row || now() - row.created_at > FLOW_TTL_MS) return undefined;
      return {
        checks: { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, redirectUri: row.redirect_uri },
        returnTo: row.return_to,
      };
    },
  };
}

export type SsoFlows = ReturnType<typeof createSsoFlows>;
