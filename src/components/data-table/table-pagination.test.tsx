import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../testing/render';
import { TablePagination } from './table-pagination';

const handlers = () => ({ onPrevious: vi.fn(), onNext: vi.fn(), onPageSize: vi.fn() });

describe('TablePagination', () => {
  it('cursor mode: next only while the API gave a cursor, previous only past the first page', async () => {
    const h = handlers();
    const { user, rerender } = renderWithProviders(
      <TablePagination mode="cursor" page={1} pageSize={10} pageSizeOptions={[10, 20, 50]} hasPrevious={false} hasNext {...h} />,
    );
    expect(screen.getByText('Page 1')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(h.onNext).toHaveBeenCalledOnce();
    rerender(<TablePagination mode="cursor" page={4} pageSize={10} pageSizeOptions={[10, 20, 50]} hasPrevious hasNext={false} {...h} />);
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeEnabled();
  });

  it('page mode: shows the row range and offers only the endpoint’s page sizes', async () => {
    const h = handlers();
    const { user } = renderWithProviders(
      <TablePagination mode="page" page={3} pageSize={20} rowCount={7} pageSizeOptions={[20, 100, 1000]} hasPrevious hasNext={false} {...h} />,
      { language: 'zh-CN' },
    );
    expect(screen.getByText('第 3 页 · 第 41–47 行')).toBeInTheDocument();
    const size = screen.getByRole('combobox', { name: '每页行数' });
    expect([...(size as HTMLSelectElement).options].map((o) => o.value)).toEqual(['20', '100', '1000']);
    await user.selectOptions(size, '100');
    expect(h.onPageSize).toHaveBeenCalledWith(100);
    expect(screen.getByRole('button', { name: '下一页' })).toBeDisabled();
  });
});
