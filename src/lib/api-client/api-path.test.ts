import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { apiPath, encodeList, encodeSegment } from './api-path';

describe('apiPath', () => {
  it('encodes each interpolated segment, so reserved characters stay inside their segment', () => {
    expect(apiPath`users/${'a/b?c#d%e,f'}/contacts`).toBe('users/a%2Fb%3Fc%23d%25e%2Cf/contacts');
  });

  it('encodes non-ASCII names', () => {
    expect(apiPath`users/${'张伟'}`).toBe('users/%E5%BC%A0%E4%BC%9F');
  });

  it('joins lists with commas and encodes each item, commas inside an item included', () => {
    expect(apiPath`chatgroups/${'42'}/users/${['u1', 'a,b', '李']}`).toBe('chatgroups/42/users/u1,a%2Cb,%E6%9D%8E');
    expect(encodeList(['x y'])).toBe('x%20y');
  });

  it('refuses dot segments, which URL parsing would resolve away even when encoded', () => {
    expect(new URL('http://h/im/demo/users/%2E%2E').pathname).toBe('/im/demo/');
    expect(() => encodeSegment('..')).toThrow(ApiError);
    expect(() => apiPath`users/${'.'}`).toThrow(/cannot be used in a URL path/);
    expect(encodeSegment('a.b')).toBe('a.b');
    expect(encodeSegment('...')).toBe('...');
  });
});
