import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client/api-error';
import { renderWithProviders } from '@/testing/render';
import { ConfirmBody, confirmAction } from './confirm-action';

describe('ConfirmBody', () => {
  it('keeps the confirm button disabled until the exact name is typed', async () => {
    const onConfirm = vi.fn();
    const close = vi.fn();
    const { user } = renderWithProviders(
      <ConfirmBody message="Delete alice and everything she owns?" confirmLabel="Delete" destructive typeToConfirm="alice" onConfirm={onConfirm} onConfirmed={close} onCancel={() => {}} />,
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
      <ConfirmBody message="Unmute 3 members?" confirmLabel="Unmute" onConfirm={onConfirm} onConfirmed={close} onCancel={() => {}} />,
      { language: 'zh-CN' },
    );
    await user.click(screen.getByRole('button', { name: 'Unmute' }));
    expect(screen.getByRole('button', { name: '取消' })).toBeDisabled();
    fail(new Error('boom'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Unmute' })).toBeEnabled());
    expect(close).not.toHaveBeenCalled();
  });

  it('with showsError, says a refusal in the dialog and keeps it open', async () => {
    const refusal = new ApiError({ kind: 'http', status: 409, error: 'last_admin', description: 'ada is the last enabled admin: make another admin first.', call: 'PATCH /im-console/operators/ada' });
    const onConfirm = vi.fn().mockRejectedValueOnce(refusal).mockResolvedValueOnce(undefined);
    const close = vi.fn();
    const { user } = renderWithProviders(<ConfirmBody message="Disable ada?" confirmLabel="Disable" showsError onConfirm={onConfirm} onConfirmed={close} onCancel={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Disable' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('ada is the last enabled admin: make another admin first. (409 last_admin)');
    expect(close).not.toHaveBeenCalled();
    // Trying again clears it.
    await user.click(screen.getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(close).toHaveBeenCalledOnce());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('confirmAction', () => {
  it('opens one dialog, runs the action on confirm, closes, and gives focus back to the opener', async () => {
    const onConfirm = vi.fn();
    const onClosed = vi.fn();
    const { user } = renderWithProviders(
      <button onClick={() => confirmAction({ title: 'Ban bob?', message: 'bob cannot log in until unbanned.', confirmLabel: 'Ban', destructive: true, onConfirm, onClosed })}>
        Ban…
      </button>,
    );
    const opener = screen.getByRole('button', { name: 'Ban…' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Ban bob?' });
    expect(dialog).toHaveTextContent('bob cannot log in until unbanned.');
    await user.click(within(dialog).getByRole('button', { name: 'Ban' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(onClosed).toHaveBeenCalledOnce();
    expect(opener).toHaveFocus();
  });

  it('does nothing when cancelled', async () => {
    const onConfirm = vi.fn();
    const { user } = renderWithProviders(<button onClick={() => confirmAction({ title: 'Delete?', message: 'x', confirmLabel: 'Delete', onConfirm })}>Open</button>);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
