import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client/api-error';
import { renderWithProviders } from '@/testing/render';
import { DataTable, type Column, type TableStatus } from './data-table';
import { queryStatus } from './query-status';

type Member = { name: string; role: string };
const members = (n: number): Member[] => Array.from({ length: n }, (_, i) => ({ name: `user${i}`, role: i === 0 ? 'owner' : 'member' }));
const columns: Column<Member>[] = [
  { id: 'name', header: 'Name', cell: (m) => m.name },
  { id: 'role', header: 'Role', cell: (m) => m.role },
];
const base = {
  'aria-label': 'Members',
  columns,
  getRowId: (m: Member) => m.name,
  empty: { title: 'No members', description: 'This group has nobody yet.' },
};
const loaded: TableStatus = { isPending: false, isFetching: false };

function Selectable({ rows }: { rows: Member[] }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  return (
    <DataTable
      {...base}
      rows={rows}
      status={loaded}
      selection={{ selected, onChange: setSelected }}
      toolbar={<button disabled={selected.size === 0}>Remove</button>}
    />
  );
}

describe('DataTable', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows skeleton rows, not a spinner, while the first page loads', () => {
    const { container } = renderWithProviders(<DataTable {...base} rows={undefined} status={{ isPending: true, isFetching: true }} />);
    expect(screen.getByText('Loading rows…')).toHaveAttribute('aria-live', 'polite');
    const table = screen.getByRole('table', { name: 'Members' });
    expect(table).toHaveAttribute('aria-busy', 'true');
    // The headers are there already; the placeholder rows are hidden from screen readers.
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Name', 'Role']);
    expect(within(table).getAllByRole('row')).toHaveLength(1);
    expect(container.querySelectorAll('.mantine-Skeleton-root').length).toBeGreaterThanOrEqual(10);
    expect(container.querySelector('.mantine-Loader-root')).toBeNull();
  });

  it('shows the API’s message and a Retry button when the first load fails', async () => {
    const onRetry = vi.fn();
    const error = new ApiError({ kind: 'http', status: 404, error: 'service_resource_not_found', description: 'do not find this group:42', call: 'GET /x' });
    const { user } = renderWithProviders(<DataTable {...base} rows={undefined} status={{ isPending: false, error, onRetry }} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The list could not be loaded');
    expect(alert).toHaveTextContent('do not find this group:42 (404 service_resource_not_found)');
    expect(screen.queryByRole('table')).toBeNull();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('goes back to the skeleton while a retry after a failed load runs', () => {
    renderWithProviders(<DataTable {...base} rows={undefined} status={{ isPending: false, error: new Error('x'), isFetching: true }} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('table', { name: 'Members' })).toHaveAttribute('aria-busy', 'true');
  });

  it('keeps the rows when only a background refresh failed, with a quiet refresh indicator', () => {
    renderWithProviders(<DataTable {...base} rows={members(2)} status={{ isPending: false, error: new Error('x'), isFetching: true }} />);
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Refreshing…')).toBeInTheDocument();
    // Refreshes are not announced: they happen on every window focus.
    expect(screen.queryByText('Loading rows…')).toBeNull();
  });

  it('explains an empty list in the page’s words', () => {
    renderWithProviders(<DataTable {...base} rows={[]} status={loaded} />);
    expect(screen.getByText('No members')).toBeInTheDocument();
    expect(screen.getByText('This group has nobody yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('renders rows under their column headers, named by a visible caption', () => {
    const { 'aria-label': _, ...unnamed } = base;
    renderWithProviders(<DataTable {...unnamed} caption="Members of Team" rows={members(3)} status={loaded} pagination={<nav aria-label="pages" />} />);
    const table = screen.getByRole('table', { name: 'Members of Team' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Name', 'Role']);
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByRole('cell', { name: 'owner' })).toBeInTheDocument();
    expect(within(table).getAllByRole('cell', { name: 'member' })).toHaveLength(2);
    expect(screen.getByRole('navigation', { name: 'pages' })).toBeInTheDocument();
  });

  it('selects one row, then the whole page, with an indeterminate header in between', async () => {
    const { user } = renderWithProviders(<Selectable rows={members(3)} />);
    const all = screen.getByRole('checkbox', { name: 'Select all rows on this page' });
    expect(screen.getByRole('button', { name: 'Remove' })).toBeDisabled();

    await user.click(screen.getByRole('checkbox', { name: 'Select user1' }));
    expect(screen.getByText('1 selected')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove' })).toBeEnabled();
    expect(all).not.toBeChecked();
    expect((all as HTMLInputElement).indeterminate).toBe(true);

    // From indeterminate, the header selects the rest of the page.
    await user.click(all);
    expect(screen.getByText('3 selected')).toBeInTheDocument();
    expect(all).toBeChecked();
    expect((all as HTMLInputElement).indeterminate).toBe(false);
    expect(screen.getByRole('checkbox', { name: 'Select user2' })).toBeChecked();

    await user.click(all);
    expect(screen.queryByText(/selected/)).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Select user0' })).not.toBeChecked();
  });

  it('keeps rows that may not be chosen out of the selection, even with "select all"', async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(
      <DataTable {...base} rows={members(3)} status={loaded} selection={{ selected: new Set(), onChange, canSelect: (id) => id !== 'user0' }} />,
    );
    expect(screen.getByRole('checkbox', { name: 'Select user0' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Select all rows on this page' }));
    expect([...(onChange.mock.lastCall![0] as Set<string>)]).toEqual(['user1', 'user2']);
  });

  it('clears the selection from the toolbar', async () => {
    const { user } = renderWithProviders(<Selectable rows={members(3)} />);
    await user.click(screen.getByRole('checkbox', { name: 'Select all rows on this page' }));
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.getByRole('checkbox', { name: 'Select user0' })).not.toBeChecked();
    expect(screen.queryByRole('button', { name: 'Clear selection' })).toBeNull();
  });

  it('can be used with the keyboard alone', async () => {
    const { user } = renderWithProviders(<Selectable rows={members(2)} />);
    await user.tab();
    expect(screen.getByRole('checkbox', { name: 'Select all rows on this page' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('checkbox', { name: 'Select user0' })).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByRole('checkbox', { name: 'Select user0' })).toBeChecked();
    expect(screen.getByText('1 selected')).toBeInTheDocument();
  });

  it('speaks Simplified Chinese', async () => {
    const { user } = renderWithProviders(<Selectable rows={members(2)} />, { language: 'zh-CN' });
    await user.click(screen.getByRole('checkbox', { name: '选择本页所有行' }));
    expect(screen.getByText('已选择 2 项')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: '选择 user1' })).toBeChecked();
    expect(screen.getByRole('button', { name: '清除选择' })).toBeInTheDocument();
  });

  it('builds its status from a query result', () => {
    const refetch = vi.fn();
    const status = queryStatus({ isPending: false, error: null, isFetching: true, refetch });
    expect(status).toMatchObject({ isPending: false, error: null, isFetching: true });
    status.onRetry?.();
    expect(refetch).toHaveBeenCalledOnce();
  });

  describe('a 1,000-row page', () => {
    // jsdom has no layout: give the scroll container and the rows the sizes a browser would.
    const layout = () => {
      vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
      vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
      vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(41);
    };

    it('keeps far fewer than 1,000 rows in the DOM and tells screen readers the real size', async () => {
      layout();
      renderWithProviders(<DataTable {...base} rows={members(1000)} status={loaded} />);
      // The virtualiser loads with the first large page.
      await screen.findByRole('region', { name: 'Members' });
      const table = screen.getByRole('table', { name: 'Members' });
      const rendered = within(table).getAllByRole('row');
      expect(rendered.length).toBeGreaterThan(10);
      expect(rendered.length).toBeLessThan(60);
      expect(table).toHaveAttribute('aria-rowcount', '1001');
      expect(rendered[0]).toHaveAttribute('aria-rowindex', '1');
      expect(rendered[1]).toHaveAttribute('aria-rowindex', '2');
      expect(within(table).getByRole('cell', { name: 'user0' })).toBeInTheDocument();
      expect(within(table).queryByRole('cell', { name: 'user999' })).toBeNull();
      // The scroll container can be focused, so the keyboard can scroll it.
      expect(screen.getByRole('region', { name: 'Members' })).toHaveAttribute('tabindex', '0');
    });

    it('renders the rows scrolled into view', async () => {
      layout();
      renderWithProviders(<DataTable {...base} rows={members(1000)} status={loaded} />);
      const scroller = await screen.findByRole('region', { name: 'Members' });
      scroller.scrollTop = 41 * 600;
      fireEvent.scroll(scroller);
      const row = (await screen.findByRole('cell', { name: 'user600' })).closest('tr');
      expect(row).toHaveAttribute('aria-rowindex', '602');
      expect(screen.queryByRole('cell', { name: 'user0' })).toBeNull();
      expect(screen.getAllByRole('row').length).toBeLessThan(60);
    });

    it('reads its size only when the resize observer reports it, and does not scroll a region just mounted', async () => {
      // Reading the size or scrolling while the table mounts would force the page's first layout inside React's commit.
      const height = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(200);
      vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
      // jsdom has no element scrollTo: one for this test only.
      const scrollTo = vi.fn();
      Element.prototype.scrollTo = scrollTo;
      let report: (() => void) | undefined;
      vi.spyOn(window, 'ResizeObserver').mockImplementation(function (this: ResizeObserver, cb: ResizeObserverCallback) {
        report = () => cb([], this);
        return { observe() {}, unobserve() {}, disconnect() {} } as unknown as ResizeObserver;
      });
      try {
        renderWithProviders(<DataTable {...base} rows={members(1000)} status={loaded} />);
        const table = await screen.findByRole('table', { name: 'Members' });
        // Until then, the rows for the region's usual height (70% of the window).
        const before = within(table).getAllByRole('row').length;
        expect(before).toBeGreaterThan(10);
        expect(height).not.toHaveBeenCalled();
        expect(scrollTo).not.toHaveBeenCalled();
        // The browser lays the page out and reports a 200 px region: about 5 rows and the margin.
        act(() => report!());
        await waitFor(() => expect(within(table).getAllByRole('row').length).toBeLessThan(before));
        expect(within(table).getAllByRole('row').length).toBeLessThanOrEqual(1 + 5 + 5 + 2);
      } finally {
        delete (Element.prototype as Partial<Element>).scrollTo;
      }
    });

    it('selects every row of the page, not only the rendered ones', async () => {
      layout();
      const onChange = vi.fn();
      const { user } = renderWithProviders(<DataTable {...base} rows={members(1000)} status={loaded} selection={{ selected: new Set(), onChange }} />);
      await user.click(await screen.findByRole('checkbox', { name: 'Select all rows on this page' }));
      const next = onChange.mock.lastCall![0] as Set<string>;
      expect(next.size).toBe(1000);
      expect(next.has('user999')).toBe(true);
    });
  });
});
