import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { setSessionState, useCan } from './session-store';

// What each role's buttons show is tested where the buttons are (features/users/components/user-actions.test.tsx).
const signIn = (role: 'viewer' | 'support') => setSessionState({ status: 'signed-in', username: `op-${role}`, role, csrfToken: 't' });

afterEach(() => setSessionState({ status: 'checking' }));

function Probe({ method, path }: { method: string; path: string }) {
  return <p>{useCan()(method, path) ? 'allowed' : 'hidden'}</p>;
}

describe('useCan', () => {
  it('follows the role, and allows everything when no sign-in is needed', () => {
    signIn('viewer');
    renderWithProviders(<Probe method="post" path="users/alice/deactivate" />);
    expect(screen.getByText('hidden')).toBeInTheDocument();
    act(() => signIn('support'));
    expect(screen.getByText('allowed')).toBeInTheDocument();
    act(() => setSessionState({ status: 'open' }));
    expect(screen.getByText('allowed')).toBeInTheDocument();
    act(() => setSessionState({ status: 'signed-out', reason: 'expired' }));
    expect(screen.getByText('hidden')).toBeInTheDocument();
  });
});
