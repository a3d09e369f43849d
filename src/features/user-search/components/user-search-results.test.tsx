import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
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

afterEach(() => {
  api.requests.length = 0;
});

const props = {
  app: 'demo',
  onSearch: () => {},
  userLink: (username: string) => <a href={`/demo/users/${username}`}>{username}</a>,
  settingsLink: <a href="/demo/search-settings">Open the Search settings</a>,
};

describe('UserSearchResults', () => {
  it('asks the index for the query and lists the matches, each linking to its user page', async () => {
    api.handle = () =>
      json({
        users: [
          { username: 'wong88', nickname: '老王', activated: true, created: 1_700_000_000_000 },
          { username: 'bwong', nickname: '', activated: false, created: null },
        ],
        cursor: '40',
        indexedAt: new Date().toISOString(),
        building: false,
      });
    const onSearch = vi.fn();
    const { user } = renderWithProviders(<UserSearchResults {...props} onSearch={onSearch} search={{ q: 'wong', limit: 20 }} />);
    // The loading skeleton is another table: wait for the rows first.
    expect(await screen.findByRole('link', { name: 'wong88' })).toHaveAttribute('href', '/demo/users/wong88');
    const table = screen.getByRole('table', { name: 'Users matching “wong”' });
    expect(within(table).getByText('老王')).toBeInTheDocument();
    expect(within(table).getByText('Banned')).toBeInTheDocument();
    const url = new URL(api.requests[0]!.url);
    expect(url.pathname).toBe('/im-console/apps/demo/users/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'wong', limit: '20' });

    await user.click(screen.getByRole('button', { name: /next/i }));
    expect(onSearch).toHaveBeenCalledWith(expect.objectContaining({ q: 'wong', cursor: '40' }));
  });

  it('says when nothing matches, and when the app has no index points to the settings', async () => {
    api.handle = () => json({ users: [], indexedAt: null, building: false });
    renderWithProviders(<UserSearchResults {...props} search={{ q: '小王', limit: 20 }} />);
    expect(await screen.findByText('This app has no search index yet, so users cannot be found by part of a name.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the Search settings' })).toBeInTheDocument();
  });

  it('shows an empty result while building, and the server’s refusal', async () => {
    api.handle = () => json({ users: [], indexedAt: null, building: true });
    const first = renderWithProviders(<UserSearchResults {...props} search={{ q: 'zz', limit: 20 }} />);
    expect(await screen.findByText('No user matches “zz”')).toBeInTheDocument();
    expect(screen.getByText('The index is still being built; more users may match when it is done.')).toBeInTheDocument();
    first.unmount();

    api.handle = () => json({ error: 'forbidden_role', error_description: 'viewer may not GET apps/{app}/users/search' }, 403);
    renderWithProviders(<UserSearchResults {...props} search={{ q: 'zz', limit: 20 }} />);
    expect(await screen.findByRole('button', { name: /try again/i })).toBeInTheDocument();
  });
});
