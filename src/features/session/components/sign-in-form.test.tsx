import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getSessionState, setSessionState } from '@/lib/session/session-store';
import { renderWithProviders } from '@/testing/render';
import { SignInForm } from './sign-in-form';

// The real client (ky, errors, messages) against a faked network (jsdom has no origin to resolve `/` against).
const fetchMock = vi.hoisted(() => vi.fn<(input: Request) => Promise<Response>>());
vi.mock('@/lib/api-client/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/api-client/http')>();
  const fake = (input: RequestInfo | URL, init?: RequestInit) => fetchMock(new Request(input, init));
  return { ...real, http: real.createHttp({ prefixUrl: 'http://console.test/', fetch: fake as typeof fetch }) };
});
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

beforeEach(() => {
  fetchMock.mockReset();
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
    const { user } = renderWithProviders(<SignInForm />);
    const f = fields();
    await user.click(f.submit);
    expect(screen.getByText('Enter your username')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(f.username).toHaveFocus();
    await user.type(f.username, 'vera');
    await user.click(f.submit);
    expect(f.password).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('signs in with a POST and stores the operator, role and CSRF token', async () => {
    fetchMock.mockResolvedValue(json(200, { username: 'vera', role: 'viewer', csrfToken: 'tok-1' }));
    const onSignedIn = vi.fn();
    const { user } = renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
    const f = fields();
    await user.type(f.username, ' vera ');
    await user.type(f.password, 'pw 1');
    await user.click(f.submit);
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    const req = fetchMock.mock.calls[0]![0];
    expect(req.method).toBe('POST');
    expect(new URL(req.url).pathname).toBe('/im-console/session');
    expect(await req.json()).toEqual({ username: 'vera', password: 'pw 1' });
    expect(getSessionState()).toEqual({ status: 'signed-in', username: 'vera', role: 'viewer', csrfToken: 'tok-1' });
  });

  it('shows the server’s own words on 401 and keeps what was typed', async () => {
    fetchMock.mockResolvedValue(json(401, { error: 'invalid_credentials', error_description: 'Wrong username or password.' }));
    const { user } = renderWithProviders(<SignInForm />);
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
    fetchMock.mockResolvedValue(json(429, { error: 'too_many_attempts', error_description: 'Too many attempts', retry_after_seconds: 95 }));
    const { user } = renderWithProviders(<SignInForm />);
    const f = fields();
    await user.type(f.username, 'vera');
    await user.type(f.password, 'nope');
    await user.click(f.submit);
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many failed attempts. Try again in 2 minutes.');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('reads in Chinese too', async () => {
    fetchMock.mockResolvedValue(json(429, { error: 'too_many_attempts', retry_after_seconds: 30 }));
    const { user } = renderWithProviders(<SignInForm />, { language: 'zh-CN' });
    await user.type(screen.getByLabelText(/^用户名/), 'vera');
    await user.type(screen.getByLabelText(/^密码/), 'x');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请在 30 秒后重试');
  });
});
