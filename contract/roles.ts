// Operator roles and what each may call through the console's proxy. Defined once, here: the server
// enforces it on every proxied call and the console hides what a role cannot do. This file imports
// nothing, so both `server/` and `src/` can use it.

export type Role = 'viewer' | 'support' | 'moderator' | 'admin';

/** From the least to the most allowed (support and moderator are side by side, not ranked). */
export const ROLES: readonly Role[] = ['viewer', 'support', 'moderator', 'admin'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface CallRule {
  method: string;
  /** The API path pattern after the app prefix, `{name}` standing for one segment. */
  pattern: string;
  /** Who may make the call; `admin` always may. */
  roles: readonly Role[];
  /** False for the few POSTs that only read (batch status, member attributes). */
  mutating: boolean;
}

const SUPPORT: readonly Role[] = ['support', 'admin'];
const MODERATOR: readonly Role[] = ['moderator', 'admin'];
const ALL: readonly Role[] = ROLES;
const ADMIN: readonly Role[] = ['admin'];

const rule = (method: string, pattern: string, roles: readonly Role[], mutating = true): CallRule => ({ method, pattern, roles, mutating });

/**
 * Every call a role below admin may make, besides GETs, and the admin-only calls the console
 * makes. Anything not listed is admin only when it is not a GET. `PUT chatgroups/{group}` changes
 * the group's fields or, with `newowner` in the body, its owner: the body decides, so the path
 * alone keeps it to admins.
 */
export const CALL_RULES: readonly CallRule[] = [
  // Read-only calls that happen to be POSTs.
  rule('POST', 'users/batch/status', ALL, false),
  rule('POST', 'metadata/chatgroup/{group}/get', ALL, false),
  // Force offline is a GET that changes something: support, not viewers.
  rule('GET', 'users/{username}/disconnect', SUPPORT),

  // support: users, friends, remarks, imports, user blacklists.
  rule('POST', 'users', SUPPORT),
  rule('PUT', 'users/{username}', SUPPORT),
  rule('PUT', 'users/{username}/password', SUPPORT),
  rule('POST', 'users/{username}/deactivate', SUPPORT),
  rule('POST', 'users/{username}/activate', SUPPORT),
  rule('POST', 'users/{owner}/contacts/users/{friend}', SUPPORT),
  rule('DELETE', 'users/{owner}/contacts/users/{friend}', SUPPORT),
  rule('PUT', 'users/{owner}/contacts/users/{friend}', SUPPORT),
  rule('PUT', 'user/{owner}/contacts/users/{friend}', SUPPORT),
  rule('POST', 'users/{owner}/contacts/import', SUPPORT),
  rule('POST', 'users/{owner}/blocks/users', SUPPORT),
  rule('DELETE', 'users/{owner}/blocks/users/{blocked}', SUPPORT),

  // moderator: group members, admins, mutes, mute-all, group blacklist/whitelist, member attributes.
  rule('POST', 'chatgroups/{group}/users', MODERATOR),
  rule('POST', 'chatgroups/{group}/users/{username}', MODERATOR),
  rule('DELETE', 'chatgroups/{group}/users/{usernames}', MODERATOR),
  rule('POST', 'chatgroups/{group}/admin', MODERATOR),
  rule('DELETE', 'chatgroups/{group}/admin/{username}', MODERATOR),
  rule('POST', 'chatgroups/{group}/mute', MODERATOR),
  rule('DELETE', 'chatgroups/{group}/mute/{usernames}', MODERATOR),
  rule('POST', 'chatgroups/{group}/ban', MODERATOR),
  rule('DELETE', 'chatgroups/{group}/ban', MODERATOR),
  rule('POST', 'chatgroups/{group}/blocks/users', MODERATOR),
  rule('POST', 'chatgroups/{group}/blocks/users/{username}', MODERATOR),
  rule('DELETE', 'chatgroups/{group}/blocks/users/{usernames}', MODERATOR),
  rule('POST', 'chatgroups/{group}/white/users', MODERATOR),
  rule('POST', 'chatgroups/{group}/white/users/{username}', MODERATOR),
  rule('DELETE', 'chatgroups/{group}/white/users/{usernames}', MODERATOR),
  rule('PUT', 'metadata/chatgroup/{group}/user/{username}', MODERATOR),

  // admin only, named so refusals and the audit log show the pattern rather than the path.
  rule('DELETE', 'users/{username}', ADMIN),
  rule('DELETE', 'users', ADMIN),
  rule('POST', 'chatgroups', ADMIN),
  rule('PUT', 'chatgroups/{group}', ADMIN),
  rule('DELETE', 'chatgroups/{group}', ADMIN),
];

/**
 * The reads the console makes (and the documented GETs it may make): with CALL_RULES, the whole
 * list of what the proxy forwards. Anything else is answered 404 `not_forwarded` by the proxy,
 * so a new endpoint reaches the host only once it is named here.
 */
export const FORWARDED_READS: readonly string[] = [
  'users',
  'users/{username}',
  'users/{username}/status',
  'users/{username}/offline_msg_count',
  'users/{username}/offline_msg_status/{msgid}',
  'users/{username}/joined_chatgroups',
  'users/{owner}/contacts/users',
  'user/{owner}/contacts',
  'users/{owner}/blocks/users',
  'chatgroups',
  'chatgroups/{group}',
  'chatgroups/{group}/users',
  'chatgroups/{group}/admin',
  'chatgroups/{group}/mute',
  'chatgroups/{group}/blocks/users',
  'chatgroups/{group}/white/users',
  'metadata/chatgroup/{group}/user/{username}',
];

const normalizeMethod = (method: string) => {
  const m = method.toUpperCase();
  return m === 'HEAD' ? 'GET' : m;
};

/** The path's segments, without the query, a leading or a trailing slash. */
function rawSegments(apiPath: string): string[] {
  const path = apiPath.split(/[?#]/, 1)[0]!.replace(/^\/+/, '').replace(/\/+$/, '');
  return path === '' ? [] : path.split('/');
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The ways an IM host might read the path: as sent, and with `%2F` decoded into a separator. A
 * call is allowed only when every reading is, so `GET users/a%2Fdisconnect` is not a viewer's.
 */
function readings(apiPath: string): string[][] {
  const raw = rawSegments(apiPath);
  const decoded = rawSegments(decode(apiPath.split(/[?#]/, 1)[0]!));
  return [raw, decoded];
}

/** Literal segments compare decoded, case-insensitively and without `;params`, as lenient hosts read them. */
const literal = (segment: string) => decode(segment).split(';', 1)[0]!.toLowerCase();

function matches(pattern: string, segments: string[]): boolean {
  const parts = pattern.split('/');
  if (parts.length !== segments.length) return false;
  return parts.every((p, i) => (p.startsWith('{') ? segments[i]!.length > 0 : literal(segments[i]!) === p));
}

function ruleFor(method: string, segments: string[]): CallRule | undefined {
  return CALL_RULES.find((r) => r.method === method && matches(r.pattern, segments));
}

export interface CallDecision {
  allowed: boolean;
  /** The pattern that decided (or the path itself when no rule names it), for messages and the audit log. */
  pattern: string;
  mutating: boolean;
}

/** Decides one reading of the path. */
function decideReading(role: Role, method: string, segments: string[]): CallDecision {
  const found = ruleFor(method, segments);
  if (found) return { allowed: found.roles.includes(role), pattern: found.pattern, mutating: found.mutating };
  const pattern = segments.join('/');
  // A listed read names its pattern (messages and the log never carry the path as typed).
  if (method === 'GET') return { allowed: true, pattern: FORWARDED_READS.find((p) => matches(p, segments)) ?? pattern, mutating: false };
  return { allowed: role === 'admin', pattern, mutating: true };
}

/** What the proxy needs to know about a call: allowed for this role? which pattern? does it change anything? */
export function decideCall(role: Role, method: string, apiPath: string): CallDecision {
  const m = normalizeMethod(method);
  const [first, ...others] = readings(apiPath).map((segments) => decideReading(role, m, segments));
  return {
    allowed: first!.allowed && others.every((d) => d.allowed),
    pattern: first!.pattern,
    mutating: first!.mutating || others.some((d) => d.mutating),
  };
}

/**
 * May an operator with this role make this call? `apiPath` is the path after the app prefix,
 * e.g. `users/alice/deactivate` (a leading slash and a query string are ignored).
 */
export function canCall(role: Role, method: string, apiPath: string): boolean {
  return decideCall(role, method, apiPath).allowed;
}

/** Does the call change anything (and so belong in the audit log)? */
export function isMutatingCall(method: string, apiPath: string): boolean {
  return decideCall('admin', method, apiPath).mutating;
}

/** A console route of the server itself (not proxied), after `/im-console/`. */
export interface ConsoleRule {
  method: string;
  /** `{name}` standing for one segment. */
  route: string;
  roles: readonly Role[];
}

/**
 * The console's own routes that roles limit. Sign-in, the app list and health are every
 * operator's; the audit log is the admin's; anything else under `/im-console/` not listed here is
 * admin only.
 */
export const CONSOLE_RULES: readonly ConsoleRule[] = [
  { method: 'GET', route: 'audit', roles: ADMIN },
  // The user search index (issue 15): everyone searches and sees its state, admins build and drop it.
  { method: 'GET', route: 'apps/{app}/users/search', roles: ALL },
  { method: 'GET', route: 'apps/{app}/users/index', roles: ALL },
  { method: 'POST', route: 'apps/{app}/users/index', roles: ADMIN },
  { method: 'DELETE', route: 'apps/{app}/users/index', roles: ADMIN },
];

/** May this role use this console route? `route` is the path after `/im-console/`, without a query. */
export function canUseConsoleRoute(role: Role, method: string, route: string): boolean {
  const m = normalizeMethod(method);
  const segments = rawSegments(route);
  const found = CONSOLE_RULES.find((r) => r.method === m && matches(r.route, segments));
  return found ? found.roles.includes(role) : role === 'admin';
}

/** Does the proxy forward this call at all? Judged on the path as sent (see FORWARDED_READS). */
export function isForwarded(method: string, apiPath: string): boolean {
  const m = normalizeMethod(method);
  const segments = rawSegments(apiPath);
  if (ruleFor(m, segments)) return true;
  return m === 'GET' && FORWARDED_READS.some((pattern) => matches(pattern, segments));
}
