import { describe, expect, it } from 'vitest';
import { checkBlockCap } from './block-users';

describe('checkBlockCap', () => {
  it('counts only names not on the list yet, case-insensitively and once each', () => {
    expect(checkBlockCap(['a', 'b'], ['B', 'c', 'c', 'C'], 500)).toEqual({ fresh: ['c'], total: 3, over: 0 });
  });

  it('fits exactly at the cap, and says how many are too many above it', () => {
    const current = Array.from({ length: 498 }, (_, i) => `u${i}`);
    expect(checkBlockCap(current, ['x', 'y']).over).toBe(0);
    expect(checkBlockCap(current, ['x', 'y']).total).toBe(500);
    expect(checkBlockCap(current, ['x', 'y', 'z', 'u1'])).toMatchObject({ total: 501, over: 1 });
  });
});
