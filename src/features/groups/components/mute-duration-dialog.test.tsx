import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { MuteDurationDialog } from './mute-duration-dialog';

describe('MuteDurationDialog', () => {
  it('says what is wrong with the amount and gives back only a valid duration', async () => {
    const onChoose = vi.fn();
    const { user } = renderWithProviders(<MuteDurationDialog opened onClose={() => {}} onChoose={onChoose} />);
    const amount = screen.getByRole('textbox', { name: 'Amount' });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText('Enter how long the mute lasts.')).toBeInTheDocument();
    await user.type(amount, '1.5');
    expect(screen.getByText('Enter a whole number, such as 90.')).toBeInTheDocument();
    await user.clear(amount);
    await user.type(amount, '4000');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unit' }), 'days');
    expect(screen.getByText('At most 3650 (Days). For longer, mute permanently.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onChoose).not.toHaveBeenCalled();
    await user.clear(amount);
    await user.type(amount, '90');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unit' }), 'minutes');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onChoose).toHaveBeenCalledWith({ kind: 'custom', amount: 90, unit: 'minutes' });
  });

  it('speaks Chinese', async () => {
    const { user } = renderWithProviders(<MuteDurationDialog opened onClose={() => {}} onChoose={() => {}} />, { language: 'zh-CN' });
    await user.click(screen.getByRole('button', { name: '继续' }));
    expect(screen.getByText('请输入禁言时长。')).toBeInTheDocument();
  });
});
