import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { registerUsers, imHostPerTest } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import { RegisterUserForm } from './register-user-form';

const host = imHostPerTest({}, async (h) => {
  await registerUsers(h, ['carol']);
});
const render = (language: 'en' | 'zh-CN' = 'en') => renderWithProviders(<RegisterUserForm app="demo" />, { language, imHost: host() });
const userCount = () => (host().emulator.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;

const fields = () => ({
  username: screen.getByLabelText(/^Username/),
  password: screen.getByLabelText(/^Password/),
  repeat: screen.getByLabelText(/^Repeat the password/),
  nickname: screen.getByLabelText(/^Nickname/),
  submit: screen.getByRole('button', { name: 'Register' }),
});

describe('RegisterUserForm', () => {
  it('checks the username and lengths as you type, and sends nothing while invalid', async () => {
    const { user } = render();
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
    expect(host().calls).toEqual([]);
  });

  it('says what is missing on submit', async () => {
    const { user } = render();
    await user.click(fields().submit);
    expect(screen.getByText('Enter a username.')).toBeInTheDocument();
    expect(screen.getByText('Enter a password.')).toBeInTheDocument();
    expect(host().calls).toEqual([]);
  });

  it('registers in lower case with the nickname, clears the form and links to the new user', async () => {
    const { user } = render();
    const f = fields();
    expect(f.password).toHaveAttribute('type', 'password');
    await user.type(f.username, 'New.User');
    await user.type(f.password, 'pw-1');
    await user.type(f.repeat, 'pw-1');
    await user.type(f.nickname, '新用户');
    await user.click(f.submit);
    expect(await screen.findByRole('link', { name: 'new.user' })).toHaveAttribute('href', '/demo/users/new.user');
    expect(host().calls.map((c) => [c.method, c.path, c.body])).toEqual([['POST', 'users', { username: 'new.user', password: 'pw-1', nickname: '新用户' }]]);
    expect((await host().arrange('GET', '/users/new.user')).entities[0]).toMatchObject({ username: 'new.user', nickname: '新用户', activated: true });
    for (const input of Object.values(fields()).slice(0, 4)) expect(input).toHaveValue('');
  });

  it('names an existing user and keeps what was typed', async () => {
    const { user } = render();
    const f = fields();
    await user.type(f.username, 'Carol');
    await user.type(f.password, 'pw');
    await user.type(f.repeat, 'pw');
    await user.click(f.submit);
    expect(await screen.findByRole('alert')).toHaveTextContent('A user called carol already exists.');
    expect(f.username).toHaveValue('Carol');
    expect(f.password).toHaveValue('pw');
    expect(f.repeat).toHaveValue('pw');
    expect(userCount()).toBe(1);
  });

  it('shows the API’s own message for other refusals, in Chinese too', async () => {
    // A form-valid registration is refused only by a busy service: 503 on this one call.
    host().emulator.faults.add({ status: 503, method: 'POST', path: '/users' });
    const { user } = render('zh-CN');
    await user.type(screen.getByLabelText(/^用户名/), 'dan');
    await user.type(screen.getByLabelText(/^密码/), 'pw');
    await user.type(screen.getByLabelText(/^再次输入密码/), 'pw');
    await user.click(screen.getByRole('button', { name: '注册' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The service is temporarily unavailable, try again later'));
    expect(screen.getByLabelText(/^用户名/)).toHaveValue('dan');
    expect(userCount()).toBe(1);
  });
});
