import { Badge, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { describeError } from '@/lib/api-client/describe-error';
import type { ItemResult, ItemStatus } from '@/lib/bulk/run-bulk';
import { DataTable } from '@/components/data-table/data-table';

type Filter = 'all' | ItemStatus;

const STATUS_COLOR: Record<ItemStatus, string> = { succeeded: 'green', failed: 'red', skipped: 'gray' };

type RunReportProps = {
  results: ItemResult<string>[];
  onRetry: () => void;
  onClose: () => void;
  /** Says whose report this is (the undo's). */
  heading?: string;
  undo?: { label: string; onClick: () => void };
};

/** A finished run, item by item: the outcome and what to do next first, then a filterable table. */
export function RunReport({ results, onRetry, onClose, heading, undo }: RunReportProps) {
  const { t } = useTranslation();
  const clipboard = useClipboard({ timeout: 1500 });
  const [filter, setFilter] = useState<Filter>('all');
  const count = (s: ItemStatus) => results.filter((r) => r.status === s).length;
  const failed = results.filter((r) => r.status === 'failed');
  const shown = filter === 'all' ? results : results.filter((r) => r.status === filter);
  const reason = (r: ItemResult<string>) =>
    r.reason ?? (r.error !== undefined ? describeError(t, r.error) : r.status === 'skipped' ? t('bulk.skippedReason') : '');

  // The outcome and what to do next come first, in view without scrolling however long the list
  // of items below: a 70-member run must not push Undo 3,000 px down.
  return (
    <Stack>
      {heading && (
        <Text size="sm" c="dimmed">
          {heading}
        </Text>
      )}
      <Group justify="space-between" align="center" gap="sm">
        <Text fw={600} role="status" data-step-focus tabIndex={-1}>
          {t('bulk.summary', { succeeded: count('succeeded'), failed: count('failed'), skipped: count('skipped') })}
        </Text>
        <Group gap="xs">
          {undo && <Button onClick={undo.onClick}>{undo.label}</Button>}
          {failed.length > 0 && (
            <>
              <Button variant="default" onClick={() => clipboard.copy(failed.map((r) => r.item).join('\n'))}>
                {clipboard.copied ? t('bulk.copied') : t('bulk.copyFailed')}
              </Button>
              <Button variant={undo ? 'default' : 'filled'} onClick={onRetry}>
                {t('bulk.retryFailed')}
              </Button>
            </>
          )}
          <Button variant="default" onClick={onClose}>
            {t('bulk.close')}
          </Button>
        </Group>
      </Group>
      <SegmentedControl
        aria-label={t('bulk.filter')}
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={[
          { value: 'all', label: `${t('bulk.all')} ${results.length}` },
          { value: 'succeeded', label: `${t('bulk.succeeded')} ${count('succeeded')}` },
          { value: 'failed', label: `${t('bulk.failed')} ${count('failed')}` },
          { value: 'skipped', label: `${t('bulk.skipped')} ${count('skipped')}` },
        ]}
      />
      <DataTable
        aria-label={t('bulk.summary', { succeeded: count('succeeded'), failed: count('failed'), skipped: count('skipped') })}
        rows={shown}
        getRowId={(r) => r.item}
        empty={{ title: '—' }}
        maxHeight="50vh"
        columns={[
          { id: 'name', header: t('bulk.name'), cell: (r) => r.item },
          {
            id: 'status',
            header: t('bulk.status'),
            cell: (r) => (
              <Badge variant="dot" color={STATUS_COLOR[r.status]}>
                {t(`bulk.${r.status}`)}
              </Badge>
            ),
          },
          { id: 'reason', header: t('bulk.reason'), cell: reason },
        ]}
      />
    </Stack>
  );
}
