import { createAuditLog, type AuditLog } from './audit/audit-log.js';
import type { Kysely } from 'kysely';
import type { ConsoleDb } from './console-db.js';
import { CONSOLE_DB_DEFAULT, isPostgresUrl, openConsoleDatabase, type ConsoleDatabase, type Dialect } from './store/database.js';
import type { Tables } from './store/tables.js';
import type { Role } from '../contract/roles.js';
import { createOperators, type Operators } from './operators.js';
import { createSecondFactor, type SecondFactor } from './second-factor.js';
import { createSessions, type Sessions } from './sessions.js';
import { createSignInThrottle, type SignInThrottle, type ThrottleOptions } from './sign-in-throttle.js';
import { createSsoFlows, type SsoFlows } from './sso/flows.js';
import { createOidc, type CustomFetch, type Oidc } from './sso/oidc.js';
import { readSsoSettings, SsoSettingsError, type SsoSettings } from './sso/settings.js';

// What the proxy needs besides the IM apps: who is signed in, who may try again, what was done.

export interface ConsoleSettings {
  /** `CONSOLE_DB`: the SQLite file (default `.data/console.sqlite`). */
  db: string;
  /** `DATABASE_URL=postgres://…`: the console's state in PostgreSQL instead (CONSOLE_DB unused). */
  databaseUrl?: string;
  /** `SESSION_IDLE_MINUTES` (default 30). */
  idleMinutes: number;
  /** `SESSION_MAX_HOURS` (default 12). */
  maxHours: number;
  /** `TRUST_PROXY=1`: believe `X-Forwarded-For` / `X-Forwarded-Proto` from the proxy in front. */
  trustProxy: boolean;
  /** `SEARCH_INDEX_RATE`: calls per second while the user search index walks an app (default 50). */
  searchIndexRate?: number;
  /** `SEARCH_INDEX_REFRESH_MINUTES`: how often each finished index picks up new users (default 10). */
  searchIndexRefreshMinutes?: number;
  /** `SEARCH_INDEX_LEASE_SECONDS`: how long a walking server's lease lasts unrenewed (default 30). */
  searchIndexLeaseSeconds?: number;
  /** `SEARCH_INDEX_AUTO=off`: no first build at start and no pick-ups; admins build by hand. */
  searchIndexAuto?: boolean;
  /** `REQUIRE_2FA`: who must have a second factor to use the console (default `admin`). */
  require2fa: Require2fa;
  /** `OIDC_*`: single sign-on through an OpenID Connect provider (sso/settings.ts). */
  sso?: SsoSettings;
  /** `LOCAL_SIGN_IN=off`: only single sign-on; the password form is gone (the CLI still works). */
  localSignIn?: boolean;
}

/** Whose local accounts must have a second factor: admins only, every operator, or nobody. */
export type Require2fa = 'admin' | 'all' | 'off';

export class ConsoleSettingsError extends Error {}

function positive(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new ConsoleSettingsError(`${name} must be a positive number, got "${raw}"`);
  return n;
}

function onOff(env: Record<string, string | undefined>, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'on', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'off', 'false', 'no'].includes(raw)) return false;
  throw new ConsoleSettingsError(`${name} must be on or off, got "${env[name]}"`);
}

function require2fa(raw: string | undefined): Require2fa {
  const v = (raw ?? '').trim().toLowerCase() || 'admin';
  if (v === 'admin' || v === 'all' || v === 'off') return v;
  throw new ConsoleSettingsError(`REQUIRE_2FA must be admin, all or off, got "${raw}"`);
}

function databaseUrl(raw: string | undefined): string | undefined {
  const url = raw?.trim();
  if (!url) return undefined;
  if (!isPostgresUrl(url)) throw new ConsoleSettingsError('DATABASE_URL must be a postgres:// URL (leave it unset for the SQLite file CONSOLE_DB)');
  return url;
}

function ssoSettings(env: Record<string, string | undefined>): SsoSettings | undefined {
  try {
    return readSsoSettings(env);
  } catch (e) {
    if (e instanceof SsoSettingsError) throw new ConsoleSettingsError(e.message);
    throw e;
  }
}

