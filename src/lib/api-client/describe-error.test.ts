import { describe, expect, it } from 'vitest';
import { createI18n } from '@/lib/i18n/i18n';
import { allCatalogues } from '@/testing/catalogues';
import { ApiError, notDoneError } from './api-error';
import { describeError } from './describe-error';

const en = createI18n('en', allCatalogues).t;
const zh = createI18n('zh-CN', allCatalogues).t;

describe('describeError for a call the IM service answered without carrying out (result: false)', () => {
  it('names the call, with the reason when the service gave one, in both languages', () => {
    const err = notDoneError('DELETE /chatgroups/1/white/users/bob', 'user not in whitelist');
    expect(describeError(en, err)).toBe('The IM service did not carry out DELETE /chatgroups/1/white/users/bob: user not in whitelist');
    expect(describeError(zh, err)).toBe('IM 服务未执行 DELETE /chatgroups/1/white/users/bob：user not in whitelist');
  });

  it('says so plainly when no reason was given, never "Unexpected error"', () => {
    const err = notDoneError('GET /users/alice/disconnect');
    expect(err).toBeInstanceOf(ApiError);
    expect(describeError(en, err)).toBe('The IM service answered GET /users/alice/disconnect without carrying it out.');
    expect(describeError(zh, err)).toBe('IM 服务响应了 GET /users/alice/disconnect，但未执行该操作。');
    expect(describeError(zh, err)).not.toMatch(/意外错误/);
  });
});
