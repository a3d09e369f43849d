import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { TablePagination } from './table-pagination';

const handlers = () => ({ onPrevious: vi.fn(), onNext: vi.fn(), onPageSize: vi.fn() });

describe('TablePagination', () => {
  it('cursor mode: previous disabled on the first page, next only while the API gave a cursor', async () => {
    const h = handlers();
    const { user, rerender } = renderWithProviders(
      <TablePagination mode="cursor" page={1} pageSize={10} pageSizeOptions={[10, 20, 50]} hasPrevious={false} hasNext {...h} />,
    );
    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    expect(within(nav).getByText('Page 1')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(h.onNext).toHaveBeenCalledOnce();

    rerender(<TablePagination mode="cursor" page={3} pageSize={10} pageSizeOptions={[10, 20, 50]} hasPrevious hasNext={false} {...h} />);
    expect(screen.getByText('Page 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(h.onPrevious).toHaveBeenCalledOnce();
  });

  it('page mode: shows the row range and disables next on a short page', () => {
    const h = handlers();
    const { rerender } = renderWithProviders(
      <TablePagination mode="page" page={3} pageSize={20} rowCount={20} pageSizeOptions={[20, 100]} hasPrevious hasNext {...h} />,
    );
    expect(screen.getByText('Page 3 · rows 41–60')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled();
    rerender(<TablePagination mode="page" page={4} pageSize={20} rowCount={7} pageSizeOptions={[20, 100]} hasPrevious hasNext={false} {...h} />);
    expect(screen.getByText('Page 4 · rows 61–67')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    // An empty page past the end has no range to show.
    rerender(<TablePagination mode="page" page={5} pageSize={20} rowCount={0} pageSizeOptions={[20, 100]} hasPrevious hasNext={false} {...h} />);
    expect(screen.getByText('Page 5')).toBeInTheDocument();
  });

  it('page mode with a total: numbered pages, the current one marked, another one chosen', async () => {
    const h = { ...handlers(), onPage: vi.fn() };
    const { user } = renderWithProviders(
      <TablePagination mode="page" page={2} pageSize={1000} rowCount={1000} pageCount={3} pageSizeOptions={[1000]} hasPrevious hasNext {...h} />,
    );
    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    // The numbered buttons load on first use.
    expect((await within(nav).findAllByRole('button', { name: /^Page \d+$/ })).map((b) => b.textContent)).toEqual(['1', '2', '3']);
    expect(within(nav).getByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('button', { name: 'Page 3' })).not.toHaveAttribute('aria-current');
    // Few pages: every number shows, so no first/last buttons.
    expect(within(nav).queryByRole('button', { name: 'First page' })).not.toBeInTheDocument();
    await user.click(within(nav).getByRole('button', { name: 'Page 3' }));
    expect(h.onPage).toHaveBeenCalledWith(3);
    // The current page is not a navigation.
    await user.click(within(nav).getByRole('button', { name: 'Page 2' }));
    expect(h.onPage).toHaveBeenCalledOnce();
    // Previous and next move by one page.
    await user.click(within(nav).getByRole('button', { name: 'Previous page' }));
    expect(h.onPage).toHaveBeenLastCalledWith(1);
    await user.click(within(nav).getByRole('button', { name: 'Next page' }));
    expect(h.onPage).toHaveBeenLastCalledWith(3);
  });

  it('many pages: the first, the last and the current one’s neighbours, with first/last buttons', async () => {
    const h = { ...handlers(), onPage: vi.fn() };
    const { user, rerender } = renderWithProviders(
      <TablePagination mode="page" page={15} pageSize={100} rowCount={100} pageCount={30} pageSizeOptions={[100]} hasPrevious hasNext {...h} />,
    );
    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    expect((await within(nav).findAllByRole('button', { name: /^Page \d+$/ })).map((b) => b.textContent)).toEqual(['1', '14', '15', '16', '30']);
    await user.click(within(nav).getByRole('button', { name: 'Last page' }));
    expect(h.onPage).toHaveBeenLastCalledWith(30);
    await user.click(within(nav).getByRole('button', { name: 'First page' }));
    expect(h.onPage).toHaveBeenLastCalledWith(1);

    rerender(<TablePagination mode="page" page={1} pageSize={100} rowCount={100} pageCount={30} pageSizeOptions={[100]} hasPrevious={false} hasNext {...h} />);
    expect(within(nav).getAllByRole('button', { name: /^Page \d+$/ }).map((b) => b.textContent)).toEqual(['1', '2', '3', '4', '5', '30']);
    expect(within(nav).getByRole('button', { name: 'First page' })).toBeDisabled();
    expect(within(nav).getByRole('button', { name: 'Previous page' })).toBeDisabled();
    expect(within(nav).getByRole('button', { name: 'Next page' })).toBeEnabled();
  });

  it('a page past the last one (a hand-edited URL) still shows as current, with nothing after it', async () => {
    renderWithProviders(
      <TablePagination mode="page" page={4} pageSize={1000} rowCount={0} pageCount={3} pageSizeOptions={[1000]} hasPrevious hasNext={false} onPage={vi.fn()} {...handlers()} />,
    );
    expect(await screen.findByRole('button', { name: 'Page 4' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
  });

  it('numbered pages can be disabled while a page loads', async () => {
    renderWithProviders(
      <TablePagination mode="page" page={2} pageSize={20} rowCount={20} pageCount={5} pageSizeOptions={[20]} hasPrevious hasNext disabled onPage={vi.fn()} {...handlers()} />,
    );
    expect(await screen.findByRole('button', { name: 'Page 3' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
  });

  it('offers only the endpoint’s page sizes and reports a new choice', async () => {
    const h = handlers();
    const { user } = renderWithProviders(
      <TablePagination mode="page" page={1} pageSize={20} rowCount={20} pageSizeOptions={[20, 100, 1000]} hasPrevious={false} hasNext {...h} />,
    );
    const size = screen.getByRole('combobox', { name: 'Rows per page' });
    expect(size).toHaveValue('20');
    expect(
      within(size)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['20', '100', '1000']);
    await user.selectOptions(size, '1000');
    expect(h.onPageSize).toHaveBeenCalledWith(1000);
  });

  it('keeps a valid size from the URL that is not among the usual options', () => {
    renderWithProviders(<TablePagination mode="cursor" page={1} pageSize={37} pageSizeOptions={[10, 50]} hasPrevious={false} hasNext {...handlers()} />);
    const size = screen.getByRole('combobox', { name: 'Rows per page' });
    expect(size).toHaveValue('37');
    expect(
      within(size)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['10', '37', '50']);
  });

  it('can be disabled as a whole while a page is loading', () => {
    renderWithProviders(<TablePagination mode="cursor" page={2} pageSize={10} pageSizeOptions={[10]} hasPrevious hasNext disabled {...handlers()} />);
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(screen.getByRole('combobox', { name: 'Rows per page' })).toBeDisabled();
  });

  it('speaks Simplified Chinese', () => {
    renderWithProviders(
      <TablePagination mode="page" page={3} pageSize={20} rowCount={7} pageSizeOptions={[20, 100, 1000]} hasPrevious hasNext={false} {...handlers()} />,
      { language: 'zh-CN' },
    );
    expect(screen.getByRole('navigation', { name: '分页' })).toBeInTheDocument();
    expect(screen.getByText('第 3 页 · 第 41–47 行')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '每页行数' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下一页' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '上一页' })).toBeEnabled();
  });

  it('names the numbered pages in Simplified Chinese', async () => {
    renderWithProviders(
      <TablePagination mode="page" page={3} pageSize={20} rowCount={20} pageCount={150} pageSizeOptions={[20]} hasPrevious hasNext onPage={vi.fn()} {...handlers()} />,
      { language: 'zh-CN' },
    );
    expect(await screen.findByRole('button', { name: '第 3 页' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByText('第 3 页，共 150 页 · 第 41–60 行')).toBeInTheDocument();
    for (const name of ['第一页', '上一页', '下一页', '最后一页', '第 150 页']) expect(screen.getByRole('button', { name })).toBeEnabled();
  });
});
