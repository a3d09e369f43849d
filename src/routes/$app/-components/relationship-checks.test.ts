import { describe, expect, it } from 'vitest';
import { groupFindings, splitGroups, summarize, type Check } from './relationship-checks';

const g = (groupid: string) => ({ groupid, groupname: `G${groupid}` });
const NOW = 1_700_000_000_000;
const group = { id: '1', name: 'G1' };

describe('splitGroups', () => {
  it('finds the groups both are in, and says who is in each of the others', () => {
    const { common, oneSided } = splitGroups([g('1'), g('2'), g('3')], [g('3'), g('4'), g('1')], 'ann', 'ben');
    expect(common).toEqual([
      { id: '1', name: 'G1' },
      { id: '3', name: 'G3' },
    ]);
    expect(oneSided).toEqual([
      { group: { id: '2', name: 'G2' }, member: 'ann', other: 'ben' },
      { group: { id: '4', name: 'G4' }, member: 'ben', other: 'ann' },
    ]);
  });

  it('is empty when neither is in a group', () => {
    expect(splitGroups([], [], 'ann', 'ben')).toEqual({ common: [], oneSided: [] });
  });
});

describe('groupFindings', () => {
  it('reports a timed and a permanent mute per member, matching names case-insensitively', () => {
    const mutes = [
      { username: 'ANN', until: NOW + 60_000 },
      { username: 'ben', until: null },
      { username: 'cid', until: null },
    ];
    expect(groupFindings(group, ['ann', 'ben'], mutes, false, [], NOW)).toEqual([
      { kind: 'muted', group, user: 'ann', until: NOW + 60_000 },
      { kind: 'muted', group, user: 'ben', until: null },
    ]);
  });

  it('drops a mute that has run out since it was loaded', () => {
    expect(groupFindings(group, ['ann', 'ben'], [{ username: 'ann', until: NOW - 1 }], false, [], NOW)).toEqual([{ kind: 'groupClear', group }]);
  });

  it('under mute-all, stops everyone not on the whitelist', () => {
    expect(groupFindings(group, ['ann', 'ben'], [], true, ['Ben'], NOW)).toEqual([
      { kind: 'mutedAll', group, user: 'ann' },
      { kind: 'whitelisted', group, user: 'ben' },
    ]);
  });

  it('names the personal mute rather than mute-all when both hold', () => {
    expect(groupFindings(group, ['ann', 'ben'], [{ username: 'ann', until: null }], true, ['ben'], NOW)).toEqual([
      { kind: 'muted', group, user: 'ann', until: null },
      { kind: 'whitelisted', group, user: 'ben' },
    ]);
  });
});

describe('summarize', () => {
  const check = (status: Check['status'], findings: Check['findings'] = []): Check => ({ id: status, subject: { kind: 'groups' }, status, retry: () => {}, findings });
  it('counts the findings that stop them, the checks still running and the failed ones', () => {
    const checks = [
      check('success', [{ kind: 'banned', user: 'ann' }, { kind: 'active', user: 'ben' }]),
      check('success', [{ kind: 'blocked', owner: 'ann', other: 'ben' }]),
      check('success', [{ kind: 'notFriend', owner: 'ann', other: 'ben' }, { kind: 'whitelisted', group, user: 'ann' }]),
      check('pending'),
      check('error'),
      check('skipped'),
    ];
    expect(summarize(checks)).toEqual({ blockers: 2, pending: 1, failed: 1 });
  });
});
