import { Anchor, Badge, Group, List, Stack, Text, VisuallyHidden } from '@mantine/core';
import { DataTable } from '@/components/data-table/data-table';
import { cursorPage, pagePagination } from '@/components/data-table/pagination-search';
import { queryStatus } from '@/components/data-table/query-status';
import { TablePagination } from '@/components/data-table/table-pagination';
import { formatDateTime } from '@/lib/i18n/format';
import { useTranslation } from '@/lib/i18n/react';
import { auditCsvUrl, auditPageOf, useAudit, type AuditEntry, type AuditFilters, type AuditSearch } from '../api/get-audit';
import { AuditCall, isSessionEntry } from './audit-call';

export const AUDIT_PAGE_SIZES = [20, 50, 100, 200] as const;

type Props<S extends AuditSearch> = {
  filters: AuditFilters;
  search: S;
  onSearch: (next: S) => void;
};

/** The audit log, newest first, by numbered pages (the server counts the filtered log), with a CSV download of the same filters. */
export function AuditTable<S extends AuditSearch>({ filters, search, onSearch }: Props<S>) {
  const { t, i18n } = useTranslation();
  const audit = useAudit(filters, auditPageOf(search));
  // An old link's cursor page keeps the number it had (one per page before it); any move goes by number.
  const shown = search.cursor ? { ...search, pagenum: cursorPage({ limit: search.pagesize, cursor: search.cursor, prev: search.prev }) } : search;
  const pagination = pagePagination(shown, audit.data?.entries.length, (next) => onSearch({ ...next, cursor: undefined, prev: undefined }), AUDIT_PAGE_SIZES, audit.data?.total);
  const filtered = Object.values(filters).some(Boolean);
  return (
    <DataTable<AuditEntry>
      aria-label={t('audit.label')}
      rows={audit.data?.entries}
      getRowId={(e) => String(e.id)}
      status={queryStatus(audit)}
      empty={{ title: t('audit.empty'), description: filtered ? t('audit.emptyFiltered') : t('audit.emptyHint') }}
      toolbar={
        <Anchor href={auditCsvUrl(filters)} download size="sm">
          {t('audit.downloadCsv')}
        </Anchor>
      }
      columns={[
        { id: 'time', header: t('audit.time'), cell: (e) => formatDateTime(Date.parse(e.time), i18n.language), width: 170 },
        {
          id: 'operator',
          header: t('audit.operator'),
          cell: (e) =>
            e.operator ?? (
              <Text c="dimmed" size="sm">
                {/* A refused sign-in has nobody behind it; other rows without one come from a console without sign-in. */}
                {isSessionEntry(e) ? t('audit.notSignedIn') : t('audit.noOperator')}
              </Text>
            ),
        },
        {
          id: 'app',
          header: t('audit.app'),
          cell: (e) =>
            e.app || (
              <Text c="dimmed" size="sm">
                {t('audit.consoleItself')}
              </Text>
            ),
        },
        { id: 'call', header: t('audit.call'), cell: (e) => <AuditCall entry={e} /> },
        { id: 'status', header: t('audit.status'), cell: (e) => <StatusBadge status={e.status} /> },
        { id: 'summary', header: t('audit.summary'), cell: (e) => <Summary entry={e} /> },
      ]}
      pagination={<TablePagination {...pagination} disabled={audit.isPlaceholderData} />}
    />
  );
}

function StatusBadge({ status }: { status: number | null }) {
  const { t } = useTranslation();
  if (status === null) return <UnknownOutcome />;
  const ok = status >= 200 && status < 300;
  return (
    <Badge variant="dot" color={ok ? 'green' : 'red'}>
      {ok ? t('audit.statusOk', { status }) : t('audit.statusFailed', { status })}
    </Badge>
  );
}

/**
 * The row was written before the call went out and the server stopped before the answer came:
 * the change may or may not have happened, so neither green nor red, and the operator should look.
 */
function UnknownOutcome() {
  const { t } = useTranslation();
  const hint = t('audit.statusUnknownHint');
  return (
    <>
      <Badge variant="dot" color="orange" title={hint}>
        {t('audit.statusUnknown')}
      </Badge>
      <VisuallyHidden>{hint}</VisuallyHidden>
    </>
  );
}

/** What was sent (secrets already removed by the server), and for a batch each item's outcome. */
function Summary({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const items = entry.items ?? [];
  const failed = items.filter((i) => !i.ok);
  return (
    <Stack gap={4} maw={420}>
      {entry.summary && (
        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-word' }}>
          {entry.summary}
        </Text>
      )}
      {items.length > 0 && (
        <details>
          <summary>
            <Text span size="xs">
              {t('audit.itemsSummary', { count: items.length, failed: failed.length })}
            </Text>
          </summary>
          <List size="xs" spacing={2} mt={4}>
            {items.map((i) => (
              <List.Item key={i.target}>
                <Group gap={4} wrap="nowrap">
                  <Text span size="xs" fw={500}>
                    {i.target}
                  </Text>
                  <Text span size="xs" c={i.ok ? 'green' : 'red'}>
                    {i.ok ? t('audit.itemOk') : i.reason ? t('audit.itemFailedBecause', { reason: i.reason }) : t('audit.itemFailed')}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        </details>
      )}
    </Stack>
  );
}
