import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client/api-error';
import { chunk } from './chunk';
import { runBulk, type BulkProgress } from './run-bulk';

const names = (n: number) => Array.from({ length: n }, (_, i) => `u${i}`);
const rateLimited = () => new ApiError({ kind: 'rate-limited', status: 429, error: 'reach_limit', call: 'POST /x' });

describe('chunk', () => {
  it('splits into chunks of the endpoint limit, the last one short', () => {
    expect(chunk(names(130), 60).map((c) => c.length)).toEqual([60, 60, 10]);
    expect(chunk([], 60)).toEqual([]);
    expect(() => chunk(names(3), 0)).toThrow(RangeError);
  });
});

describe('runBulk', () => {
  it('sends every item once, in chunks no larger than the limit, within the concurrency bound', async () => {
    const seen: string[] = [];
    let inFlight = 0;
    let peak = 0;
    const run = vi.fn(async (batch: string[]) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      expect(batch.length).toBeLessThanOrEqual(10);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(...batch);
      inFlight--;
    });
    const results = await runBulk({ items: names(95), chunkSize: 10, concurrency: 3, run });
    expect(run).toHaveBeenCalledTimes(10);
    expect(seen.sort()).toEqual(names(95).sort());
    expect(peak).toBe(3);
    expect(results.every((r) => r.status === 'succeeded')).toBe(true);
    expect(results.map((r) => r.item)).toEqual(names(95));
  });

  it('reports partial failures item by item, with the API reason or the call error', async () => {
    const boom = new ApiError({ kind: 'http', status: 404, error: 'resource_not_found', description: 'grpID 1 does not exist!', call: 'POST /x' });
    const results = await runBulk({
      items: names(6),
      chunkSize: 3,
      run: async (batch) => {
        if (batch.includes('u3')) throw boom;
        return [{ item: 'u1', ok: false, reason: 'forbidden operation on group owner!' }];
      },
    });
    expect(results.map((r) => r.status)).toEqual(['succeeded', 'failed', 'succeeded', 'failed', 'failed', 'failed']);
    expect(results[1]!.reason).toBe('forbidden operation on group owner!');
    expect(results[4]!.error).toBe(boom);
  });

  it('stops starting chunks when cancelled, lets the one in flight finish, and skips the rest', async () => {
    const controller = new AbortController();
    const results = await runBulk({
      items: names(50),
      chunkSize: 10,
      concurrency: 1,
      signal: controller.signal,
      run: async (batch) => {
        if (batch[0] === 'u10') controller.abort();
      },
    });
    expect(results.filter((r) => r.status === 'succeeded')).toHaveLength(20);
    expect(results.filter((r) => r.status === 'skipped').map((r) => r.item)).toEqual(names(50).slice(20));
  });

  it('slows down and retries a chunk after a 429 the client could not absorb', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const progress: BulkProgress[] = [];
    const results = await runBulk({
      items: names(30),
      chunkSize: 10,
      concurrency: 3,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      onProgress: (p) => progress.push(p),
      run: async () => {
        calls++;
        if (calls === 2) throw rateLimited();
      },
    });
    expect(results.every((r) => r.status === 'succeeded')).toBe(true);
    expect(calls).toBe(4);
    expect(sleeps).toContain(250);
    expect(progress.some((p) => p.throttled)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ total: 30, done: 30, succeeded: 30, failed: 0, skipped: 0 });
  });

  it('takes a cancel at once while it waits out a 429, and does not send that chunk again', async () => {
    const controller = new AbortController();
    const pauses: number[] = [];
    let calls = 0;
    const running = runBulk({
      items: names(3),
      chunkSize: 1,
      concurrency: 1,
      signal: controller.signal,
      // A pause that would never end by itself: only the cancel can end the run.
      sleep: (ms) => {
        pauses.push(ms);
        return new Promise<void>(() => {});
      },
      run: async () => {
        calls++;
        throw rateLimited();
      },
    });
    await vi.waitFor(() => expect(pauses).toEqual([250]));
    controller.abort();
    const results = await running;
    expect(calls).toBe(1);
    expect(results.map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('gives up on a chunk after repeated 429s and says why', async () => {
    const results = await runBulk({
      items: names(3),
      chunkSize: 3,
      rateLimitRetries: 2,
      sleep: async () => {},
      run: async () => {
        throw rateLimited();
      },
    });
    expect(results.every((r) => r.status === 'failed' && (r.error as ApiError).kind === 'rate-limited')).toBe(true);
  });

  it('keeps call starts at least minIntervalMs apart', async () => {
    const starts: number[] = [];
    await runBulk({
      items: names(4),
      chunkSize: 1,
      concurrency: 4,
      minIntervalMs: 30,
      run: async () => {
        starts.push(Date.now());
      },
    });
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(gaps.every((g) => g >= 25)).toBe(true);
  });

  it('retrying the failed items runs only those', async () => {
    const failing = new Set(['u1', 'u4']);
    const run = async (batch: string[]) => batch.filter((n) => failing.has(n)).map((item) => ({ item, ok: false, reason: 'busy' }));
    const first = await runBulk({ items: names(6), chunkSize: 2, run });
    const failed = first.filter((r) => r.status === 'failed').map((r) => r.item);
    expect(failed).toEqual(['u1', 'u4']);
    failing.clear();
    const again = await runBulk({ items: failed, chunkSize: 2, run });
    expect(again.map((r) => [r.item, r.status])).toEqual([
      ['u1', 'succeeded'],
      ['u4', 'succeeded'],
    ]);
  });
});

describe('runBulk with an endpoint’s documented rate', () => {
  /** The most starts within any `ms` window. */
  const busiest = (starts: number[], ms: number) => Math.max(...starts.map((t) => starts.filter((u) => u >= t && u < t + ms).length));

  it('starts a small job together, as a per-second limit allows, with several calls in flight', async () => {
    const starts: number[] = [];
    let inFlight = 0;
    let most = 0;
    const results = await runBulk({
      items: Array.from({ length: 20 }, (_, i) => `u${i}`),
      chunkSize: 2,
      ratePerSecond: 100,
      run: async () => {
        starts.push(performance.now());
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 40));
        inFlight--;
      },
    });
    expect(results.every((r) => r.status === 'succeeded')).toBe(true);
    expect(starts).toHaveLength(10);
    // Ten calls are a tenth of a second's allowance at 100/s: none waits for another.
    expect(most).toBe(10);
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(50);
  });

  it('never starts more than the rate in a second, nor a tenth of it in a tenth of a second', async () => {
    const starts: number[] = [];
    const results = await runBulk({
      items: Array.from({ length: 45 }, (_, i) => `u${i}`),
      chunkSize: 1,
      ratePerSecond: 50,
      run: async () => {
        starts.push(Date.now());
        await new Promise((r) => setTimeout(r, 5));
      },
    });
    expect(results.every((r) => r.status === 'succeeded')).toBe(true);
    // Windows a few ms short: `run` notes its start a moment after the runner takes the slot.
    expect(busiest(starts, 97)).toBeLessThanOrEqual(5);
    expect(busiest(starts, 997)).toBeLessThanOrEqual(50);
    // And it keeps that pace: 45 calls at 5 per 100 ms take about 0.8 s, not much more.
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(790);
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(1300);
  });
});
