import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { BlocksSection } from './blocks-section';

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

afterEach(() => {
  api.requests.length = 0;
});

function render(blocked: string[], friends: ReadonlySet<string> | undefined) {
  api.handle = (req) => {
    const url = new URL(req.url);
    if (req.method === 'GET' && url.pathname === '/im/demo/users/bob/blocks/users') {
      // Neither parameter: the whole list; with pageSize, a page.
      if (!url.searchParams.has('pageSize')) return json({ data: blocked, count: blocked.length });
      return json({ data: blocked.slice(0, Number(url.searchParams.get('pageSize'))), count: 2, cursor: 'next' });
    }
    return json({ error: 'not_found' }, 404);
  };
  return renderWithProviders(
    <BlocksSection app="demo" owner="bob" search={{ limit: 2 }} onSearch={vi.fn()} friends={friends} />,
  );
}

describe('BlocksSection', () => {
  it('pages the blacklist with pageSize, and marks blocked users who are still friends', async () => {
    render(['carol', 'dave', 'erin'], new Set(['dave']));
    // The skeleton table is replaced by the real one once rows arrive.
    await screen.findByRole('link', { name: 'carol' });
    const table = screen.getByRole('table', { name: 'Users bob has blocked' });
    expect(within(table).getByRole('row', { name: /dave/ })).toHaveTextContent('Still a friend');
    expect(within(table).getByRole('row', { name: /carol/ })).toHaveTextContent('Not a friend');
    expect(within(table).queryByRole('row', { name: /erin/ })).not.toBeInTheDocument();
    expect(await screen.findByText('bob has blocked 3 users (at most 500).')).toBeInTheDocument();
    const paged = api.requests.find((r) => new URL(r.url).searchParams.has('pageSize'))!;
    expect(new URL(paged.url).searchParams.get('pageSize')).toBe('2');
    expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled();
  });

  it('says "unknown" for the friendship while the friends are not known', async () => {
    render(['carol'], undefined);
    await screen.findByRole('link', { name: 'carol' });
    const table = screen.getByRole('table', { name: 'Users bob has blocked' });
    expect(within(table).getByRole('row', { name: /carol/ })).toHaveTextContent('Unknown');
  });

  it('refuses a block over the cap of 500 before sending, and tells by how much', async () => {
    const current = Array.from({ length: 498 }, (_, i) => `u${i}`);
    const { user } = render(current, new Set());
    await screen.findByText('bob has blocked 498 users (at most 500).');
    await user.click(screen.getByRole('button', { name: 'Block users…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Block users for bob' });
    const names = within(dialog).getByRole('textbox', { name: 'Usernames' });
    await user.click(names);
    await user.paste('x1 x2 x3 u1 bob');
    expect(within(dialog).getByText('3 new, 1 already blocked: the list will hold 501 of at most 500.')).toBeInTheDocument();
    expect(within(dialog).getByText('bob cannot block themselves: that name is left out.')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Block 3 users' })).toBeDisabled());
    expect(within(dialog).getByText('bob has blocked 498 users; 3 more would make more than 500. Remove 1 name, or unblock some users first.')).toBeInTheDocument();
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});
