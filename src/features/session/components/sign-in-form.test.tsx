import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getSessionState, setSessionState } from '@/lib/session/session-store';
import { fakeConsoleServer, jsonResponse, type FakeConsoleServer } from '@/testing/fake-console';
import { renderWithProviders } from '@/testing/render';
import { SignInForm } from './sign-in-form';

// The real client (ky, errors, messages) against the console server's session endpoint, answered by
// the test; with the console's own retry rules, so "never retried" is the client's doing.
let server: FakeConsoleServer;
const answer = (status: number, body: unknown) => {
  server.handle = () => jsonResponse(body, status);
};
const render = (ui = <SignInForm />, language: 'en' | 'zh-CN' = 'en') => renderWithProviders(ui, { language, consoleServer: server });

beforeEach(() => {
  server = fakeConsoleServer(undefined, {});
  setSessionState({ status: 'signed-out', reason: 'initial' });
});
afterEach(() => {
  setSessionState({ status: 'checking' });
});

const fields = () => ({
  username: screen.getByLabelText(/^Username/),
  password: screen.getByLabelText(/^Password/),
  submit: screen.getByRole('button', { name: 'Sign in' }),
});

describe('SignInForm', () => {
  it('asks for both fields before sending, focusing the first missing one', async () => {
    const { user } = render();
    const f = fields();
    await user.click(f.submit);
    expect(screen.getByText('Enter your username')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(f.username).toHaveFocus();
    await user.type(f.username, 'vera');
    await user.click(f.submit);
    expect(f.password).toHaveFocus();
    expect(server.requests).toEqual([]);
  });

  it('signs in with a POST and stores the operator, role and CSRF token', async () => {
    answer(200, { username: 'vera', role: 'viewer', csrfToken: 'tok-1' });
    const onSignedIn = vi.fn();
    const { user } = render(<SignInForm onSignedIn={onSignedIn} />);
    const f = fields();
    await user.type(f.username, ' vera ');
    await user.type(f.password, 'pw 1');
    await user.click(f.submit);
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(new URL(req.url).pathname).toBe('/im-console/session');
    expect(await req.json()).toEqual({ username: 'vera', password: 'pw 1' });
    expect(getSessionState()).toEqual({ status: 'signed-in', username: 'vera', role: 'viewer', csrfToken: 'tok-1' });
  });

  it('shows the server’s own words on 401 and keeps what was typed', async () => {
    answer(401, { error: 'invalid_credentials', error_description: 'Wrong username or password.' });
    const { user } = render();
    const f = fields();
    await user.type(f.username, 'vera');
    await user.type(f.password, 'nope');
    await user.click(f.submit);
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
    expect(f.username).toHaveValue('vera');
    expect(f.password).toHaveValue('nope');
    expect(f.password).toHaveFocus();
    expect(getSessionState().status).toBe('signed-out');
  });

  it('says how long to wait on 429, in words, without retrying', async () => {
    answer(429, { error: 'too_many_attempts', error_description: 'Too many attempts', retry_after_seconds: 95 });
    const { user } = render();
    const f = fields();
    await user.type(f.username, 'vera');
    await user.type(f.password, 'nope');
    await user.click(f.submit);
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many failed attempts. Try again in 2 minutes.');
    expect(server.requests).toHaveLength(1);
  });

  it('reads in Chinese too', async () => {
    answer(429, { error: 'too_many_attempts', retry_after_seconds: 30 });
    const { user } = render(<SignInForm />, 'zh-CN');
    await user.type(screen.getByLabelText(/^用户名/), 'vera');
    await user.type(screen.getByLabelText(/^密码/), 'x');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请在 30 秒后重试');
  });
});
