import { Checkbox, Group, Loader, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../error-state/error-state';

export type Column<Row> = {
  id: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  width?: number | string;
};

export type Selection = {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
};

export type DataTableProps<Row> = {
  /** The table's accessible name. */
  label: string;
  columns: Column<Row>[];
  rows: Row[] | undefined;
  getRowId: (row: Row) => string;
  isPending: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** A background refresh: rows stay, a small indicator shows. */
  isFetching?: boolean;
  /** Why the list is empty, in the page's words. */
  empty: { title: string; description?: string };
  selection?: Selection;
  /** Bulk actions for the selection, shown above the table. */
  toolbar?: ReactNode;
  pagination?: ReactNode;
};

const ROW_HEIGHT = 41;
/** Above this many rows only the visible ones are rendered. */
export const VIRTUALIZE_AFTER = 100;

/** The one table of the console: loading, error with retry, empty, rows; selection and pagination. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { t } = useTranslation();
  const { rows, isPending, error, selection, columns } = props;
  const width = columns.length + (selection ? 1 : 0);

  let body: ReactNode;
  if (isPending) {
    body = (
      <Stack gap={6} aria-busy="true" aria-label={t('dataTable.loading')} role="status">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} h={28} />
        ))}
      </Stack>
    );
  } else if (error !== undefined && error !== null && !rows) {
    body = <ErrorState error={error} onRetry={props.onRetry} />;
  } else if (!rows || rows.length === 0) {
    body = (
      <Stack gap={4} py="xl" align="center" role="status">
        <Text fw={600}>{props.empty.title}</Text>
        {props.empty.description && (
          <Text c="dimmed" size="sm" ta="center">
            {props.empty.description}
          </Text>
        )}
      </Stack>
    );
  } else {
    body = rows.length > VIRTUALIZE_AFTER ? <VirtualRows {...props} rows={rows} width={width} /> : <PlainRows {...props} rows={rows} />;
  }

  return (
    <Stack gap="sm">
      {(props.toolbar || props.isFetching) && (
        <Group justify="space-between" mih={28}>
          <Group gap="xs">{props.toolbar}</Group>
          {props.isFetching && !isPending && (
            <Group gap={6} role="status">
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                {t('dataTable.refreshing')}
              </Text>
            </Group>
          )}
        </Group>
      )}
      {body}
      {props.pagination}
    </Stack>
  );
}

function HeaderRow<Row>({ columns, selection, rows, getRowId }: DataTableProps<Row> & { rows: Row[] }) {
  const { t } = useTranslation();
  const ids = rows.map(getRowId);
  const chosen = selection ? ids.filter((id) => selection.selected.has(id)).length : 0;
  return (
    <Table.Tr>
      {selection && (
        <Table.Th w={40}>
          <Checkbox
            aria-label={t('dataTable.selectAll')}
            checked={chosen > 0 && chosen === ids.length}
            indeterminate={chosen > 0 && chosen < ids.length}
            onChange={(e) => {
              const next = new Set(selection.selected);
              for (const id of ids) {
                if (e.currentTarget.checked) next.add(id);
                else next.delete(id);
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

function BodyRow<Row>({ row, columns, selection, getRowId, index }: DataTableProps<Row> & { row: Row; index?: number }) {
  const { t } = useTranslation();
  const id = getRowId(row);
  const selected = selection?.selected.has(id) ?? false;
  return (
    <Table.Tr aria-rowindex={index} aria-selected={selection ? selected : undefined} h={ROW_HEIGHT}>
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

function PlainRows<Row>(props: DataTableProps<Row> & { rows: Row[] }) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table aria-label={props.label} highlightOnHover>
        <Table.Thead>
          <HeaderRow {...props} />
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <BodyRow key={props.getRowId(row)} {...props} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

// Large pages (the roster answers up to 1,000 rows) render only what is in view, with spacer rows
// keeping the scroll height; aria-rowcount/rowindex tell screen readers the real size.
function VirtualRows<Row>(props: DataTableProps<Row> & { rows: Row[]; width: number }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // No React Compiler here, so the unmemoisable functions it warns about are fine.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({
    count: props.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 800, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scrollRef} style={{ maxHeight: '70vh', overflow: 'auto' }} tabIndex={0} aria-label={props.label} role="region">
      <Table aria-label={props.label} aria-rowcount={props.rows.length + 1} highlightOnHover stickyHeader>
        <Table.Thead>
          <HeaderRow {...props} />
        </Table.Thead>
        <Table.Tbody>
          {top > 0 && <tr aria-hidden style={{ height: top }}><td colSpan={props.width} /></tr>}
          {items.map((v) => (
            <BodyRow key={props.getRowId(props.rows[v.index]!)} {...props} row={props.rows[v.index]!} index={v.index + 2} />
          ))}
          {bottom > 0 && <tr aria-hidden style={{ height: bottom }}><td colSpan={props.width} /></tr>}
        </Table.Tbody>
      </Table>
    </div>
  );
}
