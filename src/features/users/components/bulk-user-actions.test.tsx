import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userKeys } from '@/features/users/api/keys';
import { registerUsers, imHostPerTest } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import { BulkUserActions } from './bulk-user-actions';

const host = imHostPerTest({}, async (h) => {
  await registerUsers(h, ['erin', 'frank', 'grace', 'trent']);
  // No REST call logs a user in: grace and trent are online as a client would have made them.
  h.emulator.db.prepare("UPDATE users SET online = 1 WHERE username IN ('grace', 'trent')").run();
});
const calls = () => host().calls.map((c) => `${c.method} ${c.path}`);
const activated = (name: string) => host().emulator.db.prepare('SELECT activated FROM users WHERE username = ?').pluck().get(name);

describe('BulkUserActions', () => {
  it('bans the selection one user per call, refreshes the users once, and Undo unbans only those banned', async () => {
    const onFinished = vi.fn();
    const { user, queryClient } = renderWithProviders(<BulkUserActions app="demo" selected={['erin', 'nobody', 'frank']} onFinished={onFinished} />, {
      imHost: host(),
    });
    queryClient.setQueryData(userKeys.list('demo', { limit: 20 }), { entities: [] });

    await user.click(screen.getByRole('button', { name: 'Ban 3 selected' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ban users' });
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    await user.click(within(dialog).getByRole('button', { name: 'Ban' }));
    expect(await within(dialog).findByText('2 succeeded, 1 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();
    expect(within(dialog).getByRole('row', { name: /nobody Failed User with id null does not exist in app [0-9a-f-]{36} \(400 management\)/ })).toBeInTheDocument();
    expect(calls().sort()).toEqual(['POST users/erin/deactivate', 'POST users/frank/deactivate', 'POST users/nobody/deactivate']);
    expect([activated('erin'), activated('frank')]).toEqual([0, 0]);
    expect(onFinished).toHaveBeenCalledOnce();
    expect(queryClient.getQueryState(userKeys.list('demo', { limit: 20 }))?.isInvalidated).toBe(true);

    host().calls.length = 0;
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    expect(within(dialog).getByText('Unban the 2 users this run banned.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Unban' }));
    expect(await within(dialog).findByText('Result of the undo')).toBeInTheDocument();
    expect(calls().sort()).toEqual(['POST users/erin/activate', 'POST users/frank/activate']);
    expect([activated('erin'), activated('frank')]).toEqual([1, 1]);
    expect(onFinished).toHaveBeenCalledTimes(2);
  });

  it('with nothing selected, takes a pasted list; force offline offers no undo', async () => {
    const { user } = renderWithProviders(<BulkUserActions app="demo" selected={[]} onFinished={() => {}} />, { language: 'zh-CN', imHost: host() });
    await user.click(screen.getByRole('button', { name: '强制用户下线…' }));
    const dialog = await screen.findByRole('dialog', { name: '强制用户下线' });
    await user.click(within(dialog).getByRole('textbox', { name: /名称/ }));
    await user.paste('grace trent');
    await user.click(within(dialog).getByRole('button', { name: '确认内容' }));
    await user.click(within(dialog).getByRole('button', { name: '强制下线' }));
    expect(await within(dialog).findByText('成功 2，失败 0，跳过 0', { selector: 'p' })).toBeInTheDocument();
    expect(calls()).toEqual(['GET users/grace/disconnect', 'GET users/trent/disconnect']);
    for (const name of ['grace', 'trent']) expect((await host().arrange('GET', `/users/${name}/status`)).data).toEqual({ [name]: 'offline' });
    expect(within(dialog).queryByRole('button', { name: '撤销' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
