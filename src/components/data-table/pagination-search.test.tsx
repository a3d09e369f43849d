import { createMemoryHistory, createRootRoute, createRoute, createRouter, RouterProvider, useNavigate } from '@tanstack/react-router';
import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { renderWithProviders } from '@/testing/render';
import { DataTable } from './data-table';
import {
  cursorPagination,
  cursorSearch,
  listPage,
  nextCursorSearch,
  nextPageSearch,
  pagePagination,
  pageSearch,
  prevCursorSearch,
  prevPageSearch,
  withLimit,
  withPageSize,
  type CursorSearch,
  type PageSearch,
} from './pagination-search';
import { TablePagination } from './table-pagination';

// The router restores scroll positions on navigation; jsdom has no window.scrollTo.
beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

const friends = cursorSearch({ defaultLimit: 20, min: 1, max: 50 });
const roster = pageSearch({ defaultSize: 100, min: 1, max: 1000 });

describe('search schemas', () => {
  it('clamp the page size to the endpoint’s bounds', () => {
    expect(z.parse(friends, { limit: 51 })).toEqual({ limit: 50 });
    expect(z.parse(friends, { limit: 0 })).toEqual({ limit: 1 });
    expect(z.parse(friends, { limit: 12.7 })).toEqual({ limit: 12 });
    expect(z.parse(roster, { pagenum: -3, pagesize: 5000 })).toEqual({ pagenum: 1, pagesize: 1000 });
  });

  it('replace missing or malformed values with the defaults instead of failing', () => {
    expect(z.parse(friends, {})).toEqual({ limit: 20 });
    expect(z.parse(friends, { limit: 'abc', cursor: 7, prev: 'x' })).toEqual({ limit: 20 });
    expect(z.parse(friends, { limit: 10, cursor: '', prev: [1, 2] })).toEqual({ limit: 10 });
    expect(z.parse(roster, { pagenum: 'two', pagesize: null })).toEqual({ pagenum: 1, pagesize: 100 });
  });

  it('keep valid values as they are', () => {
    expect(z.parse(friends, { limit: 50, cursor: 'c2', prev: ['', 'c1'] })).toEqual({ limit: 50, cursor: 'c2', prev: ['', 'c1'] });
    expect(z.parse(roster, { pagenum: 7, pagesize: 1000 })).toEqual({ pagenum: 7, pagesize: 1000 });
  });

  it('can be extended with a route’s own params', () => {
    const withQuery = z.extend(friends, { q: z.catch(z.optional(z.string()), undefined) });
    expect(z.parse(withQuery, { limit: 500, q: 'bob' })).toEqual({ limit: 50, q: 'bob' });
  });

  it('work as a TanStack Router validateSearch, so a bad URL is corrected on load', async () => {
    const root = createRootRoute();
    const page = createRoute({ getParentRoute: () => root, path: '/friends', validateSearch: friends, component: Show });
    function Show() {
      return <output>{JSON.stringify(page.useSearch())}</output>;
    }
    const router = createRouter({
      routeTree: root.addChildren([page]),
      history: createMemoryHistory({ initialEntries: ['/friends?limit=abc&cursor=x'] }),
    });
    renderWithProviders(<RouterProvider router={router} />);
    expect(await screen.findByText('{"limit":20,"cursor":"x"}')).toBeInTheDocument();
  });
});

describe('cursor helpers', () => {
  it('push the current cursor on next and pop it on previous', () => {
    const first: CursorSearch = { limit: 10 };
    const second = nextCursorSearch(first, 'c1');
    expect(second).toEqual({ limit: 10, cursor: 'c1', prev: [''] });
    const third = nextCursorSearch(second, 'c2');
    expect(third).toEqual({ limit: 10, cursor: 'c2', prev: ['', 'c1'] });
    expect(prevCursorSearch(third)).toEqual({ limit: 10, cursor: 'c1', prev: [''] });
    expect(prevCursorSearch(second)).toEqual({ limit: 10, cursor: undefined, prev: undefined });
  });

  it('go back to the first page from a link that has a cursor but no stack', () => {
    expect(prevCursorSearch({ limit: 10, cursor: 'c5' })).toEqual({ limit: 10, cursor: undefined, prev: undefined });
    // A stale stack without a cursor is ignored: this is the first page.
    expect(nextCursorSearch({ limit: 10, prev: ['', 'old'] }, 'c1')).toEqual({ limit: 10, cursor: 'c1', prev: [''] });
  });

  it('start again from the first page on a new page size, keeping other params', () => {
    expect(withLimit({ limit: 10, cursor: 'c2', prev: ['', 'c1'], q: 'bob' }, 50)).toEqual({ limit: 50, cursor: undefined, prev: undefined, q: 'bob' });
  });

  it('give TablePagination its props from the search and the answer’s cursor', () => {
    const go = vi.fn();
    const first = cursorPagination({ limit: 10 }, 'c1', go, [10, 20]);
    expect(first).toMatchObject({ mode: 'cursor', page: 1, pageSize: 10, pageSizeOptions: [10, 20], hasPrevious: false, hasNext: true });
    first.onNext();
    expect(go).toHaveBeenLastCalledWith({ limit: 10, cursor: 'c1', prev: [''] });

    const third = cursorPagination({ limit: 10, cursor: 'c2', prev: ['', 'c1'] }, null, go, [10, 20]);
    expect(third).toMatchObject({ page: 3, hasPrevious: true, hasNext: false });
    third.onPrevious();
    expect(go).toHaveBeenLastCalledWith({ limit: 10, cursor: 'c1', prev: [''] });
    third.onPageSize(20);
    expect(go).toHaveBeenLastCalledWith({ limit: 20, cursor: undefined, prev: undefined });

    // No cursor, or an empty one, means the last page.
    expect(cursorPagination({ limit: 10 }, undefined, go, [10]).hasNext).toBe(false);
    expect(cursorPagination({ limit: 10 }, '', go, [10]).hasNext).toBe(false);
  });
});

