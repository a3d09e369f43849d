import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CursorSearch } from '@/components/data-table/pagination-search';
import { setSessionState } from '@/lib/session/session-store';
import { registerUsers, imHostPerTest } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import { UsersTable, UsersTableView } from './users-table';

// Every user is created at this moment on the emulator's clock.
const CREATED = Date.UTC(2024, 0, 15, 9, 30);
const host = imHostPerTest({ now: () => CREATED });

/** Users as a test needs them: registered (with a nickname), some online, some banned. */
async function seed(users: { name: string; nickname?: string; online?: boolean; banned?: boolean }[]) {
  const h = host();
  await registerUsers(h, users.map((u) => u.name));
  for (const u of users) {
    if (u.nickname) await h.arrange('PUT', `/users/${u.name}`, { nickname: u.nickname });
    if (u.banned) await h.arrange('POST', `/users/${u.name}/deactivate`);
    // No REST call logs a user in: online as a client would have made them.
    if (u.online) h.emulator.db.prepare('UPDATE users SET online = 1 WHERE username = ?').run(u.name);
  }
}
const activated = (name: string) => host().emulator.db.prepare('SELECT activated FROM users WHERE username = ?').pluck().get(name);

afterEach(() => {
  setSessionState({ status: 'checking' });
});

function render(search: CursorSearch = { limit: 20 }, language: 'en' | 'zh-CN' = 'en') {
  const onSearch = vi.fn();
  const utils = renderWithProviders(
    <UsersTable app="demo" search={search} onSearch={onSearch} />,
    { language, imHost: host() },
  );
  return { ...utils, onSearch };
}

