import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataTable, type TableSource } from '@/components/data-table/data-table';
import { renderWithProviders } from '@/testing/render';
import type { IndexedUser } from '../api/search-users';
import { userSearchKeys } from '../api/keys';
import UserSearchResults from './user-search-results';

const api = vi.hoisted(() => ({ handle: (_req: Request): Response | Promise<Response> => new Response('{}'), requests: [] as Request[] }));
vi.mock('@/lib/api-client/http', async (importOriginal) => {
  const m = await importOriginal<typeof import('@/lib/api-client/http')>();
  const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    api.requests.push(req);
    return api.handle(req);
  };
  return { ...m, http: m.createHttp({ prefixUrl: 'http://console.test/', fetch: fake as typeof fetch, retry: { limit: 0 } }) };
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const found = (users: Partial<IndexedUser>[], over: Record<string, unknown> = {}) =>
  json({
    users: users.map((u) => ({ nickname: '', activated: true, created: null, username: 'x', ...u })),
    indexedAt: new Date().toISOString(),
    building: false,
    count: 3200,
    ...over,
  });

afterEach(() => {
  api.requests.length = 0;
});

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
    api.handle = () =>
      found(
        [
          { username: 'wong88', nickname: '老王', activated: true, created: 1_700_000_000_000 },
          { username: 'bwong', activated: false },
        ],
        { cursor: '40' },
      );
    const onSearch = vi.fn();
    const onFound = vi.fn();
    const { user } = renderWithProviders(<UserSearchResults {...props} onSearch={onSearch} onFound={onFound} search={{ q: 'wong', limit: 20 }} />);
    expect(await screen.findByRole('link', { name: 'wong88' })).toHaveAttribute('href', '/demo/users/wong88');
    const results = screen.getByRole('table', { name: 'Users matching “wong”' });
    expect(within(results).getByText('老王')).toBeInTheDocument();
    expect(within(results).getByRole('row', { name: /bwong/ })).toHaveTextContent('Banned');
    expect(screen.getByText(/^Index up to date/)).toBeInTheDocument();
    const url = new URL(api.requests[0]!.url);
    expect(url.pathname).toBe('/im-console/apps/demo/users/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'wong', limit: '20' });
    // Two matches, neither named "wong": nothing opens by itself.
    expect(onFound).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: /next/i }));
    expect(onSearch).toHaveBeenCalledWith(expect.objectContaining({ q: 'wong', cursor: '40' }));
  });

  it('opens the one user a search finds (its only match, or an exact username), once per query', async () => {
    api.handle = () => found([{ username: 'mallory', nickname: 'Mallory', activated: false }]);
    const onFound = vi.fn();
    const only = renderWithProviders(<UserSearchResults {...props} onFound={onFound} search={{ q: 'allor', limit: 20 }} />);
    await waitFor(() => expect(onFound).toHaveBeenCalledWith('mallory'));
    // A later refresh of the same query does not navigate again.
    await act(() => only.queryClient.invalidateQueries({ queryKey: userSearchKeys.all('demo') }));
    await waitFor(() => expect(api.requests).toHaveLength(2));
    expect(onFound).toHaveBeenCalledOnce();
    only.unmount();

    onFound.mockClear();
    api.handle = () => found([{ username: 'Alice' }, { username: 'alice2' }, { username: 'malice' }], { cursor: '3' });
    renderWithProviders(<UserSearchResults {...props} onFound={onFound} search={{ q: 'alice', limit: 3 }} />);
    await waitFor(() => expect(onFound).toHaveBeenCalledWith('Alice'));

    // A later page of a query never opens a user.
    onFound.mockClear();
    api.handle = () => found([{ username: 'zed' }]);
    renderWithProviders(<UserSearchResults {...props} onFound={onFound} search={{ q: 'ze', limit: 20, cursor: '20', prev: [''] }} />);
    expect(await screen.findByRole('link', { name: 'zed' })).toBeInTheDocument();
    expect(onFound).not.toHaveBeenCalled();
  });

  it('while the first build runs, searches the users indexed so far and says so', async () => {
    api.handle = () => found([{ username: 'alice', nickname: 'Alice 爱丽丝' }, { username: 'grace', nickname: '格蕾丝 Grace' }], { indexedAt: null, building: true, count: 1200 });
    const first = renderWithProviders(<UserSearchResults {...props} search={{ q: '丝', limit: 20 }} />);
    expect(await screen.findByText('Searching the 1,200 users indexed so far — the index is still being built.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'grace' })).toBeInTheDocument();
    first.unmount();

    // Stopped half way (cancelled, or the host went away): the same, with the way to the settings.
    api.handle = () => found([], { indexedAt: null, building: false, count: 800 });
    renderWithProviders(<UserSearchResults {...props} search={{ q: 'zz', limit: 20 }} />, { language: 'zh-CN' });
    expect(await screen.findByText(/正在已索引的 800 个用户中搜索——遍历未完成就停止了。/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the Search settings' })).toBeInTheDocument();
    expect(screen.getByText('没有用户匹配“zz”')).toBeInTheDocument();
  });

  it('with no index at all points to the settings; shows the server’s refusal with Retry', async () => {
    api.handle = () => found([], { indexedAt: null, building: false, count: 0 });
    const first = renderWithProviders(<UserSearchResults {...props} search={{ q: '小王', limit: 20 }} />);
    expect(await screen.findByText('This app has no search index yet, so users cannot be found by part of a name.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the Search settings' })).toBeInTheDocument();
    first.unmount();

    api.handle = () => json({ error: 'forbidden_role', error_description: 'viewer may not GET apps/{app}/users/search' }, 403);
    renderWithProviders(<UserSearchResults {...props} search={{ q: 'zz', limit: 20 }} />);
    expect(await screen.findByRole('button', { name: /try again/i })).toBeInTheDocument();
  });
});
