import { lazy, Suspense } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { loadNotifications, setCloseLabel, useNotificationsNeeded } from './notify';

const Notifications = lazy(async () => {
  const [{ Notifications }] = await Promise.all([loadNotifications(), import('@mantine/notifications/styles.css')]);
  return { default: Notifications };
});

/** Mounted once by the app; renders Mantine's notifications from the first `notify()` on. */
export function NotificationsHost() {
  const { t } = useTranslation();
  setCloseLabel(t('common.closeNotification'));
  return useNotificationsNeeded() ? (
    <Suspense fallback={null}>
      <Notifications />
    </Suspense>
  ) : null;
}
