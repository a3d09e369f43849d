import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { registerUsers, imHostPerTest } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import { ImportUsers } from './import-users';

const host = imHostPerTest({}, async (h) => {
  await registerUsers(h, ['carol']);
});

describe('ImportUsers', () => {
  it('previews pasted lines with each row’s problem, never showing a password', async () => {
    const { user } = renderWithProviders(<ImportUsers app="demo" />, { imHost: host() });
    await user.click(screen.getByLabelText('Paste lines or CSV text'));
    await user.paste('Ann01,topsecret,安\nbad name,pw\nann01,x\n');
    const table = await screen.findByRole('table', { name: 'Users to register' });
    expect(screen.getByText('3 rows: 1 ready, 2 with problems.')).toBeInTheDocument();
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('ann01');
    expect(rows[1]).toHaveTextContent('given as Ann01');
    expect(rows[1]).toHaveTextContent('•••• (9 characters)');
    expect(rows[1]).toHaveTextContent('Ready');
    expect(rows[2]).toHaveTextContent('Username may only contain a–z, 0–9, “_”, “-” and “.”.');
    expect(rows[3]).toHaveTextContent('Same username as line 1 (usernames ignore case): not sent again.');
    expect(table).not.toHaveTextContent('topsecret');
    expect(screen.getByRole('button', { name: 'Register 1 user…' })).toBeEnabled();
    expect(host().calls).toEqual([]);
  });

  it('reads a UTF-8 file with a BOM, sends only valid rows in one batch, and shows each outcome', async () => {
    const { user, container } = renderWithProviders(<ImportUsers app="demo" />, { imHost: host() });
    const csv = '\ufeffusername,password,nickname\r\nu1,pw1,小明\r\nu2,pw2,"Smith, J"\r\ncarol,pw3,\r\nBAD!,pw4,x\r\n';
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(input, new File([csv], 'users.csv', { type: 'text/csv' }));
    expect(await screen.findByText('Reading users.csv')).toBeInTheDocument();
    expect(await screen.findByText('4 rows: 3 ready, 1 with problems.')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '小明' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Register 3 users…' }));
    const dialog = screen.getByRole('dialog', { name: 'Register users' });
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    expect(within(dialog).getByText('Register 3 users in app demo.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Register' }));
    expect(await within(dialog).findByText('2 succeeded, 1 failed, 0 skipped')).toBeInTheDocument();
    expect(within(dialog).getByRole('row', { name: /carol Failed the carol already exists/ })).toBeInTheDocument();

    expect(host().calls.map((c) => [c.method, c.path, c.body])).toEqual([
      [
        'POST',
        'users',
        [
          { username: 'u1', password: 'pw1', nickname: '小明' },
          { username: 'u2', password: 'pw2', nickname: 'Smith, J' },
          { username: 'carol', password: 'pw3' },
        ],
      ],
    ]);
    expect((await host().arrange('GET', '/users/u2')).entities[0]).toMatchObject({ username: 'u2', nickname: 'Smith, J' });
    // carol was there before and keeps her own password.
    expect(host().emulator.db.prepare('SELECT password FROM users WHERE username = ?').pluck().get('carol')).toBe('pw-carol');

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    const table = screen.getByRole('table', { name: 'Users to register' });
    expect(within(table).getByRole('link', { name: 'u1' })).toHaveAttribute('href', '/demo/users/u1');
    expect(within(table).getByRole('row', { name: /carol .*Refused the carol already exists/ })).toBeInTheDocument();
    // Only the refused row is left to send.
    expect(screen.getByRole('button', { name: 'Register 1 user…' })).toBeEnabled();
  });

  it('refuses a header without a password column, in Chinese', async () => {
    const { user } = renderWithProviders(<ImportUsers app="demo" />, { language: 'zh-CN', imHost: host() });
    await user.click(screen.getByLabelText('粘贴多行或 CSV 文本'));
    await user.paste('username,nickname\nann,安\n');
    expect(await screen.findByText('表头缺少 password 列')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: '注册 0 个用户…' })).toBeDisabled());
  });
});
