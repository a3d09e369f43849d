import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userKeys } from '@/features/users/api/keys';
import { registerUsers, imHostPerTest } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import { DangerZone } from './danger-zone';
import { parseDeleteCount } from './danger-zone-panel';

// Registered oldest first: the service deletes the oldest accounts.
const host = imHostPerTest({}, async (h) => {
  await registerUsers(h, ['alice', 'bob', 'carol', 'dave', 'erin']);
});
const usersLeft = () => host().emulator.db.prepare('SELECT username FROM users ORDER BY seq').pluck().all();

describe('parseDeleteCount', () => {
  it('accepts only whole numbers from 1 to 500', () => {
    expect(['1', ' 42 ', '500'].map(parseDeleteCount)).toEqual([1, 42, 500]);
    expect(['', '0', '501', '-3', '2.5', 'abc', '1e2'].map(parseDeleteCount)).toEqual(Array(7).fill(undefined));
  });
});

describe('DangerZone', () => {
  it('is collapsed, checks the count, asks for it to be typed again, then lists who was deleted and refreshes the lists', async () => {
    const { user, queryClient } = renderWithProviders(<DangerZone app="demo" />, { imHost: host() });
    queryClient.setQueryData(userKeys.list('demo', { limit: 20 }), { entities: [] });

    const toggle = screen.getByRole('button', { name: 'Show the danger zone' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    await user.click(toggle);
    // The form loads when the zone is opened.
    expect(await screen.findByText(/the oldest accounts first/)).toBeInTheDocument();

    const count = screen.getByRole('textbox', { name: 'How many users to delete' });
    for (const bad of ['0', '501', 'abc']) {
      await user.clear(count);
      await user.type(count, bad);
      expect(screen.getByText('Enter a whole number from 1 to 500.')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Delete the oldest users…' })).toBeDisabled();
    }
    await user.clear(count);
    await user.type(count, '3');
    await user.click(screen.getByRole('button', { name: 'Delete the 3 oldest users…' }));

    const dialog = await screen.findByRole('dialog', { name: 'Delete 3 users?' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: 'Type 3 to confirm' }), '3');
    expect(host().calls).toHaveLength(0);
    await user.click(confirm);

    expect(await screen.findByText('3 users were deleted.')).toBeInTheDocument();
    expect(screen.getByText(/alice\s+bob\s+carol/)).toBeInTheDocument();
    expect(host().calls.map((c) => `${c.method} ${c.path}?${c.query}`)).toEqual(['DELETE users?limit=3']);
    expect(usersLeft()).toEqual(['dave', 'erin']);
    await waitFor(() => expect(queryClient.getQueryState(userKeys.list('demo', { limit: 20 }))?.isInvalidated).toBe(true));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('keeps the dialog open when the service refuses (in Chinese)', async () => {
    // Documented: DELETE /users is limited to 30 calls a second; this one is over.
    host().emulator.faults.add({ status: 429, method: 'DELETE', path: '/users' });
    const { user } = renderWithProviders(<DangerZone app="demo" />, { language: 'zh-CN', imHost: host() });
    await user.click(screen.getByRole('button', { name: '显示危险操作' }));
    await user.type(screen.getByRole('textbox', { name: '要删除的用户数量' }), '2');
    await user.click(screen.getByRole('button', { name: '删除最早的 2 个用户…' }));
    const dialog = await screen.findByRole('dialog', { name: '删除 2 个用户？' });
    await user.type(within(dialog).getByRole('textbox', { name: '输入 2 以确认' }), '2');
    await user.click(within(dialog).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(host().calls).toHaveLength(1));
    await waitFor(() => expect(within(dialog).getByRole('button', { name: '删除' })).toBeEnabled());
    expect(screen.getByRole('dialog', { name: '删除 2 个用户？' })).toBeInTheDocument();
    expect(screen.queryByText('已删除的用户')).not.toBeInTheDocument();
    expect(usersLeft()).toHaveLength(5);
  });
});
