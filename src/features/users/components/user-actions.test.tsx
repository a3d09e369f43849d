import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setSessionState } from '@/lib/session/session-store';
import { renderWithProviders } from '@/testing/render';
import { BulkUserActions } from './bulk-user-actions';
import { DangerZone } from './danger-zone';
import { UserActions } from './user-actions';

const signIn = (role: 'viewer' | 'support' | 'moderator' | 'admin') => setSessionState({ status: 'signed-in', username: `op-${role}`, role, csrfToken: 't' });
const alice = { uuid: 'id-alice', created: 1, username: 'alice', activated: true };

afterEach(() => setSessionState({ status: 'checking' }));

describe('account actions by role', () => {
  it('hides every account action from a viewer', () => {
    signIn('viewer');
    renderWithProviders(
      <>
        <UserActions app="demo" username="alice" user={alice} onDeleted={() => {}} />
        <BulkUserActions app="demo" selected={[]} onFinished={() => {}} />
        <DangerZone app="demo" />
      </>,
    );
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('shows support its actions but not deleting users, and an admin everything', () => {
    signIn('support');
    const { unmount } = renderWithProviders(
      <>
        <UserActions app="demo" username="alice" user={alice} onDeleted={() => {}} />
        <DangerZone app="demo" />
      </>,
    );
    for (const name of ['Ban', 'Force offline', 'Reset password', 'Push settings']) expect(screen.getByRole('button', { name })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Danger zone' })).not.toBeInTheDocument();
    unmount();

    signIn('admin');
    renderWithProviders(
      <>
        <UserActions app="demo" username="alice" user={alice} onDeleted={() => {}} />
        <DangerZone app="demo" />
      </>,
    );
    expect(screen.getByRole('button', { name: /Delete/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Danger zone' })).toBeInTheDocument();
  });
});
