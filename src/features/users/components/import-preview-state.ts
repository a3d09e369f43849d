import type { Registration } from '@/features/users/api/register-users';
import type { ItemResult } from '@/lib/bulk/run-bulk';
import type { ImportCheck, ImportRow } from './import-users-rows';

/** The import's preview: the checked rows of the current input, and what the service said of those sent. */
export type ImportPreview = {
  /** Undefined until the first check has ended. */
  check?: ImportCheck;
  /** By stored username, from every run of this input (a retry's outcome replaces the earlier one). */
  outcomes: Map<string, ItemResult<string>>;
  /** Why the input could not be checked. */
  error?: unknown;
};

export type ImportPreviewEvent =
  | { type: 'checked'; check: ImportCheck }
  | { type: 'check-failed'; error: unknown }
  /** A run ended: its results, one per username sent. */
  | { type: 'sent'; results: ItemResult<string>[] };

export const emptyPreview = (): ImportPreview => ({ outcomes: new Map() });

export function importPreview(state: ImportPreview, event: ImportPreviewEvent): ImportPreview {
  switch (event.type) {
    case 'checked':
      // New input, new preview: earlier outcomes would describe other rows.
      return { check: event.check, outcomes: new Map() };
    case 'check-failed':
      return { ...state, error: event.error };
    case 'sent': {
      const outcomes = new Map(state.outcomes);
      for (const r of event.results) outcomes.set(r.item, r);
      return { ...state, outcomes };
    }
  }
}

/** The valid rows still to send: one already registered by an earlier run is not sent again. */
export function pendingUsernames(toSend: Map<string, Registration>, outcomes: Map<string, ItemResult<string>>): string[] {
  return [...toSend.keys()].filter((u) => outcomes.get(u)?.status !== 'succeeded');
}

export type RowFilter = 'all' | 'problems';

/** Whether a row needs the user's attention: it will not be sent, or the service refused it. */
export const needsAttention = (row: ImportRow, outcomes: Map<string, ItemResult<string>>) =>
  row.problems.length > 0 || outcomes.get(row.username)?.status === 'failed';
