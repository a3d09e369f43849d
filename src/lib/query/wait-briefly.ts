/**
 * How long a page's loader waits for its answers before the page is drawn without them. Answers
 * sooner than this (a host nearby) are drawn with the page in one render, rather than skeletons
 * that flash for a moment and a second render the answer must wait behind; slower answers show
 * their page at most this much later, as skeletons, as before.
 */
export const ANSWER_WAIT_MS = 100;

/** Resolves when every call has settled or after `ms`, whichever comes first; never rejects. */
export function waitBriefly(calls: Promise<unknown>[], ms = ANSWER_WAIT_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settled = Promise.allSettled(calls).then(() => undefined);
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([settled, late]).finally(() => clearTimeout(timer));
}
