import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { RelationshipForm } from './relationship-form';

describe('RelationshipForm', () => {
  it('asks for both names and two different users before checking, keeping what was typed', async () => {
    const onSubmit = vi.fn();
    const { user } = renderWithProviders(<RelationshipForm a="alice" onSubmit={onSubmit} />);
    const second = screen.getByRole('textbox', { name: 'Second user' });
    expect(screen.getByRole('textbox', { name: 'First user' })).toHaveValue('alice');
    expect(second).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByText('Enter a username.')).toBeInTheDocument();
    await user.type(second, ' Alice ');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByText('Enter a different user than the first one.')).toBeInTheDocument();
    expect(second).toHaveValue(' Alice ');
    expect(onSubmit).not.toHaveBeenCalled();

    await user.clear(second);
    await user.type(second, ' bob ');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(onSubmit).toHaveBeenCalledWith({ a: 'alice', b: 'bob' });
    expect(screen.queryByText('Enter a username.')).toBeNull();
  });

  it('speaks Chinese', async () => {
    const onSubmit = vi.fn();
    const { user } = renderWithProviders(<RelationshipForm onSubmit={onSubmit} />, { language: 'zh-CN' });
    await user.click(screen.getByRole('button', { name: '检查' }));
    expect(screen.getAllByText('请输入用户名。')).toHaveLength(2);
  });
});
