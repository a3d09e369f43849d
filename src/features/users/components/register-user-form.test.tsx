import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client/api-error';
import { callApi } from '@/lib/api-client/http';
import { renderWithProviders } from '@/testing/render';
import { RegisterUserForm } from './register-user-form';

vi.mock('@/lib/api-client/http', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/api-client/http')>()),
  callApi: vi.fn(),
}));
const call = vi.mocked(callApi);

beforeEach(() => {
  call.mockReset();
});

const entity = (username: string) => ({ uuid: 'u-1', created: 1, username, activated: true });

const fields = () => ({
  username: screen.getByLabelText(/^Username/),
  password: screen.getByLabelText(/^Password/),
  repeat: screen.getByLabelText(/^Repeat the password/),
  nickname: screen.getByLabelText(/^Nickname/),
  submit: screen.getByRole('button', { name: 'Register' }),
});

describe('RegisterUserForm', () => {
  it('checks the username and lengths as you type, and sends nothing while invalid', async () => {
    const { user } = renderWithProviders(<RegisterUserForm app="demo" />);
    const f = fields();
    await user.type(f.username, 'Bob');
    expect(screen.getByText('Will be stored as “bob” (usernames are lower case).')).toBeInTheDocument();
    await user.type(f.username, ' x');
    expect(screen.getByText('Only a–z, 0–9, “_”, “-” and “.” are allowed (no spaces).')).toBeInTheDocument();
    await user.clear(f.username);
    await user.click(f.username);
    await user.paste('a'.repeat(65));
    expect(screen.getByText('At most 64 characters (this is 65).')).toBeInTheDocument();
    await user.click(f.nickname);
    await user.paste('n'.repeat(101));
    expect(screen.getByText('At most 100 characters (this is 101).')).toBeInTheDocument();
    await user.type(f.password, 'secret');
    await user.type(f.repeat, 'secreT');
    expect(screen.getByText('The two passwords differ.')).toBeInTheDocument();
    await user.click(f.submit);
    expect(call).not.toHaveBeenCalled();
  });

  it('says what is missing on submit', async () => {
    const { user } = renderWithProviders(<RegisterUserForm app="demo" />);
    await user.click(fields().submit);
    expect(screen.getByText('Enter a username.')).toBeInTheDocument();
    expect(screen.getByText('Enter a password.')).toBeInTheDocument();
    expect(call).not.toHaveBeenCalled();
  });

  it('registers in lower case with the nickname, clears the form and links to the new user', async () => {
    call.mockResolvedValue({ entities: [entity('new.user')] });
    const { user } = renderWithProviders(<RegisterUserForm app="demo" />);
    const f = fields();
    expect(f.password).toHaveAttribute('type', 'password');
    await user.type(f.username, 'New.User');
    await user.type(f.password, 'pw-1');
    await user.type(f.repeat, 'pw-1');
    await user.type(f.nickname, '新用户');
    await user.click(f.submit);
    expect(await screen.findByRole('link', { name: 'new.user' })).toHaveAttribute('href', '/demo/users/new.user');
    expect(call).toHaveBeenCalledOnce();
    expect(call.mock.calls[0]![2]).toMatchObject({ method: 'post', path: 'users', json: { username: 'new.user', password: 'pw-1', nickname: '新用户' } });
    for (const input of Object.values(fields()).slice(0, 4)) expect(input).toHaveValue('');
  });

  it('names an existing user and keeps what was typed', async () => {
    call.mockRejectedValue(
      new ApiError({ kind: 'http', status: 400, error: 'duplicate_unique_property_exists', description: 'value of carol exists', call: 'POST /users' }),
    );
    const { user } = renderWithProviders(<RegisterUserForm app="demo" />);
    const f = fields();
    await user.type(f.username, 'Carol');
    await user.type(f.password, 'pw');
    await user.type(f.repeat, 'pw');
    await user.click(f.submit);
    expect(await screen.findByRole('alert')).toHaveTextContent('A user called carol already exists.');
    expect(f.username).toHaveValue('Carol');
    expect(f.password).toHaveValue('pw');
    expect(f.repeat).toHaveValue('pw');
  });

  it('shows the API’s own message for other refusals, in Chinese too', async () => {
    call.mockRejectedValue(new ApiError({ kind: 'http', status: 400, error: 'illegal_argument', description: 'password must be 1-64 characters', call: 'POST /users' }));
    const { user } = renderWithProviders(<RegisterUserForm app="demo" />, { language: 'zh-CN' });
    await user.type(screen.getByLabelText(/^用户名/), 'dan');
    await user.type(screen.getByLabelText(/^密码/), 'pw');
    await user.type(screen.getByLabelText(/^再次输入密码/), 'pw');
    await user.click(screen.getByRole('button', { name: '注册' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('password must be 1-64 characters'));
    expect(screen.getByLabelText(/^用户名/)).toHaveValue('dan');
  });
});
