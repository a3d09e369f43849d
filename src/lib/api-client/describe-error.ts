import type { TFunction } from '@/lib/i18n/translate';
import { isApiError } from './api-error';

/** The message a user sees for a failed call: translated, with the API's own words when it gave any. */
export function describeError(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.unexpected', { message: (error as Error)?.message ?? String(error) });
  const vars = { status: error.status, error: error.error, description: error.description, host: error.host ?? '', call: error.call };
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
    case 'http':
      return error.description ? t('errors.http', vars) : t('errors.httpBare', vars);
  }
}
