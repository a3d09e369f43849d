import { Text } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';

/** The text that says what a step is about; focus lands on it when the step has no field. */
export function StepText({ children }: { children: ReactNode }) {
  return (
    <Text data-step-focus tabIndex={-1} style={{ outlineOffset: 2 }}>
      {children}
    </Text>
  );
}

/**
 * Moves focus when the dialog goes to another step (input → confirm → progress → report), so
 * keyboard and screen-reader users land on the new step instead of on a button that went away:
 * its field if it has one, else the element marked `data-step-focus` (what the step is about).
 */
export function useStepFocus(step: string, opened: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!opened) {
      shown.current = undefined;
      return;
    }
    // The first step is focused by the dialog itself when it opens.
    if (shown.current !== undefined && shown.current !== step) {
      const root = ref.current;
      const target = root?.querySelector<HTMLElement>('[data-autofocus]') ?? root?.querySelector<HTMLElement>('[data-step-focus]');
      target?.focus();
    }
    shown.current = step;
  }, [step, opened]);
  return ref;
}
