import { describe, expect, it } from 'vitest';
import { createI18n } from '@/lib/i18n/i18n';
import { allCatalogues } from '@/testing/catalogues';
import { errorFromResponse } from './api-error';
import { describeError } from './describe-error';

const t = createI18n('en', allCatalogues).t;

describe('describeError for sessions and roles', () => {
  it('explains a 403 forbidden_role with the role and the call', () => {
    const err = errorFromResponse('DELETE /users/alice', 403, { error: 'forbidden_role', error_description: 'viewer may not DELETE users/{username}', role: 'viewer' });
    expect(describeError(t, err)).toBe('Your role (Viewer) may not DELETE /users/alice; ask an admin.');
  });

  it('says what a 401 signed_out and a 403 csrf_failed mean', () => {
    expect(describeError(t, errorFromResponse('GET /users', 401, { error: 'signed_out' }))).toMatch(/signed out/);
    expect(describeError(t, errorFromResponse('POST /users', 403, { error: 'csrf_failed' }))).toMatch(/Reload the page/);
  });
});
