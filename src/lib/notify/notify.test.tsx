import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { NotificationsHost } from './notifications-host';
import { notify } from './notify';

describe('notify', () => {
  it('mounts the notifications on first use and shows the message', async () => {
    renderWithProviders(<NotificationsHost />);
    expect(screen.queryByText('alice is banned.')).toBeNull();
    act(() => notify({ color: 'green', message: 'alice is banned.' }));
    expect(await screen.findByText('alice is banned.')).toBeInTheDocument();
    act(() => notify({ color: 'red', title: 'The action failed', message: 'no such user' }));
    expect(await screen.findByText('no such user')).toBeInTheDocument();
    expect(screen.getByText('alice is banned.')).toBeInTheDocument();
    // Each can be closed by a named button (axe: button-name).
    expect(screen.getAllByRole('button', { name: 'Close notification' })).toHaveLength(2);
  });
});
