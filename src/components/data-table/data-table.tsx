import { Button, Group, Loader, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/error-state/error-state';
import { lazyPart } from './lazy-part';
import { BodyRow, Caption, HeaderRow, HorizontalScroll, ROW_HEIGHT, TableElement } from './table-parts';
import type { DataTableProps, Resolved, TableStatus } from './table-types';

export type { Column, DataTableProps, Selection, TableSource, TableStatus } from './table-types';

/** Above this many rows only the rows in view are in the DOM. */
export const VIRTUALIZE_AFTER = 100;
const SKELETON_ROWS = 5;

// Only rosters and "show all" lists reach this size: the virtualiser loads when one does.
type VirtualTableComponent = <Row>(props: Resolved<Row> & { rows: Row[] }) => ReactNode;
const virtualTable = lazyPart<VirtualTableComponent>(() => import('./virtual-table'));
/**
 * For a route that knows a large page is coming (a roster at 1,000 a page): call it in the loader,
 * so the table's code arrives with the data rather than after it.
 */
export const preloadVirtualTable = virtualTable.preload;

/** The one table of the console: loading, error with retry, empty, rows; selection, bulk toolbar and pagination. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { t } = useTranslation();
  const status: TableStatus = props.status ?? { isPending: false };
  const table: Resolved<Row> = { ...props, name: props['aria-label'] };
  const { rows, selection } = props;
  const failed = status.error !== undefined && status.error !== null;

  const virtual = virtualTable.usePart(Boolean(rows && rows.length > VIRTUALIZE_AFTER));

  let body: ReactNode;
  let loading = false;
  if (rows && rows.length > VIRTUALIZE_AFTER) {
    if (virtual.Part) {
      body = <virtual.Part {...table} rows={rows} />;
    } else if (virtual.error !== undefined) {
      body = <ErrorState error={virtual.error} onRetry={virtual.retry} title={t('dataTable.loadFailed')} />;
    } else {
      body = <SkeletonTable {...table} />;
      loading = true;
    }
  } else if (rows && rows.length > 0) {
    body = <PlainTable {...table} rows={rows} />;
  } else if (rows) {
    body = <EmptyState {...props.empty} />;
  } else if (failed && !status.isFetching) {
    // Only a failed first load replaces the table; a failed refresh keeps the rows (and notifies elsewhere).
    body = <ErrorState error={status.error} onRetry={status.onRetry} title={t('dataTable.loadFailed')} />;
  } else if (status.isPending || status.isFetching) {
    // Also while retrying after an error, so the Retry click visibly does something.
    body = <SkeletonTable {...table} />;
    loading = true;
  } else {
    body = <EmptyState {...props.empty} />;
  }

  const refreshing = Boolean(status.isFetching && rows);
  const selectedCount = selection?.selected.size ?? 0;
  // Query-backed tables keep the bar's space, so a refresh does not shift the rows down.
  const live = props.status !== undefined;
  const withBar = Boolean(props.toolbar || selection || live);
  return (
    <Stack gap="sm">
      {/* Always-present live regions (not role=status, which pages use for their own messages), so
          screen readers hear the first load start; background refreshes stay quiet. */}
      {live && (
        <VisuallyHidden aria-live="polite" aria-atomic>
          {loading ? t('dataTable.loading') : ''}
        </VisuallyHidden>
      )}
      {withBar && (
        <Group justify="space-between" mih={30} gap="sm">
          <Group gap="xs">
            {selection && (
              // A live region must exist before it changes; while empty it is taken out of the flow.
              <Text size="sm" aria-live="polite" aria-atomic pos={selectedCount > 0 ? undefined : 'absolute'}>
                {selectedCount > 0 ? t('dataTable.selectedCount', { count: selectedCount }) : ''}
              </Text>
            )}
            {selection && selectedCount > 0 && (
              <Button variant="subtle" size="compact-sm" onClick={() => selection.onChange(new Set())}>
                {t('dataTable.clearSelection')}
              </Button>
            )}
            {props.toolbar}
          </Group>
          <Group gap={6}>
            {refreshing && (
              <>
                <Loader size="xs" aria-hidden />
                <Text size="sm" c="dimmed">
                  {t('dataTable.refreshing')}
                </Text>
              </>
            )}
          </Group>
        </Group>
      )}
      {body}
      {props.pagination}
    </Stack>
  );
}

function EmptyState({ title, description }: { title: string; description?: string }) {
  return (
    <Stack gap={4} py="xl" align="center">
      <Text fw={600}>{title}</Text>
      {description && (
        <Text c="dimmed" size="sm" ta="center">
          {description}
        </Text>
      )}
    </Stack>
  );
}

function SkeletonTable<Row>({ name, caption, columns, selection }: Resolved<Row>) {
  return (
    <HorizontalScroll>
      <TableElement aria-label={name} aria-busy="true">
        <Caption caption={caption} />
        <thead>
          <tr>
            {selection && <th style={{ width: 40 }} />}
            {columns.map((c) => (
              <th key={c.id} style={{ width: c.width }} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        {/* Placeholder rows mean nothing to a screen reader; the live region says "loading" instead. */}
        <tbody aria-hidden>
          {Array.from({ length: SKELETON_ROWS }, (_, i) => (
            <tr key={i} style={{ height: ROW_HEIGHT }}>
              {selection && (
                <td>
                  <Skeleton h={18} w={18} />
                </td>
              )}
              {columns.map((c) => (
                <td key={c.id}>
                  <Skeleton h={14} w={`${60 + ((i * 7 + c.id.length * 13) % 35)}%`} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </TableElement>
    </HorizontalScroll>
  );
}

function PlainTable<Row>(props: Resolved<Row> & { rows: Row[] }) {
  return (
    <HorizontalScroll>
      <TableElement aria-label={props.name}>
        <Caption caption={props.caption} />
        <thead>
          <HeaderRow {...props} />
        </thead>
        <tbody>
          {props.rows.map((row) => {
            const id = props.getRowId(row);
            return <BodyRow key={id} id={id} row={row} columns={props.columns} selection={props.selection} />;
          })}
        </tbody>
      </TableElement>
    </HorizontalScroll>
  );
}
