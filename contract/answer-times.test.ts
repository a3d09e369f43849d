import { describe, expect, it } from 'vitest';
import { createAnswerTimes, RECENT_ANSWERS } from './answer-times';

describe('createAnswerTimes', () => {
  it('knows nothing of an app it has not heard from, then the quickest of its latest answers', () => {
    const times = createAnswerTimes();
    expect(times.quickest('demo')).toBeUndefined();
    times.note('demo', 40);
    times.note('demo', 6);
    times.note('demo', 55);
    times.note('far', 160);
    expect(times.quickest('demo')).toBe(6);
    expect(times.quickest('far')).toBe(160);
  });

  it('forgets answers older than the latest few, so a host that moved is seen where it is now', () => {
    const times = createAnswerTimes();
    times.note('demo', 2);
    for (let i = 0; i < RECENT_ANSWERS; i++) times.note('demo', 150 + i);
    expect(times.quickest('demo')).toBe(150);
  });
});
