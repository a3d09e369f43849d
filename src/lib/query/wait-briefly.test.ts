import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitBriefly } from './wait-briefly';

describe('waitBriefly', () => {
  afterEach(() => vi.useRealTimers());

  /** Whether `p` has settled after the pending microtasks have run. */
  const settled = async (p: Promise<unknown>) => {
    let done = false;
    void p.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    return done;
  };

  it('resolves as soon as every call has settled, failures included', async () => {
    vi.useFakeTimers();
    let answer!: () => void;
    const calls = [new Promise<void>((r) => (answer = r)), Promise.reject(new Error('refused'))];
    const wait = waitBriefly(calls, 100);
    await vi.advanceTimersByTimeAsync(40);
    expect(await settled(wait)).toBe(false);
    answer();
    expect(await settled(wait)).toBe(true);
  });

  it('resolves after the given time when an answer is slower, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    const wait = waitBriefly([new Promise(() => undefined)], 100);
    await vi.advanceTimersByTimeAsync(99);
    expect(await settled(wait)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(wait)).toBe(true);

    const quick = waitBriefly([Promise.resolve()], 100);
    expect(await settled(quick)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
