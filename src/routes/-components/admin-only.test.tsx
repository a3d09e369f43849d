import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setSessionState, type SessionState } from '@/lib/session/session-store';
import { renderWithProviders } from '@/testing/render';
import { AdminOnly } from './admin-only';

const page = (
  <AdminOnly title="Operators" note="Only admins can manage operators.">
    <p>the operators</p>
  </AdminOnly>
);

afterEach(() => setSessionState({ status: 'checking' }));

describe('AdminOnly', () => {
  it('gives a signed-in operator who is no admin the title and the note, not the page', () => {
    setSessionState({ status: 'signed-in', username: 'vic', role: 'moderator', csrfToken: 't' });
    renderWithProviders(page);
    expect(screen.getByRole('heading', { level: 1, name: 'Operators' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Only admins can manage operators.');
    expect(screen.queryByText('the operators')).toBeNull();
  });

  it.each<[string, SessionState]>([
    ['an admin', { status: 'signed-in', username: 'ada', role: 'admin', csrfToken: 't' }],
    ['a console without sign-in', { status: 'open' }],
    ['a session still being checked', { status: 'checking' }],
  ])('shows the page to %s', (_, state) => {
    setSessionState(state);
    renderWithProviders(page);
    expect(screen.getByText('the operators')).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