export function readConsoleSettings(env: Record<string, string | undefined>): ConsoleSettings {
  const sso = ssoSettings(env);
  const localSignIn = onOff(env, 'LOCAL_SIGN_IN', true);
  if (!localSignIn && !sso) throw new ConsoleSettingsError('LOCAL_SIGN_IN=off needs single sign-on (OIDC_ISSUER …): nobody could sign in');
  return {
    sso,
    localSignIn,
    db: env.CONSOLE_DB?.trim() || CONSOLE_DB_DEFAULT,
    databaseUrl: databaseUrl(env.DATABASE_URL),
    idleMinutes: positive(env, 'SESSION_IDLE_MINUTES', 30),
    maxHours: positive(env, 'SESSION_MAX_HOURS', 12),
    trustProxy: ['1', 'true', 'yes'].includes((env.TRUST_PROXY ?? '').trim().toLowerCase()),
    searchIndexRate: positive(env, 'SEARCH_INDEX_RATE', 50),
    searchIndexRefreshMinutes: positive(env, 'SEARCH_INDEX_REFRESH_MINUTES', 10),
    searchIndexLeaseSeconds: positive(env, 'SEARCH_INDEX_LEASE_SECONDS', 30),
    searchIndexAuto: onOff(env, 'SEARCH_INDEX_AUTO', true),
    require2fa: require2fa(env.REQUIRE_2FA),
  };
}

export interface ConsoleServices {
  /** False only for dev/preview against the local emulator: everyone is an admin, no cookie. */
  signInRequired: boolean;
  trustProxy: boolean;
  /** Calls per second of the search index's walks. */
  searchIndexRate?: number;
  /** Minutes between the search index's pick-ups of new users (read when the server starts). */
  searchIndexRefreshMinutes?: number;
  /** Seconds a walking server's lease lasts unrenewed; another takes the walk over after it. */
  searchIndexLeaseSeconds?: number;
  /** False: the index is built only when an admin asks (`createConsoleApp`'s `searchIndexUpkeep` default). */
  searchIndexAuto?: boolean;
  /** The console's tables (Kysely, over SQLite or PostgreSQL). */
  db: Kysely<Tables>;
  dialect: Dialect;
  /** The SQLite handle, for the search index; undefined on PostgreSQL. */
  sqlite?: ConsoleDb;
  operators: Operators;
  sessions: Sessions;
  throttle: SignInThrottle;
  audit: AuditLog;
  secondFactor: SecondFactor;
  /** Single sign-on, when configured. */
  sso?: { settings: SsoSettings; oidc: Oidc; flows: SsoFlows };
  /** False: password sign-in is refused (`LOCAL_SIGN_IN=off`). */
  localSignIn: boolean;
  /** Must this role have a second factor (password sign-ins only; SSO leaves it to the provider)? */
  requiresSecondFactor: (role: Role) => boolean;
  /** How long a sign-in waits when throttled; replaced in tests. */
  sleep: (ms: number) => Promise<void>;
  /** The clock of sessions, throttling and the audit log. */
  now: () => number;
  /** Session lifetime, for the cookie's Max-Age. */
  maxMs: number;
  close: () => Promise<void>;
}

export interface ConsoleServiceOptions {
  signInRequired: boolean;
  settings: ConsoleSettings;
  /** An open database instead of `settings.db` / `settings.databaseUrl` (tests). */
  database?: ConsoleDatabase;
  now?: () => number;
  throttle?: ThrottleOptions;
  sleep?: (ms: number) => Promise<void>;
  /** The identity provider is reached through it (tests alter its answers). */
  oidcFetch?: CustomFetch;
}

export async function createConsoleServices(o: ConsoleServiceOptions): Promise<ConsoleServices> {
  const database = o.database ?? (await openConsoleDatabase({ url: o.settings.databaseUrl ?? o.settings.db }));
  const { db } = database;
  const now = o.now ?? Date.now;
  const maxMs = o.settings.maxHours * 3_600_000;
  return {
    signInRequired: o.signInRequired,
    trustProxy: o.settings.trustProxy,
    searchIndexRate: o.settings.searchIndexRate,
    searchIndexRefreshMinutes: o.settings.searchIndexRefreshMinutes,
    searchIndexLeaseSeconds: o.settings.searchIndexLeaseSeconds,
    searchIndexAuto: o.settings.searchIndexAuto,
    db,
    dialect: database.dialect,
    sqlite: database.sqlite,
    operators: createOperators(db, now),
    sessions: createSessions(db, { idleMs: o.settings.idleMinutes * 60_000, maxMs, now }),
    throttle: createSignInThrottle(database, { now, ...o.throttle }),
    audit: createAuditLog(db),
    secondFactor: createSecondFactor(db, now),
    sso: o.settings.sso && { settings: o.settings.sso, oidc: createOidc(o.settings.sso, { fetch: o.oidcFetch }), flows: createSsoFlows(db, now) },
    localSignIn: o.settings.localSignIn ?? true,
    requiresSecondFactor: (role) => o.settings.require2fa === 'all' || (o.settings.require2fa === 'admin' && role === 'admin'),
    sleep: o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    now,
    maxMs,
    close: () => database.close(),
  };
}
