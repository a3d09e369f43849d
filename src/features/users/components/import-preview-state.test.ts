import { describe, expect, it } from 'vitest';
import type { ItemResult } from '@/lib/bulk/run-bulk';
import { emptyPreview, importPreview, needsAttention, pendingUsernames } from './import-preview-state';
import type { ImportCheck, ImportRow } from './import-users-rows';

const row = (line: number, username: string, problems: ImportRow['problems'] = []): ImportRow => ({ line, username, password: 'pw', problems });
const check = (...rows: ImportRow[]): ImportCheck => ({ rows, missingColumns: [], ignoredColumns: [], hasHeader: true });
const ok = (item: string): ItemResult<string> => ({ item, status: 'succeeded' });
const refused = (item: string, reason = 'exists'): ItemResult<string> => ({ item, status: 'failed', reason });
const registration = (username: string) => [username, { username, password: 'pw' }] as const;

describe('importPreview', () => {
  it('merges each run’s outcomes by username, a retry’s replacing the earlier one', () => {
    const first = importPreview({ check: check(row(1, 'ann'), row(2, 'bob')), outcomes: new Map() }, { type: 'sent', results: [ok('ann'), refused('bob')] });
    const retried = importPreview(first, { type: 'sent', results: [ok('bob')] });
    expect([...retried.outcomes.values()]).toEqual([ok('ann'), ok('bob')]);
    // The earlier state is left as it was (React compares states by reference).
    expect(first.outcomes.get('bob')).toEqual(refused('bob'));
  });

  it('forgets the outcomes when the input is checked again: they described other rows', () => {
    const sent = importPreview({ check: check(row(1, 'ann')), outcomes: new Map() }, { type: 'sent', results: [ok('ann')] });
    const next = check(row(1, 'carol'));
    expect(importPreview(sent, { type: 'checked', check: next })).toEqual({ check: next, outcomes: new Map() });
  });

  it('keeps the last check when a check fails, and says why until the next one succeeds', () => {
    const before = { check: check(row(1, 'ann')), outcomes: new Map([['ann', ok('ann')]]) };
    const failed = importPreview(before, { type: 'check-failed', error: new Error('chunk failed to load') });
    expect(failed).toMatchObject({ check: before.check, outcomes: before.outcomes, error: new Error('chunk failed to load') });
    expect(importPreview(failed, { type: 'checked', check: check() }).error).toBeUndefined();
  });

  it('starts with nothing checked', () => {
    expect(emptyPreview()).toEqual({ outcomes: new Map() });
  });
});

describe('pendingUsernames', () => {
  it('leaves out the rows an earlier run registered; refused and skipped ones are sent again', () => {
    const toSend = new Map([registration('ann'), registration('bob'), registration('carol'), registration('dave')]);
    const outcomes = new Map([
      ['ann', ok('ann')],
      ['bob', refused('bob')],
      ['carol', { item: 'carol', status: 'skipped' } as ItemResult<string>],
    ]);
    expect(pendingUsernames(toSend, outcomes)).toEqual(['bob', 'carol', 'dave']);
  });
});

describe('needsAttention', () => {
  it('is true for a row that will not be sent or that the service refused', () => {
    const outcomes = new Map([
      ['bob', refused('bob')],
      ['carol', ok('carol')],
    ]);
    expect(needsAttention(row(1, 'ann', [{ kind: 'password-required' }]), outcomes)).toBe(true);
    expect(needsAttention(row(2, 'bob'), outcomes)).toBe(true);
    expect(needsAttention(row(3, 'carol'), outcomes)).toBe(false);
    expect(needsAttention(row(4, 'dave'), outcomes)).toBe(false);
  });
});
