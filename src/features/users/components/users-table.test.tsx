import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CursorSearch } from '@/components/data-table/pagination-search';
import { setSessionState } from '@/lib/session/session-store';
import { renderWithProviders } from '@/testing/render';
import { UsersTable, UsersTableView } from './users-table';

// The single HTTP instance, pointed at a fake IM service that records what it is asked.
const api = vi.hoisted(() => ({ handle: (_req: Request): Response | Promise<Response> => new Response('{}'), requests: [] as Request[] }));
vi.mock('@/lib/api-client/http', async (importOriginal) => {
  const m = await importOriginal<typeof import('@/lib/api-client/http')>();
  const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    api.requests.push(req.clone());
    return api.handle(req);
  };
  return { ...m, http: m.createHttp({ prefixUrl: 'http://console.test/', fetch: fake as typeof fetch, retry: { limit: 0 } }) };
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const user = (username: string, activated = true, nickname?: string) => ({ uuid: `id-${username}`, type: 'user', created: Date.UTC(2024, 0, 15, 9, 30), username, activated, nickname });

afterEach(() => {
  api.requests.length = 0;
  setSessionState({ status: 'checking' });
});

function render(search: CursorSearch = { limit: 20 }, language: 'en' | 'zh-CN' = 'en') {
  const onSearch = vi.fn();
  const utils = renderWithProviders(
    <UsersTable app="demo" search={search} onSearch={onSearch} />,
    { language },
  );
  return { ...utils, onSearch };
}

describe('UsersTable', () => {
  it('shows each user with a link, the account state in words, the creation date, and the page’s online status from one call', async () => {
    let releaseStatus!: () => void;
    const statusGate = new Promise<void>((r) => (releaseStatus = r));
    api.handle = async (req) => {
      const url = new URL(req.url);
      if (req.method === 'GET' && url.pathname === '/im/demo/users') return json({ entities: [user('alice', true, 'Alice'), user('mallory', false)], cursor: 'c2', count: 2 });
      if (req.method === 'POST' && url.pathname === '/im/demo/users/batch/status') {
        await statusGate;
        return json({ data: [{ alice: 'online' }, { mallory: 'offline' }] });
      }
      return json({ error: 'not_found' }, 404);
    };
    const { onSearch } = render();
    await screen.findByRole('link', { name: 'alice' });
    const table = screen.getByRole('table', { name: 'Users' });
    const alice = within(table).getByRole('row', { name: /alice/ });
    expect(within(alice).getByRole('link', { name: 'alice' })).toHaveAttribute('href', '/demo/users/alice');
    expect(alice).toHaveTextContent('Alice');
    expect(alice).toHaveTextContent('Active');
    expect(alice).toHaveTextContent('Jan 15, 2024');
    expect(within(table).getByRole('row', { name: /mallory/ })).toHaveTextContent('Banned');
    // While the status call is out: a placeholder, not a guess.
    expect(within(alice).getByRole('img', { name: 'Loading the online status' })).toBeInTheDocument();
    releaseStatus();
    await waitFor(() => expect(alice).toHaveTextContent('Online'));
    expect(within(table).getByRole('row', { name: /mallory/ })).toHaveTextContent('Offline');

    const statusCalls = api.requests.filter((r) => r.url.endsWith('/users/batch/status'));
    expect(statusCalls).toHaveLength(1);
    expect(await statusCalls[0]!.json()).toEqual({ usernames: ['alice', 'mallory'] });
    expect(api.requests.find((r) => r.method === 'GET')!.url).toBe('http://console.test/im/demo/users?limit=20');

    screen.getByRole('button', { name: 'Next page' }).click();
    expect(onSearch).toHaveBeenCalledWith({ limit: 20, cursor: 'c2', prev: [''] });
  });

  it('says so when the page is empty, and shows the API’s error with Retry when the list fails (in Chinese)', async () => {
    let fail = true;
    api.handle = (req) =>
      new URL(req.url).pathname === '/im/demo/users'
        ? fail
          ? json({ error: 'unauthorized', error_description: 'Unable to authenticate (OAuth)' }, 401)
          : json({ entities: [], count: 0 })
        : json({ data: [] });
    const { user: u } = render({ limit: 20 }, 'zh-CN');
    expect(await screen.findByText(/Unable to authenticate \(OAuth\)/)).toBeInTheDocument();
    fail = false;
    await u.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('本页没有用户')).toBeInTheDocument();
    // No names, no status call.
    expect(api.requests.some((r) => r.url.endsWith('/batch/status'))).toBe(false);
  });

  it('puts each row’s own action one click away: Unban on a banned row, asked first', async () => {
    api.handle = (req) => {
      const url = new URL(req.url);
      if (url.pathname === '/im/demo/users') return json({ entities: [user('alice', true, 'Alice'), user('mallory', false)], count: 2 });
      if (url.pathname === '/im/demo/users/mallory/activate') return json({ action: 'post', data: { result: true } });
      return json({ data: [{ alice: 'online' }, { mallory: 'offline' }] });
    };
    const { user: u } = render();
    await screen.findByRole('link', { name: 'alice' });
    const table = screen.getByRole('table', { name: 'Users' });
    expect(within(table).getByRole('button', { name: 'Ban alice' })).toHaveTextContent('Ban');
    await u.click(within(table).getByRole('button', { name: 'Unban mallory' }));
    const dialog = await screen.findByRole('dialog', { name: 'Unban mallory?' });
    expect(dialog).toHaveTextContent('mallory will be able to log in again.');
    expect(api.requests.some((r) => r.method === 'POST' && r.url.endsWith('/activate'))).toBe(false);
    await u.click(within(dialog).getByRole('button', { name: 'Unban' }));
    await waitFor(() => expect(api.requests.filter((r) => r.url.endsWith('/users/mallory/activate')).map((r) => r.method)).toEqual(['POST']));
    // The list is read again: mallory's row follows the API.
    await waitFor(() => expect(api.requests.filter((r) => r.method === 'GET' && r.url.endsWith('/im/demo/users?limit=20'))).toHaveLength(2));
  });

  it('shows rows from elsewhere (search results) with the same columns, selection and actions, and tells the page after a change', async () => {
    setSessionState({ status: 'signed-in', username: 'ops', role: 'support', csrfToken: 't' });
    api.handle = (req) =>
      new URL(req.url).pathname.endsWith('/deactivate')
        ? json({ action: 'post', data: { result: true } })
        : json({ data: [{ wong88: 'online' }, { bwong: 'offline' }] });
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
    expect(api.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/deactivate')).map((r) => new URL(r.url).pathname)).toEqual(['/im/demo/users/wong88/deactivate']);
  });

  it('offers a viewer no row actions', async () => {
    setSessionState({ status: 'signed-in', username: 'ops', role: 'viewer', csrfToken: 't' });
    api.handle = (req) => (new URL(req.url).pathname === '/im/demo/users' ? json({ entities: [user('mallory', false)], count: 1 }) : json({ data: [] }));
    render();
    const row = await screen.findByRole('row', { name: /mallory/ });
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });
});
