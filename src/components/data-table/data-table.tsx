import { Button, Checkbox, Group, Loader, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state/error-state';

export type Column<Row> = {
  id: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  width?: number | string;
};

/** Row ids chosen by the page; ids from other pages may stay in the set. */
export type Selection = {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
};

/** The query's state; `queryStatus(query)` (query-status.ts) builds it from a TanStack Query result. */
export type TableStatus = {
  isPending: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** A background refresh: the rows stay and a small indicator shows. */
  isFetching?: boolean;
};

// Every table needs a name: a visible caption or an aria-label.
type TableName = { caption: ReactNode; 'aria-label'?: string } | { caption?: ReactNode; 'aria-label': string };

type TableBase<Row> = {
  columns: Column<Row>[];
  rows: Row[] | undefined;
  getRowId: (row: Row) => string;
  /** Omitted for rows that are already at hand (a report, say). */
  status?: TableStatus;
  /** Why the list is empty, in the page's words. */
  empty: { title: string; description?: string };
  selection?: Selection;
  /** Bulk actions for the selection, shown above the table next to the selection count. */
  toolbar?: ReactNode;
  /** Usually a `TablePagination`. */
  pagination?: ReactNode;
  /** Scroll height of a virtualised (large) page. */
  maxHeight?: number | string;
};

export type DataTableProps<Row> = TableBase<Row> & TableName;

/** Above this many rows only the rows in view are in the DOM. */
export const VIRTUALIZE_AFTER = 100;
const ROW_HEIGHT = 41;
const SKELETON_ROWS = 5;

type Resolved<Row> = TableBase<Row> & { name: string | undefined; caption?: ReactNode };

/** The one table of the console: loading, error with retry, empty, rows; selection, bulk toolbar and pagination. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { t } = useTranslation();
  const status: TableStatus = props.status ?? { isPending: false };
  const table: Resolved<Row> = { ...props, name: props['aria-label'] };
  const { rows, selection } = props;
  const failed = status.error !== undefined && status.error !== null;

  let body: ReactNode;
  let loading = false;
  if (rows && rows.length > 0) {
    body = rows.length > VIRTUALIZE_AFTER ? <VirtualTable {...table} rows={rows} /> : <PlainTable {...table} rows={rows} />;
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

function Caption({ caption }: { caption?: ReactNode }) {
  return caption ? <Table.Caption>{caption}</Table.Caption> : null;
}

function SkeletonTable<Row>({ name, caption, columns, selection }: Resolved<Row>) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table aria-label={name} aria-busy="true" captionSide="top">
        <Caption caption={caption} />
        <Table.Thead>
          <Table.Tr>
            {selection && <Table.Th w={40} />}
            {columns.map((c) => (
              <Table.Th key={c.id} w={c.width} scope="col">
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        {/* Placeholder rows mean nothing to a screen reader; the live region says "loading" instead. */}
        <Table.Tbody aria-hidden>
          {Array.from({ length: SKELETON_ROWS }, (_, i) => (
            <Table.Tr key={i} h={ROW_HEIGHT}>
              {selection && (
                <Table.Td>
                  <Skeleton h={18} w={18} />
                </Table.Td>
              )}
              {columns.map((c) => (
                <Table.Td key={c.id}>
                  <Skeleton h={14} w={`${60 + ((i * 7 + c.id.length * 13) % 35)}%`} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function HeaderRow<Row>({ columns, selection, rows, getRowId, rowIndex }: Resolved<Row> & { rows: Row[]; rowIndex?: number }) {
  const { t } = useTranslation();
  let chosen = 0;
  if (selection) for (const row of rows) if (selection.selected.has(getRowId(row))) chosen++;
  const all = chosen > 0 && chosen === rows.length;
  return (
    <Table.Tr aria-rowindex={rowIndex}>
      {selection && (
        <Table.Th w={40}>
          <Checkbox
            aria-label={t('dataTable.selectAll')}
            checked={all}
            indeterminate={chosen > 0 && !all}
            onChange={() => {
              // Indeterminate or empty → select the whole page; all selected → clear the page only.
              const next = new Set(selection.selected);
              for (const row of rows) {
                if (all) next.delete(getRowId(row));
                else next.add(getRowId(row));
              }
              selection.onChange(next);
            }}
          />
        </Table.Th>
      )}
      {columns.map((c) => (
        <Table.Th key={c.id} w={c.width} scope="col">
          {c.header}
        </Table.Th>
      ))}
    </Table.Tr>
  );
}

type BodyRowProps<Row> = Pick<Resolved<Row>, 'columns' | 'selection'> & {
  row: Row;
  id: string;
  rowIndex?: number;
  measure?: (el: HTMLTableRowElement | null) => void;
  dataIndex?: number;
};

function BodyRow<Row>({ row, id, columns, selection, rowIndex, measure, dataIndex }: BodyRowProps<Row>) {
  const { t } = useTranslation();
  const selected = selection?.selected.has(id) ?? false;
  return (
    <Table.Tr
      ref={measure}
      data-index={dataIndex}
      aria-rowindex={rowIndex}
      aria-selected={selection ? selected : undefined}
      h={ROW_HEIGHT}
      bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
    >
      {selection && (
        <Table.Td>
          <Checkbox
            aria-label={t('dataTable.selectRow', { id })}
            checked={selected}
            onChange={(e) => {
              const next = new Set(selection.selected);
              if (e.currentTarget.checked) next.add(id);
              else next.delete(id);
              selection.onChange(next);
            }}
          />
        </Table.Td>
      )}
      {columns.map((c) => (
        <Table.Td key={c.id}>{c.cell(row)}</Table.Td>
      ))}
    </Table.Tr>
  );
}

function PlainTable<Row>(props: Resolved<Row> & { rows: Row[] }) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table aria-label={props.name} highlightOnHover captionSide="top">
        <Caption caption={props.caption} />
        <Table.Thead>
          <HeaderRow {...props} />
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => {
            const id = props.getRowId(row);
            return <BodyRow key={id} id={id} row={row} columns={props.columns} selection={props.selection} />;
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

// Large pages (the roster answers up to 1,000 rows) render only the rows in view plus a margin;
// spacer rows keep the scroll height, and aria-rowcount/aria-rowindex tell screen readers the real size.
function VirtualTable<Row>(props: Resolved<Row> & { rows: Row[] }) {
  const { rows, getRowId, columns, selection } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // No React Compiler in this project, so its warning about the virtualiser's unmemoisable functions does not apply.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => getRowId(rows[i]!),
    overscan: 10,
    // Before the first measurement, assume a typical viewport rather than rendering nothing.
    initialRect: { width: 800, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));
  const span = columns.length + (selection ? 1 : 0);
  return (
    <Table.ScrollContainer
      ref={scrollRef}
      type="native"
      minWidth={480}
      style={{ maxHeight: props.maxHeight ?? '70vh', overflowY: 'auto' }}
      // Focusable so keyboard users can scroll it; named like the table it holds.
      tabIndex={0}
      role="region"
      aria-label={props.name}
    >
      <Table aria-label={props.name} aria-rowcount={rows.length + 1} highlightOnHover stickyHeader captionSide="top">
        <Caption caption={props.caption} />
        <Table.Thead>
          <HeaderRow {...props} rowIndex={1} />
        </Table.Thead>
        <Table.Tbody>
          {top > 0 && <Spacer height={top} span={span} />}
          {items.map((v) => {
            const row = rows[v.index]!;
            return (
              <BodyRow
                key={v.key}
                id={String(v.key)}
                row={row}
                columns={columns}
                selection={selection}
                rowIndex={v.index + 2}
                dataIndex={v.index}
                measure={virtualizer.measureElement}
              />
            );
          })}
          {bottom > 0 && <Spacer height={bottom} span={span} />}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden>
      <td colSpan={span} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
