import { Group, Loader, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { notify } from '@/lib/notify/notify';
import { useUserIndex, type IndexStatus } from '../api/get-user-index';
import { userSearchKeys } from '../api/keys';

/**
 * When a walk this page watched ends: the searches made meanwhile are read again, and a finished
 * walk is announced (not the server's routine pick-ups, nor a cancelled or failed walk).
 */
export function useWalkEndNotice(app: string, status: IndexStatus | undefined) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const last = useRef<{ app: string; status: IndexStatus }>(undefined);
  useEffect(() => {
    if (!status) return;
    const before = last.current;
    last.current = { app, status };
    const walk = before?.app === app ? before.status.building : null;
    if (!walk || status.building) return;
    void queryClient.invalidateQueries({ queryKey: userSearchKeys.searches(app) });
    // Only a finished walk sets a new build time.
    if (walk.routine || status.lastBuiltAt === null || status.lastBuiltAt === before?.status.lastBuiltAt) return;
    notify({ color: 'green', message: t('userSearchBox.indexComplete', { app, count: status.count, users: status.count.toLocaleString(i18n.language) }) });
  }, [app, status, queryClient, t, i18n.language]);
}

/**
 * On the users list: how far the first build of the app's index has got (the server starts it by
 * itself), and a notification when it is done. Nothing once the index exists. Loaded after the
 * first screen (the route imports it lazily): the list does not wait for the index's state. Its
 * strings are in the core catalogue, so it does not bring the other pages' strings with it.
 */
export default function IndexBuildNotice({ app, quiet = false }: { app: string; /** The search results say it themselves. */ quiet?: boolean }) {
  const { t, i18n } = useTranslation();
  // Read again every 2 s while a walk runs (userIndexQueryOptions).
  const index = useUserIndex(app);
  useWalkEndNotice(app, index.data);
  const s = index.data;
  if (quiet || !s?.building || s.lastBuiltAt !== null) return null;
  return (
    <Group gap="xs" mb="sm" wrap="nowrap">
      <Loader size="xs" aria-hidden />
      <Text size="sm" c="dimmed">
        {t('userSearchBox.indexBuilding', { count: s.count, users: s.count.toLocaleString(i18n.language) })}
      </Text>
    </Group>
  );
}
