import { answerTimes } from '@/lib/api-client/answer-times';

/** How long a page's loader waits for its answers. */
export const ANSWER_WAIT_MS = 100;

/** A host this near (its quickest recent answer, ms) answers before a page could be drawn without it. */
export const NEAR_HOST_MS = 30;

/** Why the router runs a loader: a page entered, the same page with new params or search, a hover. */
export type LoaderCause = 'enter' | 'stay' | 'preload';

/**
 * What a loader returns for the calls it has started: whether the page waits for their answers,
 * for up to ANSWER_WAIT_MS, or is drawn at once as skeletons.
 * - Moving within a page (another page of a table, another page size, another user: the router's
 *   `stay`) it waits: the page on screen is kept, a quick answer is drawn in one render rather
 *   than the page first drawn refreshing with the answer waiting behind that render, and a slow one
 *   still shows the change ("Refreshing…") after that moment.
 * - Entering a page it waits only for a near host (the local emulator, a host beside the server):
 *   its answers come while the page would still be drawing its skeletons. From a host further
 *   away, drawing at once lets the page's code run while the calls are under way: waiting there
 *   made the table come ≈ 20 ms later with a host 50 ms away, ≈ 40 ms later 150 ms away.
 */
export function waitBriefly(cause: LoaderCause, app: string, calls: Promise<unknown>[], ms = ANSWER_WAIT_MS): Promise<void> | undefined {
  const near = (answerTimes.quickest(app) ?? Number.POSITIVE_INFINITY) <= NEAR_HOST_MS;
  if (cause === 'preload' || (cause === 'enter' && !near)) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settled = Promise.allSettled(calls).then(() => undefined);
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([settled, late]).finally(() => clearTimeout(timer));
}
