import { describe, expect, it } from 'vitest';
import { parseUsernames } from './parse-names';

describe('parseUsernames', () => {
  it('accepts one per line or comma-separated, in order, lower-cased', () => {
    expect(parseUsernames('alice\nBob, carol，dave\r\n\n  erin  ').valid).toEqual(['alice', 'bob', 'carol', 'dave', 'erin']);
  });

  it('flags duplicates, case-insensitively, and keeps the first', () => {
    const out = parseUsernames('alice, bob\nALICE\nalice');
    expect(out.valid).toEqual(['alice', 'bob']);
    expect(out.duplicates).toEqual(['alice']);
  });

  it('flags names over 64 characters and names with characters the service refuses', () => {
    const long = 'a'.repeat(65);
    const out = parseUsernames(`${'b'.repeat(64)}\n${long}\n张伟\nx/y`);
    expect(out.valid).toEqual(['b'.repeat(64)]);
    expect(out.invalid).toEqual([
      { value: long, reason: 'too-long' },
      { value: '张伟', reason: 'characters' },
      { value: 'x/y', reason: 'characters' },
    ]);
  });
});
