import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import type { BulkProgress } from '@/lib/bulk/run-bulk';

type RunProgressProps = {
  progress: BulkProgress | undefined;
  cancelling: boolean;
  onCancel: () => void;
};

/** A run in flight: how far it is, whether the service is slowing it down, and Cancel for the rest. */
export function RunProgress({ progress: p, cancelling, onCancel }: RunProgressProps) {
  const { t } = useTranslation();
  const value = p && p.total > 0 ? (p.done / p.total) * 100 : 0;
  return (
    <Stack>
      <Progress value={value} aria-label={t('bulk.progress')} striped />
      <Text size="sm" role="status" aria-live="polite" data-step-focus tabIndex={-1}>
        {p ? t('bulk.progressText', { ...p }) : ''}
      </Text>
      {p?.throttled && (
        <Alert color="yellow" p="xs">
          {t('bulk.throttled')}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" color="red" onClick={onCancel} disabled={cancelling}>
          {cancelling ? t('bulk.cancelling') : t('bulk.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
