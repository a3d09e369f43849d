import { useCallback, useEffect, useRef, useState } from 'react';
import { runBulk, type BulkProgress, type ItemOutcome, type ItemResult } from '@/lib/bulk/run-bulk';

export type BulkAction = {
  /** The endpoint's documented limit per call. */
  chunkSize: number;
  /** The endpoint's documented rate limit (calls per second): see `runBulk`. */
  rate: number;
  /** Tests only: calls in flight at once. */
  concurrency?: number;
  /** Per item it may say why one failed, or, for one that succeeded, what it did (shown in the report). */
  run: (chunk: string[]) => Promise<ItemOutcome<string>[] | void>;
  /** Runs once per run, e.g. to invalidate the queries the action changed. */
  onFinished?: (results: ItemResult<string>[]) => void;
};

export type BulkPhase = 'idle' | 'running' | 'done';

/** State of one bulk run: start, cancel, retry the failed items, and the per-item report. */
export function useBulkRun(action: BulkAction) {
  const [phase, setPhase] = useState<BulkPhase>('idle');
  const [progress, setProgress] = useState<BulkProgress | undefined>();
  const [results, setResults] = useState<ItemResult<string>[]>([]);
  const [cancelling, setCancelling] = useState(false);
  const controller = useRef<AbortController | undefined>(undefined);
  // The latest action, read when a run starts, so callers need not memoise it.
  const actionRef = useRef(action);
  useEffect(() => {
    actionRef.current = action;
  });

  const execute = useCallback(async (items: string[], merge: (fresh: ItemResult<string>[]) => ItemResult<string>[]) => {
    const a = actionRef.current;
    controller.current = new AbortController();
    setCancelling(false);
    setPhase('running');
    // Let the progress step render first (a task later): rendering it between the first and second
    // call would hold the second back and cost the run its pace.
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The runner keeps a reason for failures only; what a successful item's call said (an undo
    // that put back a role and a mute, say) is kept here for the report.
    const notes = new Map<string, string>();
    const fresh = await runBulk({
      items,
      chunkSize: a.chunkSize,
      ratePerSecond: a.rate,
      concurrency: a.concurrency,
      run: async (chunk) => {
        const outcomes = await a.run(chunk);
        for (const o of outcomes ?? []) if (o.ok && o.reason) notes.set(o.item, o.reason);
        return outcomes;
      },
      signal: controller.current.signal,
      onProgress: setProgress,
    });
    const merged = merge(fresh.map((r) => (r.status === 'succeeded' && notes.has(r.item) ? { ...r, reason: notes.get(r.item) } : r)));
    setResults(merged);
    setPhase('done');
    a.onFinished?.(merged);
  }, []);

  const start = useCallback((items: string[]) => execute(items, (fresh) => fresh), [execute]);

  /** Sends only the failed items again; their new outcome replaces the old one in the report. */
  const retryFailed = useCallback(() => {
    const failed = results.filter((r) => r.status === 'failed').map((r) => r.item);
    return execute(failed, (fresh) => {
      const byItem = new Map(fresh.map((r) => [r.item, r]));
      return results.map((r) => byItem.get(r.item) ?? r);
    });
  }, [execute, results]);

  const cancel = useCallback(() => {
    setCancelling(true);
    controller.current?.abort();
  }, []);

  const reset = useCallback(() => {
    setPhase('idle');
    setProgress(undefined);
    setResults([]);
  }, []);

  return { phase, progress, results, cancelling, start, retryFailed, cancel, reset };
}
