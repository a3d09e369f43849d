import { lazy, Suspense } from 'react';
import { loadNotifications, useNotificationsNeeded } from './notify';

const Notifications = lazy(async () => {
  const [{ Notifications }] = await Promise.all([loadNotifications(), import('@mantine/notifications/styles.css')]);
  return { default: Notifications };
});

/** Mounted once by the app; renders Mantine's notifications from the first `notify()` on. */
export function NotificationsHost() {
  return useNotificationsNeeded() ? (
    <Suspense fallback={null}>
      <Notifications />
    </Suspense>
  ) : null;
}
