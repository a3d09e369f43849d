import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setSessionState } from '@/lib/session/session-store';
import { NotificationsHost } from '@/lib/notify/notifications-host';
import { loadNotifications } from '@/lib/notify/notify';
import { fakeConsoleServer, jsonResponse, type ConsoleHandler, type FakeConsoleServer } from '@/testing/fake-console';
import { renderWithProviders } from '@/testing/render';
import { userSearchKeys } from '../api/keys';
import { IndexSettings } from './index-settings';


// The search index is the console server's own endpoint, not the IM host's: a fake server answers it.
let server: FakeConsoleServer;
const serve = (handle: ConsoleHandler) => {
  server = fakeConsoleServer(handle);
};
const status = (over: Record<string, unknown> = {}) => ({ app: 'demo', count: 0, lastBuiltAt: null, building: null, resumable: false, lastError: null, ...over });
const building = { mode: 'build', usersIndexed: 1200, calls: 12, rate: 50, startedAt: Date.now(), etaSeconds: 90 };

afterEach(async () => {
  // Mantine keeps its notifications in a module-wide store: none carries over to the next test.
  (await loadNotifications()).notifications.clean();
  setSessionState({ status: 'checking' });
});

const signIn = (role: 'admin' | 'moderator' | 'viewer') => setSessionState({ status: 'signed-in', username: 'ops', role, csrfToken: 't' });

describe('IndexSettings', () => {
  it('lets an admin build an index that does not exist yet', async () => {
    signIn('admin');
    let current = status();
    serve((req) => {
      if (req.method === 'POST') current = status({ building });
      return jsonResponse(current, req.method === 'POST' ? 202 : 200);
    });
    const { user } = renderWithProviders(<IndexSettings app="demo" />, { consoleServer: server });
    expect(await screen.findByText('This app has no search index yet (the server builds one by itself when it starts).')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete the index' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Build the index' }));
    const post = server.requests.find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe('/im-console/apps/demo/users/index');
    expect(await post.json()).toEqual({ action: 'build' });
    expect(await screen.findByText('1,200 users indexed in 12 calls (50 calls a second)')).toBeInTheDocument();
    expect(screen.getByText('About 2 minutes left')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel the walk' })).toBeInTheDocument();
  });

  it('says when the walk it started is done, and not when a cancelled one stops', async () => {
    signIn('admin');
    let current = status({ count: 3200, lastBuiltAt: '2026-03-01T10:00:00.000Z' });
    serve((req) => {
      if (req.method === 'POST') current = status({ count: 3200, lastBuiltAt: current.lastBuiltAt, building: { ...building, mode: 'rewalk' } });
      return jsonResponse(current, req.method === 'POST' ? 202 : 200);
    });
    const { user, queryClient } = renderWithProviders(
      <>
        <NotificationsHost />
        <IndexSettings app="demo" />
      </>,
      { consoleServer: server },
    );
    await user.click(await screen.findByRole('button', { name: 'Re-walk' }));
    expect(await screen.findByText('The walk has started; a notification says when it is done.')).toBeInTheDocument();
    expect(await screen.findByText('Re-walking every user…')).toBeInTheDocument();
    // The walk ends (the page reads the status every 2 s while it runs; here at once).
    current = status({ count: 3204, lastBuiltAt: '2026-03-01T10:05:00.000Z' });
    await act(() => queryClient.invalidateQueries({ queryKey: userSearchKeys.status('demo') }));
    expect(await screen.findByText('Search index of demo is complete: 3,204 users')).toBeInTheDocument();

    // A cancelled walk stops without a new build time: "cancelled", not "complete".
    await user.click(screen.getByRole('button', { name: 'Pick up new users' }));
    expect(await screen.findByRole('button', { name: 'Cancel the walk' })).toBeInTheDocument();
    server.handle = (req) => jsonResponse((current = status({ count: 3204, lastBuiltAt: '2026-03-01T10:05:00.000Z', resumable: req.method === 'POST' || current.resumable })));
    await user.click(screen.getByRole('button', { name: 'Cancel the walk' }));
    expect(await screen.findByText('The walk was cancelled; Continue resumes it.')).toBeInTheDocument();
    expect(screen.getAllByText(/is complete/)).toHaveLength(1);
  });

  it('shows a viewer the state but no controls', async () => {
    signIn('viewer');
    serve(() => jsonResponse(status({ count: 3200, lastBuiltAt: new Date(Date.now() - 5 * 60_000).toISOString() })));
    renderWithProviders(<IndexSettings app="demo" />, { consoleServer: server });
    expect(await screen.findByText('3,200')).toBeInTheDocument();
    expect(screen.getByText('5 minutes ago')).toBeInTheDocument();
    expect(screen.getByText('Only admins can build, cancel or delete the index.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('offers Continue for an interrupted walk, shows a refusal, and deletes only after the app is typed', async () => {
    signIn('admin');
    serve((req) => {
      if (req.method === 'POST') return jsonResponse({ error: 'index_busy', error_description: 'A walk of demo is already running.' }, 409);
      if (req.method === 'DELETE') return jsonResponse(status());
      return jsonResponse(status({ count: 800, resumable: true }));
    });
    const { user } = renderWithProviders(<IndexSettings app="demo" />, { consoleServer: server });
    await user.click(await screen.findByRole('button', { name: 'Continue the walk' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A walk of demo is already running.');

    await user.click(screen.getByRole('button', { name: 'Delete the index' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete the search index of demo?' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete the index' });
    expect(confirm).toBeDisabled();
    expect(server.requests.some((r) => r.method === 'DELETE')).toBe(false);
    await user.type(within(dialog).getByRole('textbox'), 'demo');
    await user.click(confirm);
    await waitFor(() => expect(server.requests.some((r) => r.method === 'DELETE')).toBe(true));
  });

  it('speaks Chinese', async () => {
    signIn('admin');
    serve(() => jsonResponse(status()));
    renderWithProviders(<IndexSettings app="demo" />, { language: 'zh-CN', consoleServer: server });
    expect(await screen.findByRole('button', { name: '建立索引' })).toBeInTheDocument();
  });
});
