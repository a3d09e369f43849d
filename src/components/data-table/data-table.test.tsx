import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api-client/api-error';
import { renderWithProviders } from '../../testing/render';
import { DataTable, type Column } from './data-table';

type Member = { name: string; role: string };
const members = (n: number): Member[] => Array.from({ length: n }, (_, i) => ({ name: `user${i}`, role: i === 0 ? 'owner' : 'member' }));
const columns: Column<Member>[] = [
  { id: 'name', header: 'Name', cell: (m) => m.name },
  { id: 'role', header: 'Role', cell: (m) => m.role },
];
const base = { label: 'Members', columns, getRowId: (m: Member) => m.name, empty: { title: 'No members', description: 'This group has nobody yet.' } };

function Selectable({ rows }: { rows: Member[] }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  return <DataTable {...base} rows={rows} isPending={false} selection={{ selected, onChange: setSelected }} toolbar={<span>{selected.size} chosen</span>} />;
}

describe('DataTable', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows skeleton rows while loading', () => {
    renderWithProviders(<DataTable {...base} rows={undefined} isPending />);
    expect(screen.getByRole('status', { name: 'Loading rows…' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the API message and a Retry button when the first load fails', async () => {
    const onRetry = vi.fn();
    const error = new ApiError({ kind: 'http', status: 404, error: 'service_resource_not_found', description: 'do not find this group:42', call: 'GET /x' });
    const { user } = renderWithProviders(<DataTable {...base} rows={undefined} isPending={false} error={error} onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('do not find this group:42 (404 service_resource_not_found)');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('keeps the rows when only a background refresh failed', () => {
    renderWithProviders(<DataTable {...base} rows={members(2)} isPending={false} error={new Error('x')} isFetching />);
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Refreshing…')).toBeInTheDocument();
  });

  it('explains an empty list in the words given', () => {
    renderWithProviders(<DataTable {...base} rows={[]} isPending={false} />, { language: 'zh-CN' });
    expect(screen.getByText('No members')).toBeInTheDocument();
    expect(screen.getByText('This group has nobody yet.')).toBeInTheDocument();
  });

  it('renders rows with column headers', () => {
    renderWithProviders(<DataTable {...base} rows={members(3)} isPending={false} />);
    const table = screen.getByRole('table', { name: 'Members' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Role']);
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByRole('cell', { name: 'owner' })).toBeInTheDocument();
  });

  it('selects one row, then all on the page, with an indeterminate header in between', async () => {
    const { user } = renderWithProviders(<Selectable rows={members(3)} />);
    const all = screen.getByRole('checkbox', { name: 'Select all rows on this page' });
    await user.click(screen.getByRole('checkbox', { name: 'Select user1' }));
    expect(screen.getByText('1 chosen')).toBeInTheDocument();
    expect(all).toHaveAttribute('data-indeterminate', 'true');
    await user.click(all);
    expect(screen.getByText('3 chosen')).toBeInTheDocument();
    expect(all).toBeChecked();
    await user.click(all);
    expect(screen.getByText('0 chosen')).toBeInTheDocument();
  });

  it('renders far fewer than 1,000 DOM rows for a 1,000-row page, and says how many there are', () => {
    // jsdom has no layout: give the scroll container the size a browser would.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
    renderWithProviders(<DataTable {...base} rows={members(1000)} isPending={false} />);
    const table = screen.getByRole('table', { name: 'Members' });
    const rendered = within(table).getAllByRole('row');
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(100);
    expect(table).toHaveAttribute('aria-rowcount', '1001');
    expect(within(table).getByRole('cell', { name: 'user0' })).toBeInTheDocument();
    expect(within(table).queryByRole('cell', { name: 'user999' })).toBeNull();
  });
});
