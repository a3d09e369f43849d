import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client/api-error';
import { callApi } from '@/lib/api-client/http';
import { renderWithProviders } from '@/testing/render';
import { ResetPasswordForm } from './reset-password-form';

// The form's own logic is under test; the HTTP call is replaced at the one place every call goes through.
vi.mock('@/lib/api-client/http', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/api-client/http')>()),
  callApi: vi.fn(),
}));
const call = vi.mocked(callApi);

beforeEach(() => {
  call.mockReset();
});

const fields = () => ({
  password: screen.getByLabelText(/^New password/),
  repeat: screen.getByLabelText(/^Repeat the new password/),
  submit: screen.getByRole('button', { name: 'Reset password' }),
});

describe('ResetPasswordForm', () => {
  it('refuses two different passwords without sending anything', async () => {
    const { user } = renderWithProviders(<ResetPasswordForm app="demo" username="trent" />);
    const f = fields();
    await user.type(f.password, 'secret-1');
    await user.type(f.repeat, 'secret-2');
    await user.click(f.submit);
    expect(await screen.findByText('The two passwords differ.')).toBeInTheDocument();
    expect(call).not.toHaveBeenCalled();
  });

  it('refuses an empty and a too long password', async () => {
    const { user } = renderWithProviders(<ResetPasswordForm app="demo" username="trent" />);
    const f = fields();
    await user.click(f.submit);
    expect(screen.getByText('Enter a password.')).toBeInTheDocument();
    const long = 'x'.repeat(65);
    await user.click(f.password);
    await user.paste(long);
    await user.click(f.repeat);
    await user.paste(long);
    await user.click(f.submit);
    expect(screen.getByText('At most 64 characters (this is 65).')).toBeInTheDocument();
    expect(call).not.toHaveBeenCalled();
  });

  it('sends a valid password once, as a password field never shown back, and clears the form', async () => {
    call.mockResolvedValue({ action: 'set user password' });
    const onDone = vi.fn();
    const { user } = renderWithProviders(<ResetPasswordForm app="demo" username="a/b" onDone={onDone} />);
    const f = fields();
    expect(f.password).toHaveAttribute('type', 'password');
    expect(f.repeat).toHaveAttribute('type', 'password');
    await user.click(f.password);
    await user.paste('x'.repeat(64));
    await user.click(f.repeat);
    await user.paste('x'.repeat(64));
    await user.click(f.submit);
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(call).toHaveBeenCalledOnce();
    expect(call.mock.calls[0]![2]).toMatchObject({ method: 'put', path: 'users/a%2Fb/password', json: { newpassword: 'x'.repeat(64) } });
    expect(f.password).toHaveValue('');
    expect(f.repeat).toHaveValue('');
  });

  it('keeps what was typed when the API refuses', async () => {
    call.mockRejectedValue(new ApiError({ kind: 'http', status: 404, error: 'entity_not_found', description: 'User null not found', call: 'PUT /x' }));
    const onDone = vi.fn();
    const { user } = renderWithProviders(<ResetPasswordForm app="demo" username="trent" onDone={onDone} />, { language: 'zh-CN' });
    await user.type(screen.getByLabelText(/^新密码/), 'new-pass');
    await user.type(screen.getByLabelText(/^再次输入新密码/), 'new-pass');
    await user.click(screen.getByRole('button', { name: '重置密码' }));
    await waitFor(() => expect(call).toHaveBeenCalledOnce());
    await waitFor(() => expect(screen.getByRole('button', { name: '重置密码' })).toBeEnabled());
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/^新密码/)).toHaveValue('new-pass');
    expect(screen.getByLabelText(/^再次输入新密码/)).toHaveValue('new-pass');
  });
});
