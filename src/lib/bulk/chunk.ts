// Apart from the runner, so that reading calls (a page's statuses) can split lists, and a page can
// size its batches, without loading it.

/** Documented: 100 calls per second per app, unless an endpoint says otherwise. */
export const APP_RATE_LIMIT = 100;

/** Splits `items` into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
