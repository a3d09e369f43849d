import { createMemoryHistory, createRootRoute, createRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { cursorPagination, cursorSearchSchema, pagePagination, pageSearchSchema, type CursorSearch } from './pagination-search';

const friends = cursorSearchSchema({ fallback: 20, min: 1, max: 50 });
const roster = pageSearchSchema({ fallback: 100, min: 1, max: 1000 });

describe('search schemas', () => {
  it('correct bad or out-of-bounds values instead of failing', () => {
    expect(z.parse(friends, { limit: 'abc', cursor: 7, prev: 'x' })).toEqual({ limit: 20 });
    expect(z.parse(friends, { limit: 51 })).toEqual({ limit: 20 });
    expect(z.parse(friends, { limit: 50, cursor: 'c2', prev: ['', 'c1'] })).toEqual({ limit: 50, cursor: 'c2', prev: ['', 'c1'] });
    expect(z.parse(roster, {})).toEqual({ pagenum: 1, pagesize: 100 });
    expect(z.parse(roster, { pagenum: 0, pagesize: 1000 })).toEqual({ pagenum: 1, pagesize: 1000 });
  });

  it('work as a TanStack Router validateSearch, so the URL is corrected on load', async () => {
    const root = createRootRoute();
    const page = createRoute({ getParentRoute: () => root, path: '/friends', validateSearch: friends, component: Show });
    function Show() {
      const search = page.useSearch();
      return <output>{JSON.stringify(search)}</output>;
    }
    const router = createRouter({ routeTree: root.addChildren([page]), history: createMemoryHistory({ initialEntries: ['/friends?limit=abc&cursor=x'] }) });
    render(<RouterProvider router={router} />);
    expect(await screen.findByText('{"limit":20,"cursor":"x"}')).toBeInTheDocument();
  });
});

describe('cursor pagination', () => {
  it('pushes the current cursor on next, pops it on previous, and restarts on a new page size', () => {
    const go = vi.fn();
    const first: CursorSearch = { limit: 10 };
    cursorPagination(first, 'c1', go, [10, 20]).onNext();
    const second = go.mock.lastCall![0] as CursorSearch;
    expect(second).toEqual({ limit: 10, cursor: 'c1', prev: [''] });

    const p2 = cursorPagination(second, 'c2', go, [10, 20]);
    expect(p2).toMatchObject({ page: 2, hasPrevious: true, hasNext: true });
    p2.onNext();
    const third = go.mock.lastCall![0] as CursorSearch;
    expect(third).toEqual({ limit: 10, cursor: 'c2', prev: ['', 'c1'] });

    cursorPagination(third, undefined, go, [10, 20]).onPrevious();
    expect(go.mock.lastCall![0]).toEqual({ limit: 10, cursor: 'c1', prev: [''] });
    cursorPagination(second, 'c2', go, [10, 20]).onPrevious();
    expect(go.mock.lastCall![0]).toEqual({ limit: 10, cursor: undefined, prev: undefined });

    cursorPagination(third, null, go, [10, 20]).onPageSize(20);
    expect(go.mock.lastCall![0]).toEqual({ limit: 20, cursor: undefined, prev: undefined });
    expect(cursorPagination(third, '', go, [10]).hasNext).toBe(false);
  });
});

describe('page-number pagination', () => {
  it('enables next only while a page comes back full', () => {
    const go = vi.fn();
    expect(pagePagination({ pagenum: 1, pagesize: 20 }, 20, go, [20]).hasNext).toBe(true);
    expect(pagePagination({ pagenum: 2, pagesize: 20 }, 13, go, [20]).hasNext).toBe(false);
    expect(pagePagination({ pagenum: 1, pagesize: 20 }, 20, go, [20]).hasPrevious).toBe(false);
    pagePagination({ pagenum: 3, pagesize: 20 }, 20, go, [20, 50]).onPageSize(50);
    expect(go).toHaveBeenLastCalledWith({ pagenum: 1, pagesize: 50 });
  });
});
