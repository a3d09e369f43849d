import { isApiError } from '@/lib/api-client/api-error';
import { chunk } from './chunk';

export type ItemStatus = 'succeeded' | 'failed' | 'skipped';

export interface ItemResult<T> {
  item: T;
  status: ItemStatus;
  /** The API's reason for this item (batch calls report per user), or the call's error. */
  reason?: string;
  error?: unknown;
}

/** What one chunk's call says per item; items it does not mention succeeded. */
export interface ItemOutcome<T> {
  item: T;
  ok: boolean;
  reason?: string;
}

export interface BulkProgress {
  total: number;
  done: number;
  succeeded: number;
  failed: number;
  skipped: number;
  /** True while the runner has slowed down after a 429. */
  throttled: boolean;
}


export interface BulkOptions<T> {
  items: readonly T[];
  /** The endpoint's documented limit per call: 60, 10, 100… */
  chunkSize: number;
  run: (chunk: T[]) => Promise<ItemOutcome<T>[] | void>;
  /**
   * The endpoint's documented rate limit in calls per second (100 for most calls of an app, 50 for
   * user blacklists…): no more than this many calls start in any second, nor more than a tenth of
   * them in any tenth of a second; enough run at once that the round trip, not the runner, is never
   * what holds the pace below it.
   */
  ratePerSecond?: number;
  /** Calls in flight at once (from `ratePerSecond` unless given). */
  concurrency?: number;
  /** At least this long between two call starts (from `ratePerSecond` unless given). */
  minIntervalMs?: number;
  /** Stops starting new chunks; chunks in flight finish, so the report stays true. */
  signal?: AbortSignal;
  onProgress?: (p: BulkProgress) => void;
  /** How often one chunk is tried again after a 429 that the HTTP client could not absorb. */
  rateLimitRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits `ms`, or less if `signal` aborts first: a cancel must not sit out a long 429 pause. */
function pause(sleep: (ms: number) => Promise<void>, ms: number, signal?: AbortSignal): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done);
    void sleep(ms).then(done, done);
  });
}


const isRateLimited = (e: unknown) => isApiError(e) && (e.kind === 'rate-limited' || e.status === 429);

/**
 * Runs a batch action over many items, a chunk per call, with bounded concurrency and pacing.
 * Resolves with one result per item, in input order; it never rejects for a failed call.
 */
export async function runBulk<T>(options: BulkOptions<T>): Promise<ItemResult<T>[]> {
  const { items, run, signal, onProgress } = options;
  const sleep = options.sleep ?? defaultSleep;
  const chunks = chunk(items, options.chunkSize);
  const results = new Map<number, ItemResult<T>>();
  const rate = options.ratePerSecond;
  // Explicit spacing between starts (and, after a 429, a growing one).
  let interval = options.minIntervalMs ?? 0;
  // The documented rate is per second: a job of 10 calls may start them together, as the limit
  // allows, rather than spread over 100 ms; the tenth-of-a-second cap keeps longer jobs smooth
  // for a server that counts in short windows.
  const windows = rate ? [{ ms: 1000, max: Math.max(1, Math.floor(rate)) }, { ms: 100, max: Math.max(1, Math.ceil(rate / 10)) }] : [];
  const starts: number[] = [];
  // The pacing alone keeps the rate; enough calls may be in flight to cover a slow round trip
  // (100/s with 150 ms answers needs 15): one per 6 calls/s of the limit, at most 16.
  let concurrency = Math.max(1, options.concurrency ?? (rate ? Math.min(16, Math.ceil(rate / 6)) : 2));
  let throttled = false;
  let nextStart = 0;
  let cursor = 0;

  const progress = () => {
    const all = [...results.values()];
    onProgress?.({
      total: items.length,
      done: all.length,
      succeeded: all.filter((r) => r.status === 'succeeded').length,
      failed: all.filter((r) => r.status === 'failed').length,
      skipped: all.filter((r) => r.status === 'skipped').length,
      throttled,
    });
  };

  const settle = (offset: number, batch: T[], outcomes: ItemOutcome<T>[] | void) => {
    const byItem = new Map((outcomes ?? []).map((o) => [o.item, o]));
    batch.forEach((item, i) => {
      const o = byItem.get(item);
      results.set(offset + i, o && !o.ok ? { item, status: 'failed', reason: o.reason } : { item, status: 'succeeded' });
    });
  };

  // Pacing is shared by the workers: a start is taken once every window has room and the
  // spacing has passed; a worker that has to wait looks again when it wakes.
  const waitForSlot = async () => {
    // After a wait, the clock is at least where it was meant to be (tests pass a sleep that does
    // not wait at all).
    let waitedUntil = 0;
    for (;;) {
      const now = Math.max(Date.now(), waitedUntil);
      let at = Math.max(now, nextStart);
      for (const w of windows) {
        const recent = starts.filter((t) => t > at - w.ms);
        // The oldest of the starts that fill the window must leave it first.
        if (recent.length >= w.max) at = Math.max(at, recent[recent.length - w.max]! + w.ms);
      }
      if (at <= now) {
        starts.push(now);
        while (starts.length > 0 && starts[0]! <= now - 1000) starts.shift();
        nextStart = now + interval;
        return;
      }
      // One more millisecond: timers round, and a start 1 ms early would be one too many for a
      // server counting strictly.
      await pause(sleep, at - now + 1, signal);
      if (signal?.aborted) return;
      waitedUntil = at;
    }
  };

  const worker = async (id: number) => {
    while (cursor < chunks.length) {
      // After a 429 the runner narrows to one worker.
      if (id >= concurrency) return;
      if (signal?.aborted) return;
      const index = cursor++;
      const batch = chunks[index]!;
      const offset = index * options.chunkSize;
      for (let attempt = 0; ; attempt++) {
        await waitForSlot();
        // Cancelled while waiting (for a slot or after a 429): this chunk was not sent; it is skipped.
        if (signal?.aborted) break;
        try {
          settle(offset, batch, await run(batch));
          break;
        } catch (e) {
          if (isRateLimited(e) && attempt < (options.rateLimitRetries ?? 3)) {
            throttled = true;
            concurrency = 1;
            interval = Math.min(Math.max(interval * 2, 250), 5000);
            progress();
            await pause(sleep, interval, signal);
            continue;
          }
          batch.forEach((item, i) => results.set(offset + i, { item, status: 'failed', error: e }));
          break;
        }
      }
      progress();
    }
  };

  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  // Whatever was never started (cancelled) is reported as skipped.
  items.forEach((item, i) => {
    if (!results.has(i)) results.set(i, { item, status: 'skipped' });
  });
  progress();
  return items.map((_, i) => results.get(i)!);
}
