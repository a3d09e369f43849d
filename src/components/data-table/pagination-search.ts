import * as z from 'zod/mini';
import type { CursorPaginationProps, PagePaginationProps } from './table-pagination';

// Pagination lives in the URL, validated per route with the endpoint's bounds: a reload, Back or
// a shared link shows the same page, and a hand-edited `?limit=abc` is corrected, not a crash.

type Bounds = { fallback: number; min: number; max: number };

const boundedInt = ({ fallback, min, max }: Bounds) =>
  z.catch(z._default(z.int().check(z.minimum(min), z.maximum(max)), fallback), fallback);

export type CursorSearch = { limit: number; cursor?: string; prev?: string[] };
export type PageSearch = { pagenum: number; pagesize: number };

/** `{ limit, cursor?, prev? }`: `prev` is the stack of the earlier pages' cursors ("" = first page). */
export const cursorSearchSchema = (limit: Bounds) =>
  z.object({
    limit: boundedInt(limit),
    cursor: z.catch(z.optional(z.string()), undefined),
    prev: z.catch(z.optional(z.array(z.string())), undefined),
  });

export const pageSearchSchema = (pagesize: Bounds) =>
  z.object({
    pagenum: boundedInt({ fallback: 1, min: 1, max: 1_000_000 }),
    pagesize: boundedInt(pagesize),
  });

export const nextCursorSearch = <S extends CursorSearch>(s: S, next: string): S => ({
  ...s,
  cursor: next,
  prev: [...(s.prev ?? []), s.cursor ?? ''],
});

export const prevCursorSearch = <S extends CursorSearch>(s: S): S => {
  const prev = [...(s.prev ?? [])];
  const cursor = prev.pop();
  return { ...s, cursor: cursor || undefined, prev: prev.length > 0 ? prev : undefined };
};

/** A new page size starts again from the first page. */
export const withLimit = <S extends CursorSearch>(s: S, limit: number): S => ({ ...s, limit, cursor: undefined, prev: undefined });

export const nextPageSearch = <S extends PageSearch>(s: S): S => ({ ...s, pagenum: s.pagenum + 1 });
export const prevPageSearch = <S extends PageSearch>(s: S): S => ({ ...s, pagenum: Math.max(1, s.pagenum - 1) });
export const withPageSize = <S extends PageSearch>(s: S, pagesize: number): S => ({ ...s, pagesize, pagenum: 1 });

/** TablePagination props for a cursor page: `go` navigates to new search params. */
export function cursorPagination<S extends CursorSearch>(
  search: S,
  nextCursor: string | null | undefined,
  go: (next: S) => void,
  pageSizeOptions: number[],
): CursorPaginationProps {
  return {
    mode: 'cursor',
    page: (search.prev?.length ?? 0) + 1,
    pageSize: search.limit,
    pageSizeOptions,
    hasPrevious: (search.prev?.length ?? 0) > 0,
    // The last page carries no cursor (absent or null; an empty string is treated the same).
    hasNext: Boolean(nextCursor),
    onPrevious: () => go(prevCursorSearch(search)),
    onNext: () => nextCursor && go(nextCursorSearch(search, nextCursor)),
    onPageSize: (size) => go(withLimit(search, size)),
  };
}

/** TablePagination props for a page-number page: a short page is the last one. */
export function pagePagination<S extends PageSearch>(
  search: S,
  rowCount: number | undefined,
  go: (next: S) => void,
  pageSizeOptions: number[],
): PagePaginationProps {
  return {
    mode: 'page',
    page: search.pagenum,
    pageSize: search.pagesize,
    rowCount: rowCount ?? 0,
    pageSizeOptions,
    hasPrevious: search.pagenum > 1,
    hasNext: rowCount === search.pagesize,
    onPrevious: () => go(prevPageSearch(search)),
    onNext: () => go(nextPageSearch(search)),
    onPageSize: (size) => go(withPageSize(search, size)),
  };
}
