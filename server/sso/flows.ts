import { createHash, randomBytes } from 'node:crypto';
import type { ConsoleDb } from '../console-db.js';
import type { FlowChecks } from './oidc.js';

// Sign-ins on their way through the identity provider. The browser holds a random token in a
// cookie; the database holds its hash with what the provider's answer must match. A flow is taken
// once (a replayed callback finds nothing) and lasts ten minutes.

export const FLOW_TTL_MS = 10 * 60_000;

interface Row {
  state: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
  return_to: string;
  created_at: number;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export function createSsoFlows(db: ConsoleDb, now: () => number) {
  return {
    /** Keeps the flow; returns the token for the browser's cookie. */
    save(checks: FlowChecks, returnTo: string): string {
      const token = randomBytes(32).toString('base64url');
      const t = now();
      db.prepare('DELETE FROM sso_flows WHERE created_at < ?').run(t - FLOW_TTL_MS);
      db.prepare('INSERT INTO sso_flows (flow_hash, state, nonce, code_verifier, redirect_uri, return_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        digest(token),
        checks.state,
        checks.nonce,
        checks.codeVerifier,
        checks.redirectUri,
        returnTo,
        t,
      );
      return token;
    },

    /** The flow for this cookie, removed as it is read; undefined when unknown, used or expired. */
    take(token: string | undefined): { checks: FlowChecks; returnTo: string } | undefined {
      if (!token || token.length > 100) return undefined;
      const row = db.prepare<[string], Row>('DELETE FROM sso_flows WHERE flow_hash = ? RETURNING *').get(digest(token));
      if (!row || now() - row.created_at > FLOW_TTL_MS) return undefined;
      return {
        checks: { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, redirectUri: row.redirect_uri },
        returnTo: row.return_to,
      };
    },
  };
}

export type SsoFlows = ReturnType<typeof createSsoFlows>;
