import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { GroupMutesTable } from './group-mutes-table';

const api = vi.hoisted(() => ({ handle: (_req: Request): Response | Promise<Response> => new Response('{}'), requests: [] as { method: string; path: string; body: string }[] }));
vi.mock('@/lib/api-client/http', async (importOriginal) => {
  const m = await importOriginal<typeof import('@/lib/api-client/http')>();
  const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    api.requests.push({ method: req.method, path: url.pathname, body: await req.clone().text() });
    return api.handle(req);
  };
  return { ...m, http: m.createHttp({ prefixUrl: 'http://console.test/', fetch: fake as typeof fetch, retry: { limit: 0 } }) };
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const G = '/im/demo/chatgroups/42';
const group = { id: '42', name: 'Hikers', owner: 'olivia', created: 0, affiliations_count: 3, mute: false };

afterEach(() => {
  api.requests.length = 0;
});

function render(mutes: { user: string; expire: number }[]) {
  const state = { mutes };
  api.handle = async (req) => {
    const url = new URL(req.url);
    if (req.method === 'GET' && url.pathname === G) return json({ data: [group] });
    if (req.method === 'GET' && url.pathname === `${G}/mute`) return json({ data: state.mutes });
    if (req.method === 'POST' && url.pathname === `${G}/mute`) {
      const body = (await req.json()) as { usernames: string[]; mute_duration: number };
      return json({ data: body.usernames.map((user) => ({ result: true, expire: body.mute_duration === -1 ? -1 : Date.now() + body.mute_duration, user })) });
    }
    if (req.method === 'DELETE' && url.pathname.startsWith(`${G}/mute/`)) {
      const names = decodeURIComponent(url.pathname.slice(`${G}/mute/`.length)).split(',');
      return json({ data: names.map((user) => ({ result: user !== 'ghost', user })) });
    }
    return json({ error: 'not_found' }, 404);
  };
  return renderWithProviders(<GroupMutesTable app="demo" groupId="42" groupName="Hikers" />);
}

describe('GroupMutesTable', () => {
  it('lists each mute with its time left, permanent ones marked', async () => {
    render([
      { user: 'bob', expire: Date.now() + 90 * 60_000 },
      { user: 'carol', expire: -1 },
    ]);
    await screen.findByRole('link', { name: 'bob' });
    const table = screen.getByRole('table', { name: 'Muted members of Hikers' });
    const bob = within(table).getByRole('row', { name: /bob/ });
    expect(bob).toHaveTextContent(/1 h (29|30) min left/);
    expect(within(bob).getByRole('link', { name: 'bob' })).toHaveAttribute('href', '/demo/users/bob');
    expect(within(table).getByRole('row', { name: /carol/ })).toHaveTextContent('PermanentUntil unmuted');
  });

  it('mutes pasted names for a duration chosen in the dialog, without the owner, and Undo unmutes exactly those muted', async () => {
    const { user } = render([]);
    await screen.findByText('Nobody is muted one by one');
    await user.click(screen.getByRole('button', { name: 'Mute members…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mute members of Hikers' }, { timeout: 5000 });
    expect(within(dialog).getByText('The owner, olivia, cannot be muted and is left out if listed.')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /Names/ }), 'olivia, bob, dave');
    expect(within(dialog).getByText(/2 names will be sent/)).toBeInTheDocument();
    // No duration yet: nothing can start.
    expect(within(dialog).getByText('Choose how long the mute lasts.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Mute' })).toBeDisabled();
    await user.click(within(dialog).getByRole('radio', { name: '7 days' }));
    // The dialog itself is the confirmation: it says what will happen.
    expect(within(dialog).getByText(/Mute 2 members of Hikers for 7 days\./)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Mute' }));
    await within(dialog).findByText('2 succeeded, 0 failed, 0 skipped');
    const post = api.requests.find((r) => r.method === 'POST');
    expect(JSON.parse(post!.body)).toEqual({ usernames: ['bob', 'dave'], mute_duration: 7 * 24 * 3_600_000 });

    // Undo puts back what was there (neither was muted): one click, its own report.
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await within(dialog).findByText('Result of the undo');
    expect(api.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([`${G}/mute/bob,dave`]);
  });

  it('reports a name that was not muted in its own words', async () => {
    const { user } = render([]);
    await screen.findByText('Nobody is muted one by one');
    await user.click(screen.getByRole('button', { name: 'Unmute members…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Unmute members of Hikers' }, { timeout: 5000 });
    await user.type(within(dialog).getByRole('textbox', { name: 'Names' }), 'bob ghost');
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    await user.click(within(dialog).getByRole('button', { name: 'Unmute' }));
    await within(dialog).findByText('1 succeeded, 1 failed, 0 skipped');
    await waitFor(() => expect(within(dialog).getByRole('row', { name: /ghost/ })).toHaveTextContent('Was not muted.'));
  });
});
