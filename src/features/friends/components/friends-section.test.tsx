import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { FriendsSection } from './friends-section';
import type { FriendsSearch } from './friends-search';

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
const page = (contacts: { username: string; remark: string | null }[], cursor?: string) => json({ data: { contacts }, count: contacts.length, ...(cursor ? { cursor } : {}) });
const sent = (method: string, path: string) => api.requests.filter((r) => r.method === method && new URL(r.url).pathname === path);

afterEach(() => {
  api.requests.length = 0;
});

function render(search: FriendsSearch = { limit: 20 }, language: 'en' | 'zh-CN' = 'en') {
  const onSearch = vi.fn();
  const utils = renderWithProviders(
    <FriendsSection app="demo" owner="frank" search={search} onSearch={onSearch} />,
    { language },
  );
  return { ...utils, onSearch };
}

describe('FriendsSection', () => {
  it('lists a page with remarks through GET P/user/{u}/contacts, and moves on with the cursor', async () => {
    api.handle = (req) => {
      const url = new URL(req.url);
      if (url.pathname === '/im/demo/user/frank/contacts') return page([{ username: 'grace', remark: '同事' }, { username: 'heidi', remark: null }], 'c2');
      return json({ error: 'not_found' }, 404);
    };
    const { onSearch, user } = render();
    // The skeleton table is replaced by the real one once rows arrive.
    await screen.findByRole('link', { name: 'grace' });
    const table = screen.getByRole('table', { name: 'Friends of frank' });
    const grace = within(table).getByRole('row', { name: /grace/ });
    expect(within(grace).getByRole('link', { name: 'grace' })).toHaveAttribute('href', '/demo/users/grace');
    expect(grace).toHaveTextContent('同事');
    expect(within(table).getByRole('row', { name: /heidi/ })).toHaveTextContent('No remark');
    const url = new URL(sent('GET', '/im/demo/user/frank/contacts')[0]!.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({ limit: '20', needReturnRemark: 'true' });
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onSearch).toHaveBeenCalledWith({ limit: 20, cursor: 'c2', prev: [''] });
  });

  it('explains the friend cap in words when adding fails with 403 exceed_limit, and keeps the name', async () => {
    api.handle = (req) => {
      const url = new URL(req.url);
      if (req.method === 'GET') return page([]);
      if (req.method === 'POST' && url.pathname === '/im/demo/users/frank/contacts/users/ivan')
        return json({ error: 'exceed_limit', error_description: 'user contact number exceed limit' }, 403);
      return json({ error: 'not_found' }, 404);
    };
    const { user } = render();
    await screen.findByText('frank has no friends yet');
    const field = screen.getByRole('textbox', { name: 'Add a friend' });
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Type the username of the new friend.')).toBeInTheDocument();
    await user.type(field, 'frank');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('A user cannot be their own friend.')).toBeInTheDocument();
    expect(sent('POST', '/im/demo/users/frank/contacts/users/frank')).toHaveLength(0);

    await user.clear(field);
    await user.type(field, 'Ivan');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not add ivan');
    expect(alert).toHaveTextContent('100 on the free plan, 3,000 on paid plans');
    expect(alert).toHaveTextContent('user contact number exceed limit');
    expect(field).toHaveValue('Ivan');
  });

  it('checks a remark’s length before sending, and sends a valid one to PUT P/user/{owner}/contacts/users/{friend}', async () => {
    let remark: string | null = null;
    api.handle = async (req) => {
      const url = new URL(req.url);
      if (req.method === 'GET') return page([{ username: 'grace', remark }]);
      if (req.method === 'PUT' && url.pathname === '/im/demo/user/frank/contacts/users/grace') {
        remark = ((await req.json()) as { remark: string }).remark;
        return json({ action: 'put', status: 'ok' });
      }
      return json({ error: 'not_found' }, 404);
    };
    const { user } = render();
    await user.click(await screen.findByRole('button', { name: 'Edit the remark for grace' }));
    const field = screen.getByRole('textbox', { name: 'Remark for grace' });
    expect(field).toHaveFocus();
    await user.click(field);
    await user.paste('备'.repeat(101));
    expect(screen.getByText('At most 100 characters: this remark has 101.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.clear(field);
    await user.type(field, '老乡{Enter}');
    await waitFor(() => expect(remark).toBe('老乡'));
    expect(await screen.findByRole('row', { name: /grace 老乡/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit the remark for grace' })).toHaveFocus());
    expect(sent('PUT', '/im/demo/user/frank/contacts/users/grace')).toHaveLength(1);
  });

  it('shows every friend at once with a client-side filter, in Chinese too', async () => {
    api.handle = (req) => {
      const url = new URL(req.url);
      if (url.pathname === '/im/demo/users/frank/contacts/users') return json({ data: ['grace', 'heidi', 'gregory'], count: 3 });
      return json({ error: 'not_found' }, 404);
    };
    const { user, onSearch } = render({ limit: 20, view: 'all' }, 'zh-CN');
    expect(await screen.findByText('frank 有 3 个好友。')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'frank 的全部好友' });
    await user.type(screen.getByRole('searchbox', { name: '按用户名筛选' }), 'gr');
    await waitFor(() => expect(within(table).getAllByRole('link').map((a) => a.textContent)).toEqual(['grace', 'gregory']));
    expect(screen.getByText('3 个好友中有 2 个匹配。')).toBeInTheDocument();
    await waitFor(() => expect(onSearch).toHaveBeenCalledWith({ limit: 20, view: 'all', q: 'gr' }, { replace: true }));
  });
});
