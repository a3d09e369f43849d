import { useSyncExternalStore } from 'react';
import { captureFocus } from '@/lib/focus/return-focus';
import type { ConfirmOptions } from './confirm-action';

// One confirmation at a time, held outside React so that `confirmAction()` can be called from any
// event handler, and the dialog's code loads only when the first one opens.

export type ConfirmRequest = ConfirmOptions & { id: number };

let current: ConfirmRequest | null = null;
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function openConfirm(options: ConfirmOptions): void {
  // Focus goes back where it was (the button that asked) once the dialog closes.
  const returnFocus = captureFocus();
  const id = nextId++;
  current = {
    ...options,
    id,
    onClosed: () => {
      returnFocus();
      options.onClosed?.();
    },
  };
  emit();
}

export function closeConfirm(id: number): void {
  if (current?.id !== id) return;
  const closed = current.onClosed;
  current = null;
  emit();
  closed?.();
}

/** Closes whatever confirmation is open (tests: one file's dialog must not reach the next). */
export function closeOpenConfirm(): void {
  if (current) closeConfirm(current.id);
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const useConfirmRequest = () => useSyncExternalStore(subscribe, () => current);
