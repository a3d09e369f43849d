import type { TableStatus } from './data-table';

/** The parts of a TanStack Query result the table reads (a `UseQueryResult` fits). */
type QueryLike = {
  isPending: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
};

/** `status={queryStatus(query)}`: the DataTable's four states from one query. */
export function queryStatus(query: QueryLike): TableStatus {
  return {
    isPending: query.isPending,
    error: query.error,
    isFetching: query.isFetching,
    onRetry: () => void query.refetch(),
  };
}
