import { describe, expect, it } from 'vitest';
import { readFriendNames } from './import-names';

describe('readFriendNames', () => {
  it('reads plain names, one per line or separated, lower-cased, with duplicates and invalid ones apart', () => {
    expect(readFriendNames('alice\nBob, carol  alice\n坏名字')).toEqual({
      valid: ['alice', 'bob', 'carol'],
      duplicates: ['alice'],
      invalid: [{ value: '坏名字', reason: 'characters' }],
    });
  });

  it('reads the username column of CSV text with a header, whatever the other columns hold', () => {
    const csv = '\ufeffremark,"Username"\n"同事, 老乡",dave\t\nGym buddy,erin\n,frank\n';
    expect(readFriendNames(csv)).toEqual({ valid: ['dave', 'erin', 'frank'], duplicates: [], invalid: [] });
    expect(readFriendNames('username\ngrace\r\ntrent\r\n').valid).toEqual(['grace', 'trent']);
  });
});
