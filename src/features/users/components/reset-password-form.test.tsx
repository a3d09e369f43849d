import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { registerUsers, imHostPerTest } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import { ResetPasswordForm } from './reset-password-form';

const host = imHostPerTest({}, async (h) => {
  await registerUsers(h, ['trent']);
});
const passwordOf = (username: string) => (host().emulator.db.prepare('SELECT password FROM users WHERE username = ?').get(username) as { password: string }).password;

const fields = () => ({
  password: screen.getByLabelText(/^New password/),
  repeat: screen.getByLabelText(/^Repeat the new password/),
  submit: screen.getByRole('button', { name: 'Reset password' }),
});

describe('ResetPasswordForm', () => {
  it('refuses two different passwords without sending anything', async () => {
    const { user } = renderWithProviders(<ResetPasswordForm app="demo" username="trent" />, { imHost: host() });
    const f = fields();
    await user.type(f.password, 'secret-1');
    await user.type(f.repeat, 'secret-2');
    await user.click(f.submit);
    expect(await screen.findByText('The two passwords differ.')).toBeInTheDocument();
    expect(host().calls).toEqual([]);
  });

  it('refuses an empty and a too long password', async () => {
    const { user } = renderWithProviders(<ResetPasswordForm app="demo" username="trent" />, { imHost: host() });
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
    expect(host().calls).toEqual([]);
    expect(passwordOf('trent')).toBe('pw-trent');
  });

  it('sends a valid password once, as a password field never shown back, and clears the form', async () => {
    const onDone = vi.fn();
    const { user } = renderWithProviders(<ResetPasswordForm app="demo" username="trent" onDone={onDone} />, { imHost: host() });
    const f = fields();
    expect(f.password).toHaveAttribute('type', 'password');
    expect(f.repeat).toHaveAttribute('type', 'password');
    await user.click(f.password);
    await user.paste('x'.repeat(64));
    await user.click(f.repeat);
    await user.paste('x'.repeat(64));
    await user.click(f.submit);
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(host().calls.map((c) => [c.method, c.path, c.body])).toEqual([['PUT', 'users/trent/password', { newpassword: 'x'.repeat(64) }]]);
    expect(passwordOf('trent')).toBe('x'.repeat(64));
    expect(f.password).toHaveValue('');
    expect(f.repeat).toHaveValue('');
  });

  it('keeps what was typed when the API refuses, and names the user as one path segment', async () => {
    const onDone = vi.fn();
    // No such user (a name with a slash cannot even be registered): the service answers 404.
    const { user } = renderWithProviders(<ResetPasswordForm app="demo" username="a/b" onDone={onDone} />, { language: 'zh-CN', imHost: host() });
    await user.type(screen.getByLabelText(/^新密码/), 'new-pass');
    await user.type(screen.getByLabelText(/^再次输入新密码/), 'new-pass');
    await user.click(screen.getByRole('button', { name: '重置密码' }));
    await waitFor(() => expect(host().calls).toHaveLength(1));
    expect(host().calls[0]!.path).toBe('users/a%2Fb/password');
    await waitFor(() => expect(screen.getByRole('button', { name: '重置密码' })).toBeEnabled());
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/^新密码/)).toHaveValue('new-pass');
    expect(screen.getByLabelText(/^再次输入新密码/)).toHaveValue('new-pass');
    expect(passwordOf('trent')).toBe('pw-trent');
  });
});
