import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerTimes } from '@/lib/api-client/answer-times';
import { waitBriefly } from './wait-briefly';

describe('waitBriefly', () => {
  afterEach(() => vi.useRealTimers());

  /** Whether `p` has settled after the pending microtasks have run. */
  const settled = async (p: Promise<unknown> | undefined) => {
    let done = false;
    void Promise.resolve(p).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    return done;
  };
  const never = () => [new Promise(() => undefined)];

  it('moving within a page, resolves as soon as every call has settled, failures included', async () => {
    vi.useFakeTimers();
    let answer!: () => void;
    const calls = [new Promise<void>((r) => (answer = r)), Promise.reject(new Error('refused'))];
    const wait = waitBriefly('stay', 'app-unheard-of', calls, 100);
    await vi.advanceTimersByTimeAsync(40);
    expect(await settled(wait)).toBe(false);
    answer();
    expect(await settled(wait)).toBe(true);
  });

  it('moving within a page, resolves after the given time when an answer is slower, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    const wait = waitBriefly('stay', 'app-unheard-of', never(), 100);
    await vi.advanceTimersByTimeAsync(99);
    expect(await settled(wait)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(wait)).toBe(true);

    const quick = waitBriefly('stay', 'app-unheard-of', [Promise.resolve()], 100);
    expect(await settled(quick)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('entering a page, waits only for a host known to be near', async () => {
    vi.useFakeTimers();
    answerTimes.note('app-near', 45);
    answerTimes.note('app-near', 4);
    answerTimes.note('app-far', 52);
    expect(waitBriefly('enter', 'app-unheard-of', never())).toBeUndefined();
    expect(waitBriefly('enter', 'app-far', never())).toBeUndefined();
    const near = waitBriefly('enter', 'app-near', never(), 100);
    expect(near).toBeInstanceOf(Promise);
    await vi.advanceTimersByTimeAsync(100);
    expect(await settled(near)).toBe(true);
  });

  it('never waits for a preload (a hovered link)', () => {
    answerTimes.note('app-near-too', 3);
    expect(waitBriefly('preload', 'app-near-too', never())).toBeUndefined();
  });
});
