import * as z from 'zod/mini';
import type { CursorPaginationProps, PagePaginationProps } from './table-pagination';

// Pagination lives in the URL, validated per route with the endpoint's bounds: a reload, Back or a
// shared link shows the same page, and a hand-edited `?limit=abc` is corrected rather than a crash.
// The schemas are plain objects, so a route can add its own params with `z.extend(schema, {...})`.

export type CursorBounds = { defaultLimit: number; min: number; max: number };
export type PageBounds = { defaultSize: number; min: number; max: number };

export type CursorSearch = { limit: number; cursor?: string; prev?: string[] };
export type PageSearch = { pagenum: number; pagesize: number };

/** An integer in [min, max]: out-of-range numbers are clamped, anything else (or nothing) becomes the default. */
const boundedInt = (fallback: number, min: number, max: number) =>
  z._default(
    z.catch(
      z.pipe(
        z.number(),
        z.transform((n) => Math.min(max, Math.max(min, Math.trunc(n)))),
      ),
      fallback,
    ),
    fallback,
  );

/** `{ limit, cursor?, prev? }`: `prev` is the stack of the earlier pages' cursors, `''` standing for the first page. */
export const cursorSearch = ({ defaultLimit, min, max }: CursorBounds) =>
  z.object({
    limit: boundedInt(defaultLimit, min, max),
    // An empty cursor means "first page" here; the API never hands one out (STACK-NOTES.md).
    cursor: z.catch(z.optional(z.string().check(z.minLength(1))), undefined),
    prev: z.catch(z.optional(z.array(z.string())), undefined),
  });

/** `{ pagenum, pagesize }`, 1-based page number. */
export const pageSearch = ({ defaultSize, min, max }: PageBounds) =>
  z.object({
    pagenum: boundedInt(1, 1, Number.MAX_SAFE_INTEGER),
    pagesize: boundedInt(defaultSize, min, max),
  });

// The stack only means something while a cursor is set: on the first page it is ignored.
const stackOf = (s: CursorSearch) => (s.cursor ? (s.prev ?? []) : []);

/** Forward: the current cursor (`''` on the first page) goes onto the stack. */
export const nextCursorSearch = <S extends CursorSearch>(s: S, nextCursor: string): S => ({
  ...s,
  cursor: nextCursor,
  prev: [...stackOf(s), s.cursor ?? ''],
});

/** Back: pop the stack. A cursor with no stack (a link cut short) goes back to the first page. */
export const prevCursorSearch = <S extends CursorSearch>(s: S): S => {
  const prev = [...stackOf(s)];
  const cursor = prev.pop();
  return { ...s, cursor: cursor || undefined, prev: cursor && prev.length > 0 ? prev : undefined };
};

/** A new page size starts again from the first page (old cursors were cut for the old size). */
export const withLimit = <S extends CursorSearch>(s: S, limit: number): S => ({ ...s, limit, cursor: undefined, prev: undefined });

export const nextPageSearch = <S extends PageSearch>(s: S): S => ({ ...s, pagenum: s.pagenum + 1 });
export const prevPageSearch = <S extends PageSearch>(s: S): S => ({ ...s, pagenum: Math.max(1, s.pagenum - 1) });
/** A new page size starts again from page 1. */
export const withPageSize = <S extends PageSearch>(s: S, pagesize: number): S => ({ ...s, pagesize, pagenum: 1 });

/** 1-based page number of a cursor search. */
export const cursorPage = (s: CursorSearch) => (s.cursor ? Math.max(1, stackOf(s).length) + 1 : 1);

/**
 * TablePagination props for a cursor page.
 * `nextCursor` is the answer's `cursor`; `go` navigates, e.g. `(s) => void navigate({ search: s })`.
 */
export function cursorPagination<S extends CursorSearch>(
  search: S,
  nextCursor: string | null | undefined,
  go: (next: S) => void,
  pageSizeOptions: readonly number[],
): CursorPaginationProps {
  return {
    mode: 'cursor',
    page: cursorPage(search),
    pageSize: search.limit,
    pageSizeOptions,
    hasPrevious: Boolean(search.cursor),
    // The last page carries no cursor (absent or null); an empty string is treated the same.
    hasNext: Boolean(nextCursor),
    onPrevious: () => go(prevCursorSearch(search)),
    onNext: () => {
      if (nextCursor) go(nextCursorSearch(search, nextCursor));
    },
    onPageSize: (size) => go(withLimit(search, size)),
  };
}

/**
 * TablePagination props for a page-number page.
 * `rowCount` is the answer's row count (undefined while loading); a short page is the last one.
 * `total`, when known from elsewhere (a group's member count), numbers the pages and ends them.
 */
export function pagePagination<S extends PageSearch>(
  search: S,
  rowCount: number | undefined,
  go: (next: S) => void,
  pageSizeOptions: readonly number[],
  total?: number,
): PagePaginationProps {
  const pageCount = total === undefined ? undefined : Math.max(1, Math.ceil(total / search.pagesize));
  return {
    mode: 'page',
    page: search.pagenum,
    pageSize: search.pagesize,
    rowCount: rowCount ?? 0,
    pageSizeOptions,
    hasPrevious: search.pagenum > 1,
    hasNext: pageCount !== undefined ? search.pagenum < pageCount : rowCount !== undefined && rowCount >= search.pagesize,
    ...(pageCount !== undefined && { pageCount, onPage: (pagenum: number) => go({ ...search, pagenum }) }),
    onPrevious: () => go(prevPageSearch(search)),
    onNext: () => go(nextPageSearch(search)),
    onPageSize: (size) => go(withPageSize(search, size)),
  };
}

/**
 * One page of a list the API answers whole (a group's mutes): the page's rows, and numbered pages
 * over the list's length. `rows` undefined while loading.
 */
export function listPage<Row, S extends PageSearch>(
  rows: Row[] | undefined,
  search: S,
  go: (next: S) => void,
  pageSizeOptions: readonly number[],
): { rows: Row[] | undefined; pagination: PagePaginationProps } {
  const from = (search.pagenum - 1) * search.pagesize;
  const page = rows?.slice(from, from + search.pagesize);
  return { rows: page, pagination: pagePagination(search, page?.length, go, pageSizeOptions, rows?.length) };
}
