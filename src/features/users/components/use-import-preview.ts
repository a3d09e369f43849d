import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { Registration } from '@/features/users/api/register-users';
import type { ItemResult } from '@/lib/bulk/run-bulk';
import { emptyPreview, importPreview, pendingUsernames } from './import-preview-state';
import { readImport, registrations } from './import-users-rows';

/** Checks `input` (pasted text or a file's) whenever it changes, and keeps the outcomes of its runs. */
export function useImportPreview(input: string) {
  const [state, dispatch] = useReducer(importPreview, undefined, emptyPreview);

  useEffect(() => {
    let current = true;
    readImport(input).then(
      (check) => current && dispatch({ type: 'checked', check }),
      (error: unknown) => current && dispatch({ type: 'check-failed', error }),
    );
    return () => {
      current = false;
    };
  }, [input]);

  const toSend = useMemo(() => (state.check ? registrations(state.check) : new Map<string, Registration>()), [state.check]);
  const pending = useMemo(() => pendingUsernames(toSend, state.outcomes), [toSend, state.outcomes]);
  const record = useCallback((results: ItemResult<string>[]) => dispatch({ type: 'sent', results }), []);

  return { ...state, toSend, pending, record };
}
