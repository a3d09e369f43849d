import { describe, expect, it } from 'vitest';
import { ENGLISH_WORDS, matchGroups, mergeWords, parseCommand } from './palette-model';

const zh = mergeWords({ ban: '封禁', unban: '解封', disconnect: '强制下线,下线', mute: '禁言', in: '在' });

describe('parseCommand', () => {
  it('reads plain text as a search, and a verb alone too (it is still being typed)', () => {
    expect(parseCommand('  alice ', ENGLISH_WORDS)).toEqual({ kind: 'find', text: 'alice' });
    expect(parseCommand('ban', ENGLISH_WORDS)).toEqual({ kind: 'find', text: 'ban' });
    expect(parseCommand('banana', ENGLISH_WORDS)).toEqual({ kind: 'find', text: 'banana' });
    expect(parseCommand('muted people', ENGLISH_WORDS)).toEqual({ kind: 'find', text: 'muted people' });
  });

  it('reads ban, unban and force offline in their usual phrasings', () => {
    expect(parseCommand('ban ', ENGLISH_WORDS)).toMatchObject({ kind: 'user-action', verb: 'ban', user: '' });
    expect(parseCommand('Ban Alice', ENGLISH_WORDS)).toMatchObject({ kind: 'user-action', verb: 'ban', user: 'Alice' });
    expect(parseCommand('unban mallory', ENGLISH_WORDS)).toMatchObject({ kind: 'user-action', verb: 'unban', user: 'mallory' });
    for (const text of ['force alice offline', 'force offline alice', 'offline alice', 'disconnect alice', 'kick alice']) {
      expect(parseCommand(text, ENGLISH_WORDS), text).toMatchObject({ kind: 'user-action', verb: 'disconnect', user: 'alice' });
    }
  });

  it('reads a mute step by step: the user, then "in", then the group', () => {
    expect(parseCommand('mute alice', ENGLISH_WORDS)).toEqual({ kind: 'mute', user: 'alice', typed: 'mute' });
    expect(parseCommand('mute alice in', ENGLISH_WORDS)).toEqual({ kind: 'mute', user: 'alice', group: '', typed: 'mute' });
    expect(parseCommand('mute alice in ', ENGLISH_WORDS)).toEqual({ kind: 'mute', user: 'alice', group: '', typed: 'mute' });
    expect(parseCommand('mute alice in All Hands', ENGLISH_WORDS)).toEqual({ kind: 'mute', user: 'alice', group: 'All Hands', typed: 'mute' });
    expect(parseCommand('mute alice in group 1800001', ENGLISH_WORDS)).toEqual({ kind: 'mute', user: 'alice', group: '1800001', typed: 'mute' });
    expect(parseCommand('mute alice hands', ENGLISH_WORDS)).toEqual({ kind: 'mute', user: 'alice', group: 'hands', typed: 'mute' });
  });

  it('understands the shown language besides English, with or without spaces', () => {
    expect(parseCommand('封禁 alice', zh)).toMatchObject({ kind: 'user-action', verb: 'ban', user: 'alice', typed: '封禁' });
    expect(parseCommand('封禁alice', zh)).toMatchObject({ kind: 'user-action', verb: 'ban', user: 'alice' });
    expect(parseCommand('强制下线 alice', zh)).toMatchObject({ kind: 'user-action', verb: 'disconnect', user: 'alice' });
    expect(parseCommand('禁言 alice 在 全员大群', zh)).toEqual({ kind: 'mute', user: 'alice', group: '全员大群', typed: '禁言' });
    expect(parseCommand('禁言 alice在全员大群', zh)).toEqual({ kind: 'mute', user: 'alice', group: '全员大群', typed: '禁言' });
    expect(parseCommand('ban alice', zh)).toMatchObject({ kind: 'user-action', verb: 'ban', user: 'alice' });
  });
});

describe('matchGroups', () => {
  const groups = [
    { id: '1001', name: 'Weekend Hikers' },
    { id: '1002', name: '全员大群 All Hands' },
    { id: '1003', name: 'Hands On' },
  ];
  it('finds by any part of the name, in any case, or by the ID; names starting with it first', () => {
    expect(matchGroups(groups, 'hands').map((g) => g.id)).toEqual(['1003', '1002']);
    expect(matchGroups(groups, '全员').map((g) => g.id)).toEqual(['1002']);
    expect(matchGroups(groups, '1001').map((g) => g.id)).toEqual(['1001']);
    expect(matchGroups(groups, '')).toHaveLength(3);
  });
});
