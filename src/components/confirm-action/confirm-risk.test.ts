import { describe, expect, it } from 'vitest';
import { LARGE_BATCH, typedConfirmation } from './confirm-risk';

describe('typedConfirmation', () => {
  it('asks nothing typed for a small action that can be undone', () => {
    expect(typedConfirmation('123', { undoable: true, count: 3 })).toBeUndefined();
    expect(typedConfirmation('123', { undoable: true, count: LARGE_BATCH })).toBeUndefined();
  });

  it('asks for the name past the large-batch threshold, or when nothing can undo it', () => {
    expect(typedConfirmation('123', { undoable: true, count: LARGE_BATCH + 1 })).toBe('123');
    expect(typedConfirmation('alice', { undoable: false, count: 1 })).toBe('alice');
  });
});
