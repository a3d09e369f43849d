import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CursorSearch } from '@/components/data-table/pagination-search';
import { renderWithProviders } from '@/testing/render';
import { UsersTable } from './users-table';

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
});

function render(search: CursorSearch = { limit: 20 }, language: 'en' | 'zh-CN' = 'en') {
  const onSearch = vi.fn();
  const utils = renderWithProviders(
    <UsersTable app="demo" search={search} onSearch={onSearch} userLink={(name) => <a href={`/demo/users/${name}`}>{name}</a>} />,
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
});
