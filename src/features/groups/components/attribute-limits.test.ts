import { describe, expect, it } from 'vitest';
import { ATTRIBUTE_LIMITS, attributesBytes, checkAcross, checkAttribute, isValidAttribute, utf8Bytes } from './attribute-limits';

describe('utf8Bytes', () => {
  it('counts ASCII as 1, Chinese as 3, emoji as 4 bytes a character', () => {
    expect(utf8Bytes('')).toBe(0);
    expect(utf8Bytes('nickname')).toBe(8);
    expect(utf8Bytes('前端')).toBe(6);
    expect(utf8Bytes('é')).toBe(2);
    expect(utf8Bytes('😀')).toBe(4);
    expect(utf8Bytes('a前😀')).toBe(8);
  });

  it('171 Chinese characters are 513 bytes, one over the value limit', () => {
    expect(utf8Bytes('中'.repeat(170))).toBe(510);
    expect(utf8Bytes('中'.repeat(171))).toBe(513);
  });
});

describe('checkAttribute', () => {
  it('accepts a key of exactly 16 bytes and a value of exactly 512', () => {
    const c = checkAttribute({}, 'k'.repeat(16), 'v'.repeat(512));
    expect(c).toMatchObject({ keyBytes: 16, valueBytes: 512, totalBytes: 528 });
    expect(isValidAttribute(c)).toBe(true);
  });

  it('refuses a key over 16 bytes, counted in bytes not characters', () => {
    expect(checkAttribute({}, 'k'.repeat(17), 'v').key).toBe('too-long');
    // 6 characters, 18 bytes.
    const c = checkAttribute({}, '前端技术交流', 'v');
    expect(c.keyBytes).toBe(18);
    expect(c.key).toBe('too-long');
    expect(checkAttribute({}, '前端技术交', 'v').key).toBeUndefined();
  });

  it('refuses a value over 512 bytes: 171 Chinese characters', () => {
    const c = checkAttribute({}, 'bio', '中'.repeat(171));
    expect(c.valueBytes).toBe(513);
    expect(c.value).toBe('too-long');
    expect(isValidAttribute(c)).toBe(false);
    expect(checkAttribute({}, 'bio', '中'.repeat(170)).value).toBeUndefined();
  });

  it('refuses an empty key, and an empty value (that would delete the key)', () => {
    expect(checkAttribute({}, '', 'v').key).toBe('required');
    expect(checkAttribute({ a: 'x' }, 'a', '').value).toBe('required');
  });

  it('counts the member total after the edit, replacing an existing key rather than adding to it', () => {
    const current = { a: 'x'.repeat(500) };
    expect(attributesBytes(current)).toBe(501);
    expect(checkAttribute(current, 'a', 'yy').totalBytes).toBe(3);
    expect(checkAttribute(current, 'b', 'yy').totalBytes).toBe(504);
  });

  it('refuses an edit that takes the member over 4 KB, and accepts one that lands exactly on it', () => {
    // 8 keys of 1 byte with 500-byte values: 4008 bytes.
    const current = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [String(i), 'v'.repeat(500)]));
    expect(attributesBytes(current)).toBe(4008);
    const exact = checkAttribute(current, 'k', 'v'.repeat(ATTRIBUTE_LIMITS.memberBytes - 4008 - 1));
    expect(exact.totalBytes).toBe(4096);
    expect(exact.total).toBeUndefined();
    const over = checkAttribute(current, 'k', 'v'.repeat(ATTRIBUTE_LIMITS.memberBytes - 4008));
    expect(over.totalBytes).toBe(4097);
    expect(over.total).toBe('too-large');
    expect(isValidAttribute(over)).toBe(false);
  });
});

describe('checkAcross', () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `u${i}`);

  it('takes 1 to 10 members', () => {
    expect(checkAcross('k', names(10))).toEqual({ key: undefined, members: undefined });
    expect(checkAcross('k', names(11)).members).toBe('too-many');
    expect(checkAcross('k', []).members).toBe('required');
  });

  it('checks the key like a stored key', () => {
    expect(checkAcross('', names(1)).key).toBe('required');
    expect(checkAcross('前端技术交流', names(1)).key).toBe('too-long');
  });
});
