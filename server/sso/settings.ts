import type { Context } from 'hono';
import { isRole, ROLES, type Role } from '../../contract/roles.js';
import type { ConsoleEnv } from '../http/context.js';
import { requestOrigin } from '../http/request.js';

// Single sign-on (OpenID Connect) settings, read from the environment at start:
//   OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET     the provider and this console's client there
//   OIDC_LABEL                                          the button's words ("Sign in with {label}")
//   OIDC_ROLES_CLAIM (default `groups`)                 the claim that lists the person's groups
//   OIDC_ROLE_MAP                                       `group=role,…`; the highest mapped role wins
//   OIDC_ALLOWED_EMAIL_DOMAINS (optional)               `example.com,example.org`
//   OIDC_REDIRECT_URI (optional)                        default: this server's origin + /im-console/sso/callback
//   OIDC_SCOPES (optional, default `openid profile email` + the roles claim when it is `groups`)

export interface SsoSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  label: string;
  rolesClaim: string;
  /** Group → role, as given. */
  roleMap: ReadonlyMap<string, Role>;
  /** Lower-case domains; empty: any. */
  allowedEmailDomains: readonly string[];
  redirectUri?: string;
  scopes: string;
}

export class SsoSettingsError extends Error {}

const isLoopback = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

/**
 * `im-admins=admin,im-moderators=moderator`; a group may appear once, a role any number of times.
 * Commas separate pairs, so a group name cannot hold one (Keycloak paths and Entra IDs do not).
 */
export function parseRoleMap(raw: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const pair of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const group = pair.slice(0, at).trim();
    const role = pair.slice(at + 1).trim().toLowerCase();
    if (at <= 0 || !group) throw new SsoSettingsError(`OIDC_ROLE_MAP: "${pair}" is not group=role`);
    if (!isRole(role)) throw new SsoSettingsError(`OIDC_ROLE_MAP: "${role}" is not a role (${ROLES.join(', ')})`);
    if (map.has(group)) throw new SsoSettingsError(`OIDC_ROLE_MAP: the group "${group}" is mapped twice`);
    map.set(group, role);
  }
  return map;
}

/** The settings, or undefined when OIDC_ISSUER is not set (single sign-on off). */
export function readSsoSettings(env: Record<string, string | undefined>): SsoSettings | undefined {
  const get = (name: string) => env[name]?.trim() ?? '';
  const issuerRaw = get('OIDC_ISSUER');
  if (!issuerRaw) return undefined;
  let issuer: URL;
  try {
    issuer = new URL(issuerRaw);
  } catch {
    throw new SsoSettingsError(`OIDC_ISSUER must be a URL, got "${issuerRaw}"`);
  }
  // Tokens and the client secret travel to the provider: plain HTTP only on this machine.
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopback(issuer.hostname))) {
    throw new SsoSettingsError(`OIDC_ISSUER must use https (http only for localhost), got "${issuerRaw}"`);
  }
  const clientId = get('OIDC_CLIENT_ID');
  const clientSecret = get('OIDC_CLIENT_SECRET');
  if (!clientId) throw new SsoSettingsError('OIDC_CLIENT_ID is required with OIDC_ISSUER');
  if (!clientSecret) throw new SsoSettingsError('OIDC_CLIENT_SECRET is required with OIDC_ISSUER');
  const roleMap = parseRoleMap(get('OIDC_ROLE_MAP'));
  if (roleMap.size === 0) throw new SsoSettingsError('OIDC_ROLE_MAP is required with OIDC_ISSUER (e.g. im-admins=admin,support=support)');
  const redirectUri = get('OIDC_REDIRECT_URI') || undefined;
  if (redirectUri) {
    try {
      new URL(redirectUri);
    } catch {
      throw new SsoSettingsError(`OIDC_REDIRECT_URI must be a URL, got "${redirectUri}"`);
    }
  }
  const rolesClaim = get('OIDC_ROLES_CLAIM') || 'groups';
  return {
    issuer,
    clientId,
    clientSecret,
    label: get('OIDC_LABEL') || issuer.hostname,
    rolesClaim,
    roleMap,
    allowedEmailDomains: get('OIDC_ALLOWED_EMAIL_DOMAINS')
      .split(',')
      .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
      .filter(Boolean),
    redirectUri,
    scopes: get('OIDC_SCOPES') || ['openid', 'profile', 'email', ...(rolesClaim === 'groups' ? ['groups'] : [])].join(' '),
  };
}

/** The groups a claim value names: an array, or one string of names split by commas or spaces. */
export function groupsOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === 'string');
  if (typeof claim === 'string') return claim.split(/[,\s]+/).filter(Boolean);
  return [];
}

/** The highest role the person's groups map to (admin over moderator over support over viewer). */
export function roleFromGroups(groups: readonly string[], map: ReadonlyMap<string, Role>): Role | undefined {
  let best: Role | undefined;
  for (const g of groups) {
    const role = map.get(g);
    if (role && (best === undefined || ROLES.indexOf(role) > ROLES.indexOf(best))) best = role;
  }
  return best;
}

/** The console's origin at the provider: OIDC_REDIRECT_URI's when set (it is registered there), else the request's. */
export function ssoOrigin(c: Context<ConsoleEnv>, settings: SsoSettings, trustProxy: boolean): string {
  return settings.redirectUri ? new URL(settings.redirectUri).origin : requestOrigin(c, trustProxy);
}