describe('UsersTable', () => {
  it('shows each user with a link, the account state in words, the creation date, and the page’s online status from one call', async () => {
    await seed([{ name: 'alice', nickname: 'Alice', online: true }, { name: 'mallory', banned: true }, { name: 'trent' }]);
    let releaseStatus!: () => void;
    const statusGate = new Promise<void>((r) => (releaseStatus = r));
    host().beforeForward((call) => (call.path === 'users/batch/status' ? statusGate : undefined));
    const { onSearch } = render({ limit: 2 });
    await screen.findByRole('link', { name: 'alice' });
    const table = screen.getByRole('table', { name: 'Users' });
    const alice = within(table).getByRole('row', { name: /alice/ });
    expect(within(alice).getByRole('link', { name: 'alice' })).toHaveAttribute('href', '/demo/users/alice');
    expect(alice).toHaveTextContent('Alice');
    expect(alice).toHaveTextContent('Active');
    expect(alice).toHaveTextContent('Jan 15, 2024');
    expect(within(table).getByRole('row', { name: /mallory/ })).toHaveTextContent('Banned');
    expect(within(table).queryByRole('row', { name: /trent/ })).not.toBeInTheDocument();
    // While the status call is out: a placeholder, not a guess.
    expect(within(alice).getByRole('img', { name: 'Loading the online status' })).toBeInTheDocument();
    releaseStatus();
    await waitFor(() => expect(alice).toHaveTextContent('Online'));
    expect(within(table).getByRole('row', { name: /mallory/ })).toHaveTextContent('Offline');

    const statusCalls = host().callsTo('POST', 'users/batch/status');
    expect(statusCalls.map((c) => c.body)).toEqual([{ usernames: ['alice', 'mallory'] }]);
    expect(host().callsTo('GET').map((c) => `${c.path}?${c.query}`)).toEqual(['users?limit=2']);

    screen.getByRole('button', { name: 'Next page' }).click();
    expect(onSearch).toHaveBeenCalledWith({ limit: 2, cursor: expect.any(String), prev: [''] });
    // The cursor handed on is the emulator's own: it leads to the next page.
    const next = await host().arrange('GET', `/users?limit=2&cursor=${onSearch.mock.calls[0]![0].cursor}`);
    expect(next.entities.map((u: { username: string }) => u.username)).toEqual(['trent']);
  });

  it('says so when the page is empty, and shows the API’s error with Retry when the list fails (in Chinese)', async () => {
    host().emulator.faults.add({ status: 503, method: 'GET', path: '/users' });
    const { user: u } = render({ limit: 20 }, 'zh-CN');
    expect(await screen.findByText(/The service is temporarily unavailable, try again later/)).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('本页没有用户')).toBeInTheDocument();
    // No names, no status call.
    expect(host().callsTo('GET', 'users')).toHaveLength(2);
    expect(host().callsTo('POST', 'users/batch/status')).toEqual([]);
  });

  it('puts each row’s own action one click away: Unban on a banned row, asked first', async () => {
    await seed([{ name: 'alice', nickname: 'Alice' }, { name: 'mallory', banned: true }]);
    const { user: u } = render();
    await screen.findByRole('link', { name: 'alice' });
    const table = screen.getByRole('table', { name: 'Users' });
    expect(within(table).getByRole('button', { name: 'Ban alice' })).toHaveTextContent('Ban');
    await u.click(within(table).getByRole('button', { name: 'Unban mallory' }));
    const dialog = await screen.findByRole('dialog', { name: 'Unban mallory?' });
    expect(dialog).toHaveTextContent('mallory will be able to log in again.');
    expect(host().callsTo('POST', 'users/mallory/activate')).toEqual([]);
    await u.click(within(dialog).getByRole('button', { name: 'Unban' }));
    await waitFor(() => expect(host().callsTo('POST', 'users/mallory/activate')).toHaveLength(1));
    expect(activated('mallory')).toBe(1);
    // The list is read again: mallory's row follows the API.
    await waitFor(() => expect(host().callsTo('GET', 'users')).toHaveLength(2));
    await waitFor(() => expect(within(table).getByRole('row', { name: /mallory/ })).toHaveTextContent('Active'));
  });

  it('shows rows from elsewhere (search results) with the same columns, selection and actions, and tells the page after a change', async () => {
    await seed([{ name: 'wong88', online: true }, { name: 'bwong', banned: true }]);
    setSessionState({ status: 'signed-in', username: 'ops', role: 'support', csrfToken: 't' });
    const onChanged = vi.fn();
    const { user: u } = renderWithProviders(
      <UsersTableView
        app="demo"
        aria-label="Users matching “wong”"
        rows={[
          { username: 'wong88', nickname: '老王', activated: true, created: Date.UTC(2024, 0, 15, 9, 30) },
          { username: 'bwong', nickname: '', activated: false, created: null },
        ]}
        status={{ isPending: false }}
        empty={{ title: 'No user matches “wong”' }}
        pagination={null}
        note={<span>Index up to date 2 minutes ago.</span>}
        onChanged={onChanged}
      />,
      { imHost: host() },
    );
    const table = screen.getByRole('table', { name: 'Users matching “wong”' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['', 'Username', 'Push nickname', 'Account', 'Created', 'Online status', 'Actions']);
    const wong = within(table).getByRole('row', { name: /wong88/ });
    expect(wong).toHaveTextContent('Active');
    expect(wong).toHaveTextContent('Jan 15, 2024');
    await waitFor(() => expect(wong).toHaveTextContent('Online'));
    expect(within(table).getByRole('row', { name: /bwong/ })).toHaveTextContent('Banned');
    expect(screen.getByText('Index up to date 2 minutes ago.')).toBeInTheDocument();

    await u.click(within(wong).getByRole('checkbox', { name: 'Select wong88' }));
    expect(screen.getByRole('button', { name: 'Ban 1 selected' })).toBeInTheDocument();
    await u.click(within(wong).getByRole('button', { name: 'Ban wong88' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ban wong88?' });
    await u.click(within(dialog).getByRole('button', { name: 'Ban' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(host().callsTo('POST', /deactivate$/).map((c) => c.path)).toEqual(['users/wong88/deactivate']);
    expect(activated('wong88')).toBe(0);
  });

  it('offers a viewer no row actions', async () => {
    await seed([{ name: 'mallory', banned: true }]);
    setSessionState({ status: 'signed-in', username: 'ops', role: 'viewer', csrfToken: 't' });
    render();
    const row = await screen.findByRole('row', { name: /mallory/ });
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });
});
