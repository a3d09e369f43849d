import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { GroupBlacklistTable } from './group-blacklist-table';

const api = vi.hoisted(() => ({ handle: (_req: Request): Response | Promise<Response> => new Response('{}'), requests: [] as { method: string; path: string; body: string }[] }));
vi.mock('@/lib/api-client/http', async (importOriginal) => {
  const m = await importOriginal<typeof import('@/lib/api-client/http')>();
  const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    api.requests.push({ method: req.method, path: new URL(req.url).pathname, body: await req.clone().text() });
    return api.handle(req);
  };
  return { ...m, http: m.createHttp({ prefixUrl: 'http://console.test/', fetch: fake as typeof fetch, retry: { limit: 0 } }) };
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const G = '/im/demo/chatgroups/42';

afterEach(() => {
  api.requests.length = 0;
});

function render() {
  api.handle = async (req) => {
    const url = new URL(req.url);
    if (req.method === 'GET' && url.pathname === G) return json({ data: [{ id: '42', name: 'Hikers', owner: 'olivia', created: 0, affiliations_count: 3 }] });
    if (req.method === 'GET' && url.pathname === `${G}/blocks/users`) return json({ data: ['bob', 'carol'], count: 2 });
    // What a block's Undo will need, read before it (dave: an admin with an attribute).
    if (req.method === 'GET' && url.pathname === `${G}/admin`) return json({ data: ['dave'] });
    if (req.method === 'GET' && (url.pathname === `${G}/white/users` || url.pathname === `${G}/mute`)) return json({ data: [] });
    if (req.method === 'POST' && url.pathname === '/im/demo/metadata/chatgroup/42/get') return json({ data: { dave: { nickname: 'D' } } });
    if (req.method === 'DELETE' && url.pathname.startsWith(`${G}/blocks/users/`)) {
      const names = decodeURIComponent(url.pathname.slice(`${G}/blocks/users/`.length)).split(',');
      return json({ data: names.map((user) => ({ result: true, action: 'remove_blocks', user, groupid: '42' })) });
    }
    if (req.method === 'POST' && url.pathname === `${G}/users`) {
      const { usernames } = (await req.json()) as { usernames: string[] };
      return json({ data: { newmembers: usernames, groupid: '42', action: 'add_member' } });
    }
    if (req.method === 'POST' && url.pathname === `${G}/blocks/users`) {
      const { usernames } = (await req.json()) as { usernames: string[] };
      return json({ data: usernames.map((user) => ({ result: true, action: 'add_blocks', user, groupid: '42' })) });
    }
    return json({ error: 'not_found' }, 404);
  };
  return renderWithProviders(<GroupBlacklistTable app="demo" groupId="42" groupName="Hikers" />);
}

describe('GroupBlacklistTable', () => {
  it('unblocks the selection in one call with the names joined by %2C; Undo adds them back and blocks them again', async () => {
    const { user } = render();
    await screen.findByRole('link', { name: 'bob' });
    const table = screen.getByRole('table', { name: 'Blacklist of Hikers' });
    await user.click(within(table).getByRole('checkbox', { name: 'Select bob' }));
    await user.click(within(table).getByRole('checkbox', { name: 'Select carol' }));
    await user.click(screen.getByRole('button', { name: 'Unblock 2 selected' }));
    const dialog = await screen.findByRole('dialog', { name: 'Unblock users of Hikers' }, { timeout: 5000 });
    expect(within(dialog).getByText('Unblocked users may join again but are not added back to the group.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    await user.click(within(dialog).getByRole('button', { name: 'Unblock' }));
    await within(dialog).findByText('2 succeeded, 0 failed, 0 skipped');
    expect(api.requests.find((r) => r.method === 'DELETE')!.path).toBe(`${G}/blocks/users/bob%2Ccarol`);

    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    expect(within(dialog).getByText(/Block again the 2 users this run unblocked/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Block' }));
    await within(dialog).findByText('Result of the undo');
    const posts = api.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => [r.path, JSON.parse(r.body)])).toEqual([
      [`${G}/users`, { usernames: ['bob', 'carol'] }],
      [`${G}/blocks/users`, { usernames: ['bob', 'carol'] }],
    ]);
  });

  it('never sends the owner when blocking pasted names, and lists what the block takes away', async () => {
    const { user } = render();
    await screen.findByRole('table', { name: 'Blacklist of Hikers' });
    await user.click(screen.getByRole('button', { name: 'Block members…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Block members of Hikers' }, { timeout: 5000 });
    await user.type(within(dialog).getByRole('textbox', { name: 'Names' }), 'olivia dave');
    expect(within(dialog).getByText(/1 name will be sent/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    expect(within(dialog).getByText(/Block 1 member of Hikers: they leave the group/)).toBeInTheDocument();
    expect(await within(dialog).findByText('Admin role (1): dave')).toBeInTheDocument();
    expect(within(dialog).getByText('Attributes (1 member): dave: nickname')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Block' }));
    await within(dialog).findByText('1 succeeded, 0 failed, 0 skipped');
    expect(JSON.parse(api.requests.find((r) => r.method === 'POST' && r.path === `${G}/blocks/users`)!.body)).toEqual({ usernames: ['dave'] });
    expect(within(dialog).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });
});
