import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { ConfirmBody } from './confirm-action';

describe('ConfirmBody', () => {
  it('keeps the confirm button disabled until the exact name is typed', async () => {
    const onConfirm = vi.fn();
    const close = vi.fn();
    const { user } = renderWithProviders(
      <ConfirmBody message="Delete alice and everything she owns?" confirmLabel="Delete" destructive typeToConfirm="alice" onConfirm={onConfirm} close={close} />,
    );
    const button = screen.getByRole('button', { name: 'Delete' });
    expect(button).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: 'Type alice to confirm' }), 'alic');
    expect(button).toBeDisabled();
    expect(screen.getByText('Type exactly alice')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Type alice to confirm' }), 'e');
    expect(button).toBeEnabled();
    await user.click(button);
    expect(onConfirm).toHaveBeenCalledOnce();
    await waitFor(() => expect(close).toHaveBeenCalledOnce());
  });

  it('shows the pending state, and stays open when the action fails', async () => {
    let fail!: (e: Error) => void;
    const onConfirm = vi.fn(() => new Promise((_, reject) => (fail = reject)));
    const close = vi.fn();
    const { user } = renderWithProviders(
      <ConfirmBody message="Unmute 3 members?" confirmLabel="Unmute" onConfirm={onConfirm} close={close} />,
      { language: 'zh-CN' },
    );
    await user.click(screen.getByRole('button', { name: 'Unmute' }));
    expect(screen.getByRole('button', { name: '取消' })).toBeDisabled();
    fail(new Error('boom'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Unmute' })).toBeEnabled());
    expect(close).not.toHaveBeenCalled();
  });
});
