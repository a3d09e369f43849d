// How much confirmation an action asks for, decided in one place so every page asks the same.

/** More items than this in one action is "large": the name must be typed even when Undo exists. */
export const LARGE_BATCH = 20;

/**
 * What must be typed before an action starts: nothing for a small action that Undo can take back
 * (one confirmation is enough); `name` for one that cannot be undone or touches many at once.
 */
export function typedConfirmation(name: string, action: { undoable: boolean; count: number }): string | undefined {
  return !action.undoable || action.count > LARGE_BATCH ? name : undefined;
}
