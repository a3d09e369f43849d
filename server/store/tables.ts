import type { Generated } from 'kysely';

// The console's own tables as Kysely sees them, the same in SQLite and PostgreSQL (migrations.ts
// makes them). Times are epoch milliseconds; flags are 0/1 integers in both.

export interface OperatorsTable {
  id: Generated<number>;
  username: string;
  role: string;
  password_hash: string;
  disabled: number;
  created_at: number;
  updated_at: number;
  last_sign_in_at: number | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
  sso_subject: string | null;
}

export interface SessionsTable {
  token_hash: string;
  operator_id: number;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  sign_in: Generated<string>;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  operator_id: number;
  code_hash: string;
  used_at: number | null;
}

export interface SsoFlowsTable {
  flow_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
  return_to: string;
  created_at: number;
}

export interface AuditTable {
  id: Generated<number>;
  time: number;
  operator: string | null;
  app: string;
  method: string;
  path: string;
  action: string;
  target: string | null;
  subjects: string;
  summary: string;
  status: number;
  items: string | null;
  address: string | null;
  refusal: string | null;
  sign_in: string | null;
}

export interface AuditOutcomeTable {
  audit_id: number;
  time: number;
  status: number;
  items: string | null;
}

/** Sign-in attempts in flight or failed, within the throttle's window (sign-in-throttle.ts). */
export interface SignInAttemptsTable {
  id: Generated<number>;
  /** Trimmed, lower case. */
  name: string;
  address: string;
  at: number;
  pending: number;
}

/** A throttle counter's lock, or where it counts from since its last lock or clearing. */
export interface SignInLocksTable {
  key: string;
  locked_until: number;
  count_from: number;
  since: number;
}

/** The user search index (user-index/schema.ts): one row per indexed user of an app. */
export interface UserIndexTable {
  id: Generated<number>;
  app: string;
  username: string;
  nickname: string;
  username_lc: string;
  nickname_lc: string;
  activated: number;
  created: number | null;
  gen: number;
}

/** 1- and 2-character fragments of non-Latin names, each pointing at its row. */
export interface UserIndexGramsTable {
  gram: string;
  id: number;
}

/** Every trigram holding a Latin character that the index has held. */
export interface UserIndexTrigramsTable {
  term: string;
}

/** Each indexed app's walk: where it is, whether it runs, and which server holds it. */
export interface UserIndexStateTable {
  app: string;
  gen: Generated<number>;
  walking: Generated<number>;
  rewalk: Generated<number>;
  cursor: string | null;
  user_count: Generated<number>;
  walk_users: Generated<number>;
  walk_calls: Generated<number>;
  walk_started_at: number | null;
  last_built_at: number | null;
  last_error: string | null;
  walk_routine: Generated<number>;
  lease_holder: string | null;
  lease_until: number | null;
}

export interface Tables {
  operators: OperatorsTable;
  sessions: SessionsTable;
  recovery_codes: RecoveryCodesTable;
  sso_flows: SsoFlowsTable;
  audit: AuditTable;
  audit_outcome: AuditOutcomeTable;
  sign_in_attempts: SignInAttemptsTable;
  sign_in_locks: SignInLocksTable;
  user_index: UserIndexTable;
  user_index_grams: UserIndexGramsTable;
  user_index_trigrams: UserIndexTrigramsTable;
  user_index_state: UserIndexStateTable;
}
