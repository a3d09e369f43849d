import type { TFunction, TKey } from '@/lib/i18n/translate';
import { isApiError } from './api-error';

/** The message a user sees for a failed call: translated, with the API's own words when it gave any. */
export function describeError(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.unexpected', { message: (error as Error)?.message ?? String(error) });
  const vars = { status: error.status, error: error.error, description: error.description, host: error.host ?? '', call: error.call };
  // The console's own refusals (sessions and roles) read the same whichever call met them.
  if (error.error === 'forbidden_role') return t('session.forbiddenRole', { role: roleName(t, error.role), call: error.call });
  if (error.error === 'signed_out') return t('session.signedOutError');
  if (error.error === 'csrf_failed') return t('session.csrfFailed');
  if (error.error === 'too_many_attempts') return t('session.tooManyAttempts', { wait: describeWait(t, error.retryAfterSeconds) });
  switch (error.kind) {
    case 'validation':
      return t('errors.validation', vars);
    case 'network':
      return t('errors.network');
    case 'unreachable':
      return t('errors.unreachable', vars);
    case 'credentials':
      return t('errors.credentials', vars);
    case 'config':
      return t('errors.config', vars);
    case 'timeout':
      return t('errors.timeout');
    case 'rate-limited':
      return t('errors.rateLimited', vars);
    case 'schema':
      return t('errors.schema', vars);
    case 'not-done':
      return error.description ? t('errors.notDone', vars) : t('errors.notDoneBare', vars);
    case 'http':
      return error.description ? t('errors.http', vars) : t('errors.httpBare', vars);
  }
}

const ROLE_KEYS: Record<string, TKey> = {
  viewer: 'session.roles.viewer',
  support: 'session.roles.support',
  moderator: 'session.roles.moderator',
  admin: 'session.roles.admin',
};

/** An operator role in words (`Viewer`); an unknown one as the server named it. */
export function roleName(t: TFunction, role: string | undefined): string {
  const key = role === undefined ? undefined : ROLE_KEYS[role];
  return key ? t(key) : (role ?? '?');
}

/** A wait in words: “40 seconds”, “3 minutes” (rounded up, never “0”). */
export function describeWait(t: TFunction, seconds: number | undefined): string {
  const s = Math.max(1, Math.ceil(seconds ?? 60));
  return s < 60 ? t('session.waitSeconds', { count: s }) : t('session.waitMinutes', { count: Math.ceil(s / 60) });
}
