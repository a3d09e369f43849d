import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { UserSearchBox } from './user-search-box';

describe('UserSearchBox', () => {
  it('searches for the trimmed text when no user has that exact name', async () => {
    const onSearch = vi.fn();
    const onExact = vi.fn();
    const findExact = vi.fn(async () => undefined);
    const { user } = renderWithProviders(<UserSearchBox value={undefined} onSearch={onSearch} findExact={findExact} onExact={onExact} />);
    await user.type(screen.getByRole('textbox', { name: 'Search users' }), '  wong {Enter}');
    expect(findExact).toHaveBeenCalledWith('wong');
    expect(onSearch).toHaveBeenCalledWith('wong');
    expect(onExact).not.toHaveBeenCalled();
  });

  it('opens an exact username at once, and still searches when the lookup fails', async () => {
    const onSearch = vi.fn();
    const onExact = vi.fn();
    const { user } = renderWithProviders(<UserSearchBox value={undefined} onSearch={onSearch} findExact={async () => 'alice'} onExact={onExact} />);
    await user.type(screen.getByRole('textbox', { name: 'Search users' }), 'Alice{Enter}');
    expect(onExact).toHaveBeenCalledWith('alice');
    expect(onSearch).not.toHaveBeenCalled();

    const failing = renderWithProviders(<UserSearchBox value={undefined} onSearch={onSearch} findExact={() => Promise.reject(new Error('down'))} onExact={onExact} />);
    await failing.user.type(screen.getAllByRole('textbox', { name: 'Search users' })[1]!, 'bob{Enter}');
    expect(onSearch).toHaveBeenCalledWith('bob');
  });

  it('follows the URL, clears the search, and refuses an over-long query', async () => {
    const onSearch = vi.fn();
    const { user, rerender } = renderWithProviders(<UserSearchBox value="wang" onSearch={onSearch} />);
    const box = screen.getByRole('textbox', { name: 'Search users' });
    expect(box).toHaveValue('wang');
    rerender(<UserSearchBox value="小王" onSearch={onSearch} />);
    expect(box).toHaveValue('小王');

    await user.click(screen.getByRole('button', { name: 'Clear the search' }));
    expect(box).toHaveValue('');
    expect(onSearch).toHaveBeenCalledWith(undefined);

    onSearch.mockClear();
    await user.click(box);
    await user.paste('x'.repeat(101));
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(screen.getByText('At most 100 characters')).toBeInTheDocument();
    expect(onSearch).not.toHaveBeenCalled();
  });

  it('speaks Chinese', () => {
    renderWithProviders(<UserSearchBox value={undefined} onSearch={() => {}} />, { language: 'zh-CN' });
    expect(screen.getByRole('textbox', { name: '搜索用户' })).toHaveAttribute('placeholder', '用户名或昵称的一部分');
  });
});
