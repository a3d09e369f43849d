import { Button, Group, Paper, Title } from '@mantine/core';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';

// Rarely opened: its form loads when it is.
const DangerZonePanel = lazy(() => import('./danger-zone-panel'));

/**
 * `DELETE P/users?limit=N`: the service deletes N users of its own choosing, the oldest first.
 * Collapsed by default; the count must be typed again to confirm; the answer lists who went.
 */
export function DangerZone({ app }: { app: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const can = useCan();
  // `DELETE users?limit` is admin only: other roles do not see the zone at all.
  if (!can('delete', 'users')) return null;
  return (
    <Paper withBorder p="md" mt="xl" style={{ borderColor: 'var(--mantine-color-red-outline)' }}>
      <Group justify="space-between">
        {/* Red 8 on light and red 4 on dark both keep 4.5:1 against the page. */}
        <Title order={2} size="h4" c="light-dark(var(--mantine-color-red-8), var(--mantine-color-red-4))">
          {t('usersList.dangerZone')}
        </Title>
        <Button variant="subtle" color="red" size="xs" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
          {open ? t('usersList.dangerHide') : t('usersList.dangerShow')}
        </Button>
      </Group>
      {open && (
        <Suspense fallback={null}>
          <DangerZonePanel app={app} id={panelId} />
        </Suspense>
      )}
    </Paper>
  );
}
