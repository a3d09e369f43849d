import { useSyncExternalStore } from 'react';

export type Note = { color: 'red' | 'green' | 'yellow'; title?: string; message: string };

// Notifications appear only after an action or a failure, so Mantine's notification code loads with
// the first one instead of weighing on every first screen.
let mounted = false;
const listeners = new Set<() => void>();
let mantine: Promise<typeof import('@mantine/notifications')> | undefined;
// The close button's accessible name, in the UI language (kept current by NotificationsHost).
let closeLabel = 'Close';
export const setCloseLabel = (label: string) => {
  closeLabel = label;
};

export const loadNotifications = () => (mantine ??= import('@mantine/notifications'));

/** Shows a notification (success in green, failure in red). */
export function notify(note: Note): void {
  if (!mounted) {
    mounted = true;
    listeners.forEach((l) => l());
  }
  void loadNotifications().then(({ notifications }) => notifications.show({ ...note, closeButtonProps: { 'aria-label': closeLabel } }));
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** True once something has been notified: the host then mounts Mantine's <Notifications />. */
export const useNotificationsNeeded = () => useSyncExternalStore(subscribe, () => mounted);
