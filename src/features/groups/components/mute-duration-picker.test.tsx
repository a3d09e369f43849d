import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { MuteDurationPicker } from './mute-duration-picker';

describe('MuteDurationPicker', () => {
  it('starts with nothing chosen and gives back a preset as soon as one is picked', async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(<MuteDurationPicker onChange={onChange} />);
    expect(screen.getByRole('radiogroup', { name: 'Mute for' })).toBeInTheDocument();
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toEqual([]);
    await user.click(screen.getByRole('radio', { name: '1 hour' }));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'preset', preset: '1h' });
    await user.click(screen.getByRole('radio', { name: 'Permanently' }));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'preset', preset: 'permanent' });
  });

  it('checks a custom amount as typed and gives back only a valid duration', async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(<MuteDurationPicker onChange={onChange} />);
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    const amount = screen.getByRole('textbox', { name: 'Amount' });
    await user.type(amount, '1.5');
    await user.tab();
    expect(screen.getByText('Enter a whole number, such as 90.')).toBeInTheDocument();
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    await user.clear(amount);
    await user.type(amount, '4000');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unit' }), 'days');
    expect(screen.getByText('At most 3650 (Days). For longer, mute permanently.')).toBeInTheDocument();
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    await user.clear(amount);
    await user.type(amount, '90');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unit' }), 'minutes');
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'custom', amount: 90, unit: 'minutes' });
  });

  it('speaks Chinese', async () => {
    const { user } = renderWithProviders(<MuteDurationPicker onChange={() => {}} />, { language: 'zh-CN' });
    await user.click(screen.getByRole('radio', { name: '自定义' }));
    await user.click(screen.getByRole('textbox', { name: '数值' }));
    await user.tab();
    expect(screen.getByText('请输入禁言时长。')).toBeInTheDocument();
  });
});