describe('page-number helpers', () => {
  it('move by one page, never below 1, and restart on a new size', () => {
    expect(nextPageSearch({ pagenum: 1, pagesize: 20 })).toEqual({ pagenum: 2, pagesize: 20 });
    expect(prevPageSearch({ pagenum: 2, pagesize: 20 })).toEqual({ pagenum: 1, pagesize: 20 });
    expect(prevPageSearch({ pagenum: 1, pagesize: 20 })).toEqual({ pagenum: 1, pagesize: 20 });
    expect(withPageSize({ pagenum: 4, pagesize: 20 }, 500)).toEqual({ pagenum: 1, pagesize: 500 });
  });

  it('enable next only while a page comes back full', () => {
    const go = vi.fn();
    expect(pagePagination({ pagenum: 1, pagesize: 20 }, 20, go, [20])).toMatchObject({
      mode: 'page',
      page: 1,
      rowCount: 20,
      hasPrevious: false,
      hasNext: true,
    });
    expect(pagePagination({ pagenum: 2, pagesize: 20 }, 13, go, [20])).toMatchObject({ hasPrevious: true, hasNext: false });
    // Still loading: nothing to go on yet.
    expect(pagePagination({ pagenum: 2, pagesize: 20 }, undefined, go, [20]).hasNext).toBe(false);
    pagePagination({ pagenum: 3, pagesize: 20 }, 20, go, [20, 50]).onPageSize(50);
    expect(go).toHaveBeenLastCalledWith({ pagenum: 1, pagesize: 50 });
  });

  it('page numbers: a known total numbers the pages and ends them, even on a full last page', () => {
    const go = vi.fn();
    // 3,000 members at 1,000 a page: page 3 is full and still the last.
    const last = pagePagination({ pagenum: 3, pagesize: 1000 }, 1000, go, [1000], 3000);
    expect(last).toMatchObject({ pageCount: 3, hasPrevious: true, hasNext: false });
    expect(pagePagination({ pagenum: 1, pagesize: 1000 }, undefined, go, [1000], 3001)).toMatchObject({ pageCount: 4, hasNext: true });
    // An empty group still has one (empty) page.
    expect(pagePagination({ pagenum: 1, pagesize: 20 }, 0, go, [20], 0)).toMatchObject({ pageCount: 1, hasNext: false });
    last.onPage!(2);
    expect(go).toHaveBeenLastCalledWith({ pagenum: 2, pagesize: 1000 });
    // Without a total there are no numbers to offer.
    expect(pagePagination({ pagenum: 1, pagesize: 20 }, 20, go, [20]).pageCount).toBeUndefined();
  });
});

describe('a list the API answers whole', () => {
  const mutes = Array.from({ length: 77 }, (_, i) => `m${i + 1}`);

  it('shows one page of it, numbered over its length', () => {
    const go = vi.fn();
    const second = listPage(mutes, { pagenum: 2, pagesize: 50 }, go, [20, 50]);
    expect(second.rows).toEqual(mutes.slice(50));
    expect(second.pagination).toMatchObject({ page: 2, rowCount: 27, pageCount: 2, hasPrevious: true, hasNext: false });
    second.pagination.onPage!(1);
    expect(go).toHaveBeenLastCalledWith({ pagenum: 1, pagesize: 50 });
    // While it loads: no rows and no numbers yet.
    const loading = listPage(undefined, { pagenum: 1, pagesize: 50 }, go, [50]);
    expect(loading).toMatchObject({ rows: undefined, pagination: { hasNext: false } });
    expect(loading.pagination.pageCount).toBeUndefined();
    // An empty list is one empty page.
    expect(listPage([], { pagenum: 1, pagesize: 50 }, go, [50])).toMatchObject({ rows: [], pagination: { pageCount: 1 } });
  });
});

