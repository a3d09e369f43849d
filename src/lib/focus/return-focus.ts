import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * Remembers the focused element (the button that opens a dialog); the function it returns gives
 * focus back to it, once, when the dialog closes. Our dialogs turn Mantine's own return off or
 * cannot rely on it: they may mount already open, lazily, after the click.
 */
export function captureFocus(): () => void {
  let opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return () => {
    const el = opener;
    opener = null;
    // A tick later: the closing dialog lets go of focus (its trap, its unmount) in this one.
    setTimeout(() => {
      if (el?.isConnected && !(el as HTMLButtonElement).disabled) el.focus();
    }, 0);
  };
}

/**
 * `captureFocus` for a dialog driven by an `opened` prop: what has focus when it opens (or mounts
 * open) gets it back when the returned function is called on close.
 */
export function useReturnFocus(opened: boolean): () => void {
  const restore = useRef<(() => void) | null>(null);
  // A layout effect: before the dialog's own effects move focus inside it.
  useLayoutEffect(() => {
    if (opened) restore.current = captureFocus();
  }, [opened]);
  return useCallback(() => {
    restore.current?.();
    restore.current = null;
  }, []);
}
