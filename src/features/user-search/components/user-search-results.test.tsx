import { act, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DataTable, type TableSource } from '@/components/data-table/data-table';
import { fakeConsoleServer, jsonResponse, type FakeConsoleServer } from '@/testing/fake-console';
import { renderWithProviders } from '@/testing/render';
import type { IndexedUser } from '../api/search-users';
import { userSearchKeys } from '../api/keys';
import UserSearchResults from './user-search-results';


// The search is the console server's own endpoint (its index), not the IM host's: a fake server answers it.
let server: FakeConsoleServer;
const json = jsonResponse;
const found = (users: Partial<IndexedUser>[], over: Record<string, unknown> = {}) =>
  json({
    users: users.map((u) => ({ nickname: '', activated: true, created: null, username: 'x', ...u })),
    indexedAt: new Date().toISOString(),
    building: false,
    count: 3200,
    ...over,
  });

beforeEach(() => {
  server = fakeConsoleServer();
});
const render = (ui: ReactElement, language: 'en' | 'zh-CN' = 'en') => renderWithProviders(ui, { language, consoleServer: server });

/** What the route passes: the users table; here a plain DataTable with the same source. */
const table = ({ note, ...source }: TableSource<IndexedUser>) => (
  <DataTable<IndexedUser>
    {...source}
    toolbar={note}
    getRowId={(u) => u.username}
    columns={[
      { id: 'username', header: 'Username', cell: (u) => <a href={`/demo/users/${u.username}`}>{u.username}</a> },
      { id: 'nickname', header: 'Nickname', cell: (u) => u.nickname },
      { id: 'state', header: 'Account', cell: (u) => (u.activated ? 'Active' : 'Banned') },
    ]}
  />
);

const props = {
  app: 'demo',
  onSearch: () => {},
  table,
  settingsLink: <a href="/demo/search-settings">Open the Search settings</a>,
};

describe('UserSearchResults', () => {
  it('asks the index for the query and hands the matches to the users table, with its pages', async () => {
    server.handle = () =>
      found(
        [
          { username: 'wong88', nickname: '老王', activated: true, created: 1_700_000_000_000 },
          { username: 'bwong', activated: false },
        ],
        { cursor: '40' },
      );
    const onSearch = vi.fn();
    const onFound = vi.fn();
    const { user } = render(<UserSearchResults {...props} onSearch={onSearch} onFound={onFound} search={{ q: 'wong', limit: 20 }} />);
    expect(await screen.findByRole('link', { name: 'wong88' })).toHaveAttribute('href', '/demo/users/wong88');
    const results = screen.getByRole('table', { name: 'Users matching “wong”' });
    expect(within(results).getByText('老王')).toBeInTheDocument();
    expect(within(results).getByRole('row', { name: /bwong/ })).toHaveTextContent('Banned');
    expect(screen.getByText(/^Index up to date/)).toBeInTheDocument();
    const url = new URL(server.requests[0]!.url);
    expect(url.pathname).toBe('/im-console/apps/demo/users/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'wong', limit: '20' });
    // Two matches, neither named "wong": nothing opens by itself.
    expect(onFound).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: /next/i }));
    expect(onSearch).toHaveBeenCalledWith(expect.objectContaining({ q: 'wong', cursor: '40' }));
  });

  it('opens the one user a search finds (its only match, or an exact username), once per query', async () => {
    server.handle = () => found([{ username: 'mallory', nickname: 'Mallory', activated: false }]);
    const onFound = vi.fn();
    const only = render(<UserSearchResults {...props} onFound={onFound} search={{ q: 'allor', limit: 20 }} />);
    await waitFor(() => expect(onFound).toHaveBeenCalledWith('mallory'));
    // A later refresh of the same query does not navigate again.
    await act(() => only.queryClient.invalidateQueries({ queryKey: userSearchKeys.all('demo') }));
    await waitFor(() => expect(server.requests).toHaveLength(2));
    expect(onFound).toHaveBeenCalledOnce();
    only.unmount();

    onFound.mockClear();
    server.handle = () => found([{ username: 'Alice' }, { username: 'alice2' }, { username: 'malice' }], { cursor: '3' });
    render(<UserSearchResults {...props} onFound={onFound} search={{ q: 'alice', limit: 3 }} />);
    await waitFor(() => expect(onFound).toHaveBeenCalledWith('Alice'));

    // A later page of a query never opens a user.
    onFound.mockClear();
    server.handle = () => found([{ username: 'zed' }]);
    render(<UserSearchResults {...props} onFound={onFound} search={{ q: 'ze', limit: 20, cursor: '20', prev: [''] }} />);
    expect(await screen.findByRole('link', { name: 'zed' })).toBeInTheDocument();
    expect(onFound).not.toHaveBeenCalled();
  });

  it('while the first build runs, searches the users indexed so far and says so', async () => {
    server.handle = () => found([{ username: 'alice', nickname: 'Alice 爱丽丝' }, { username: 'grace', nickname: '格蕾丝 Grace' }], { indexedAt: null, building: true, count: 1200 });
    const first = render(<UserSearchResults {...props} search={{ q: '丝', limit: 20 }} />);
    expect(await screen.findByText('Searching the 1,200 users indexed so far — the index is still being built.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'grace' })).toBeInTheDocument();
    first.unmount();

    // Stopped half way (cancelled, or the host went away): the same, with the way to the settings.
    server.handle = () => found([], { indexedAt: null, building: false, count: 800 });
    render(<UserSearchResults {...props} search={{ q: 'zz', limit: 20 }} />, 'zh-CN');
    expect(await screen.findByText(/正在已索引的 800 个用户中搜索——遍历未完成就停止了。/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the Search settings' })).toBeInTheDocument();
    expect(screen.getByText('没有用户匹配“zz”')).toBeInTheDocument();
  });

  it('with no index at all points to the settings; shows the server’s refusal with Retry', async () => {
    server.handle = () => found([], { indexedAt: null, building: false, count: 0 });
    const first = render(<UserSearchResults {...props} search={{ q: '小王', limit: 20 }} />);
    expect(await screen.findByText('This app has no search index yet, so users cannot be found by part of a name.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the Search settings' })).toBeInTheDocument();
    first.unmount();

    server.handle = () => json({ error: 'forbidden_role', error_description: 'viewer may not GET apps/{app}/users/search' }, 403);
    render(<UserSearchResults {...props} search={{ q: 'zz', limit: 20 }} />);
    expect(await screen.findByRole('button', { name: /try again/i })).toBeInTheDocument();
  });
});
