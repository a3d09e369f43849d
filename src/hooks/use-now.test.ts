import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNow } from './use-now';

describe('useNow', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-03T08:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('moves on every interval, not in between', () => {
    const { result } = renderHook(() => useNow(60_000));
    const start = result.current;
    expect(start).toBe(Date.parse('2026-12-03T08:00:00Z'));
    act(() => vi.advanceTimersByTime(59_000));
    expect(result.current).toBe(start);
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current).toBe(start + 60_000);
  });

  it('stops ticking once unmounted', () => {
    const { unmount } = renderHook(() => useNow(1_000));
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
