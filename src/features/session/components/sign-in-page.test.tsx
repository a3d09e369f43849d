import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSessionState } from '@/lib/session/session-store';
import { fakeConsoleServer, jsonResponse, type FakeConsoleServer } from '@/testing/fake-console';
import { renderWithProviders } from '@/testing/render';
import SignInPage from './sign-in-page';

// The sign-in page asks the console server what it offers (`GET /im-console/sso`): single sign-on
// beside or instead of the password form, and why the provider's last sign-in was refused.

let server: FakeConsoleServer;
const offers = (body: unknown, status = 200) => {
  server.handle = (request) => (new URL(request.url).pathname === '/im-console/sso' ? jsonResponse(body, status) : jsonResponse({ error: 'not_found' }, 404));
};
const render = (language: 'en' | 'zh-CN' = 'en') => renderWithProviders(<SignInPage reason="initial" onSignedIn={() => {}} />, { language, consoleServer: server });

beforeEach(() => {
  server = fakeConsoleServer();
  setSessionState({ status: 'signed-out', reason: 'initial' });
});
afterEach(() => setSessionState({ status: 'checking' }));

describe('SignInPage', () => {
  it('offers the provider beside the password form, returning to the page asked for', async () => {
    window.history.replaceState(null, '', '/demo/groups/123?tab=mutes');
    offers({ sso: { label: 'Okta' }, localSignIn: true, refusal: null });
    render();
    const button = await screen.findByRole('link', { name: 'Sign in with Okta' });
    expect(button).toHaveAttribute('href', `/im-console/sso/start?return=${encodeURIComponent('/demo/groups/123?tab=mutes')}`);
    expect(screen.getByLabelText(/^Password/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows only the provider with LOCAL_SIGN_IN=off, and says why the last sign-in was refused, in Chinese too', async () => {
    offers({ sso: { label: 'Keycloak' }, localSignIn: false, refusal: 'sso_no_role' });
    const { unmount } = render();
    expect(await screen.findByRole('alert')).toHaveTextContent(/None of your groups at the identity provider gives a role/);
    expect(screen.getByRole('link', { name: 'Sign in with Keycloak' })).toBeInTheDocument();
    expect(screen.queryByLabelText(/^Password/)).not.toBeInTheDocument();
    unmount();
    render('zh-CN');
    expect(await screen.findByRole('link', { name: '使用 Keycloak 登录' })).toBeInTheDocument();
  });

  it('keeps the password form when the server has no single sign-on or cannot say', async () => {
    offers({ sso: null, localSignIn: true, refusal: null });
    const { unmount } = render();
    expect(await screen.findByLabelText(/^Password/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Sign in with/ })).not.toBeInTheDocument();
    unmount();
    offers({ error: 'not_found' }, 404);
    render();
    expect(await screen.findByLabelText(/^Password/)).toBeInTheDocument();
  });
});
