import { Alert, Group, SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { DataTable } from '@/components/data-table/data-table';
import type { ItemResult } from '@/lib/bulk/run-bulk';
import { needsAttention, type RowFilter } from './import-preview-state';
import { ImportRowStatus } from './import-row-status';
import type { ImportCheck, ImportRow } from './import-users-rows';
import { UserLink } from '@/components/user-link/user-link';

type ImportUsersPreviewProps = {
  check: ImportCheck | undefined;
  /** How many rows are valid (and so will be sent). */
  ready: number;
  outcomes: Map<string, ItemResult<string>>;
  app: string;
};

/** Every row as it was read, before anything is sent, and afterwards what the service said of it. */
export function ImportUsersPreview({ check, ready, outcomes, app }: ImportUsersPreviewProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<RowFilter>('all');
  const rows = check?.rows ?? [];
  const withProblems = rows.filter((r) => r.problems.length > 0).length;
  const shown = filter === 'problems' ? rows.filter((r) => needsAttention(r, outcomes)) : rows;

  return (
    <>
      {check && check.missingColumns.length > 0 && (
        <Alert color="red" role="alert" title={t('userRegister.headerMissing', { columns: check.missingColumns.join(', ') })}>
          {t('userRegister.headerHint')}
        </Alert>
      )}
      {check && check.ignoredColumns.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('userRegister.ignoredColumns', { columns: check.ignoredColumns.join(', ') })}
        </Text>
      )}

      {rows.length > 0 && (
        <>
          <Group justify="space-between">
            <Text size="sm" aria-live="polite">
              {t('userRegister.previewSummary', { count: rows.length, ready, problems: withProblems })}
            </Text>
            <SegmentedControl
              size="xs"
              aria-label={t('userRegister.filter')}
              value={filter}
              onChange={(v) => setFilter(v as RowFilter)}
              data={[
                { value: 'all', label: t('userRegister.filterAll', { count: rows.length }) },
                { value: 'problems', label: t('userRegister.filterProblems', { count: withProblems }) },
              ]}
            />
          </Group>
          <DataTable<ImportRow>
            aria-label={t('userRegister.previewLabel')}
            rows={shown}
            getRowId={(r) => String(r.line)}
            empty={{ title: t('userRegister.noProblems') }}
            maxHeight={480}
            columns={[
              { id: 'line', header: t('userRegister.line'), cell: (r) => r.line, width: 70 },
              {
                id: 'username',
                header: t('userRegister.username'),
                cell: (r) =>
                  outcomes.get(r.username)?.status === 'succeeded' && r.problems.length === 0 ? (
                    <UserLink app={app} username={r.username} />
                  ) : (
                    <>
                      {r.username || '—'}
                      {r.typed !== undefined && r.username !== '' && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({t('userRegister.typedAs', { typed: r.typed })})
                        </Text>
                      )}
                    </>
                  ),
              },
              {
                id: 'password',
                header: t('userRegister.password'),
                // Never the password itself: only whether there is one and how long.
                cell: (r) => (r.password ? t('userRegister.passwordMasked', { count: r.password.length }) : '—'),
              },
              { id: 'nickname', header: t('userRegister.nickname'), cell: (r) => r.nickname ?? '' },
              { id: 'status', header: t('userRegister.status'), cell: (r) => <ImportRowStatus row={r} outcome={outcomes.get(r.username)} /> },
            ]}
          />
        </>
      )}
    </>
  );
}
