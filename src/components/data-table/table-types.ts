import type { ReactNode } from 'react';

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
  /** Rows that may not be chosen (a group's owner, say) get a disabled box. */
  canSelect?: (id: string) => boolean;
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

/** Props after the name is resolved: what the table's parts receive. */
export type Resolved<Row> = TableBase<Row> & { name: string | undefined; caption?: ReactNode };

/**
 * What a table shows, from whichever call feeds it: for a table that another part fills (the users
 * table, with a page of the list or a search of the index).
 */
export type TableSource<Row> = {
  'aria-label': string;
  rows: Row[] | undefined;
  status: TableStatus;
  empty: { title: string; description?: string };
  pagination: ReactNode;
  /** A line beside the bulk actions (a search's index age). */
  note?: ReactNode;
};