describe('numbered pages wired to the URL', () => {
  const members = Array.from({ length: 95 }, (_, i) => `member${i + 1}`);

  function setup(url: string) {
    const root = createRootRoute();
    const page = createRoute({ getParentRoute: () => root, path: '/roster', validateSearch: pageSearch({ defaultSize: 20, min: 1, max: 100 }), component: Roster });
    function Roster() {
      const search: PageSearch = page.useSearch();
      const navigate = useNavigate() as unknown as (options: { search: PageSearch }) => Promise<void>;
      const shown = listPage(members, search, (s) => void navigate({ search: s }), [20, 50]);
      return (
        <DataTable
          aria-label="Roster"
          columns={[{ id: 'name', header: 'Name', cell: (n: string) => n }]}
          getRowId={(n) => n}
          rows={shown.rows}
          status={{ isPending: false }}
          empty={{ title: 'No members' }}
          pagination={<TablePagination {...shown.pagination} />}
        />
      );
    }
    const history = createMemoryHistory({ initialEntries: [url] });
    const router = createRouter({ routeTree: root.addChildren([page]), history });
    return { router, history, ...renderWithProviders(<RouterProvider router={router} />) };
  }

  it('goes to page 3 in one click, and Back and a shared link keep the page', async () => {
    const { user, router, history } = setup('/roster');
    expect(await screen.findByRole('cell', { name: 'member1' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Page 3' }));
    expect(await screen.findByRole('cell', { name: 'member41' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'member60' })).toBeInTheDocument();
    expect(screen.getByText('Page 3 of 5 · rows 41–60')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Page 3' })).toHaveAttribute('aria-current', 'page');
    expect(router.state.location.search).toEqual({ pagenum: 3, pagesize: 20 });

    act(() => history.back());
    expect(await screen.findByRole('cell', { name: 'member1' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
  });

  it('opens the page a link names', async () => {
    setup('/roster?pagenum=5&pagesize=20');
    expect(await screen.findByRole('cell', { name: 'member95' })).toBeInTheDocument();
    expect(screen.getByText('Page 5 of 5 · rows 81–95')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Next page' })).toBeDisabled();
  });
});

describe('a cursor list wired to the URL', () => {
  // A fake endpoint: 25 names, the cursor is the next offset as a string, no cursor on the last page.
  const names = Array.from({ length: 25 }, (_, i) => `user${i}`);
  const fetchPage = (limit: number, cursor?: string) => {
    const from = Number(cursor ?? 0);
    const rows = names.slice(from, from + limit);
    return { rows, cursor: from + limit < names.length ? String(from + limit) : undefined };
  };

  function setup(url: string) {
    const root = createRootRoute();
    const page = createRoute({
      getParentRoute: () => root,
      path: '/users',
      validateSearch: cursorSearch({ defaultLimit: 10, min: 1, max: 100 }),
      component: Users,
    });
    function Users() {
      // The route refers to this component, so TypeScript cannot infer the search type here, and
      // navigation is typed against the app's registered router, which this test router is not.
      const search: CursorSearch = page.useSearch();
      const navigate = useNavigate() as unknown as (options: { search: CursorSearch }) => Promise<void>;
      const answer = fetchPage(search.limit, search.cursor);
      return (
        <DataTable
          aria-label="Users"
          columns={[{ id: 'name', header: 'Name', cell: (n: string) => n }]}
          getRowId={(n) => n}
          rows={answer.rows}
          status={{ isPending: false }}
          empty={{ title: 'No users' }}
          pagination={<TablePagination {...cursorPagination(search, answer.cursor, (s) => void navigate({ search: s }), [5, 10, 20])} />}
        />
      );
    }
    const history = createMemoryHistory({ initialEntries: [url] });
    const router = createRouter({ routeTree: root.addChildren([page]), history });
    return { router, history, ...renderWithProviders(<RouterProvider router={router} />) };
  }

  it('pages forward and back, and Back in the browser restores the earlier page', async () => {
    const { user, router, history } = setup('/users');
    expect(await screen.findByRole('cell', { name: 'user0' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('cell', { name: 'user10' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('cell', { name: 'user20' })).toBeInTheDocument();
    expect(screen.getByText('Page 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(router.state.location.search).toEqual({ limit: 10, cursor: '20', prev: ['', '10'] });

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('cell', { name: 'user10' })).toBeInTheDocument();
    expect(screen.getByText('Page 2')).toBeInTheDocument();

    act(() => history.back());
    expect(await screen.findByRole('cell', { name: 'user20' })).toBeInTheDocument();
    expect(screen.getByText('Page 3')).toBeInTheDocument();
  });

  it('opens the same page from a shared link', async () => {
    const search = new URLSearchParams({ limit: '5', cursor: '"15"', prev: JSON.stringify(['', '5', '10']) });
    setup(`/users?${search.toString()}`);
    expect(await screen.findByRole('cell', { name: 'user15' })).toBeInTheDocument();
    expect(screen.getByText('Page 4')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Rows per page' })).toHaveValue('5');
  });
});
