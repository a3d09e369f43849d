import { describe, expect, it } from 'vitest';
import { countImportOutcomes, mergeImportAnswers, type ImportAnswer } from './merge-import-answers';

const answer = (a: Partial<ImportAnswer>): ImportAnswer => ({ success: [], NotExistFailed: [], maxLimitFailed: [], UnKnowFailed: [], ...a });

describe('mergeImportAnswers', () => {
  it('gives one row per name sent, across calls, in the order sent, from each call’s four lists', () => {
    const rows = mergeImportAnswers([
      { sent: ['a1', 'ghost', 'a2'], answer: answer({ success: ['a1', 'a2'], NotExistFailed: ['ghost'] }) },
      { sent: ['b1', 'b2', 'b3'], answer: answer({ success: ['b3'], maxLimitFailed: ['b1'], UnKnowFailed: ['b2'] }) },
    ]);
    expect(rows).toEqual([
      { username: 'a1', outcome: 'added' },
      { username: 'ghost', outcome: 'notExist' },
      { username: 'a2', outcome: 'added' },
      { username: 'b1', outcome: 'maxLimit' },
      { username: 'b2', outcome: 'unknown' },
      { username: 'b3', outcome: 'added' },
    ]);
    expect(countImportOutcomes(rows)).toEqual({ added: 3, notExist: 1, maxLimit: 1, unknown: 1, unreported: 0 });
  });

  it('matches names case-insensitively and keeps the spelling that was sent', () => {
    const rows = mergeImportAnswers([{ sent: ['Bob', 'CAROL'], answer: answer({ success: ['bob'], NotExistFailed: ['carol'] }) }]);
    expect(rows).toEqual([
      { username: 'Bob', outcome: 'added' },
      { username: 'CAROL', outcome: 'notExist' },
    ]);
  });

  it('marks a sent name that no list mentions as unreported, and ignores names that were not sent', () => {
    const rows = mergeImportAnswers([{ sent: ['x', 'y'], answer: answer({ success: ['x', 'intruder'] }) }]);
    expect(rows).toEqual([
      { username: 'x', outcome: 'added' },
      { username: 'y', outcome: 'unreported' },
    ]);
  });

  it('lets a later call’s answer replace an earlier one for the same name (a retry)', () => {
    const rows = mergeImportAnswers([
      { sent: ['p', 'q'], answer: answer({ maxLimitFailed: ['p'], success: ['q'] }) },
      { sent: ['p'], answer: answer({ success: ['p'] }) },
    ]);
    expect(rows).toEqual([
      { username: 'p', outcome: 'added' },
      { username: 'q', outcome: 'added' },
    ]);
  });

  it('takes the failure when one answer lists a name both as added and as failed', () => {
    const rows = mergeImportAnswers([{ sent: ['z', 'w'], answer: answer({ success: ['z', 'w'], UnKnowFailed: ['z'], NotExistFailed: ['w'], maxLimitFailed: ['w'] }) }]);
    expect(rows).toEqual([
      { username: 'z', outcome: 'unknown' },
      { username: 'w', outcome: 'notExist' },
    ]);
  });

  it('is empty for no calls, and tolerates a list the answer left out', () => {
    expect(mergeImportAnswers([])).toEqual([]);
    const partial = { success: ['m'] } as unknown as ImportAnswer;
    expect(mergeImportAnswers([{ sent: ['m', 'n'], answer: partial }])).toEqual([
      { username: 'm', outcome: 'added' },
      { username: 'n', outcome: 'unreported' },
    ]);
  });
});
