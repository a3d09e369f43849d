import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NotificationsHost } from '@/lib/notify/notifications-host';
import { loadNotifications } from '@/lib/notify/notify';
import { fakeConsoleServer, jsonResponse, type FakeConsoleServer } from '@/testing/fake-console';
import { renderWithProviders } from '@/testing/render';
import { userSearchKeys } from '../api/keys';
import IndexBuildNotice from './index-build-notice';

// The index status is the console server's own endpoint, not the IM host's: a fake server answers it.
let server: FakeConsoleServer;
const status = (over: Record<string, unknown> = {}) => ({ app: 'demo', count: 0, lastBuiltAt: null, building: null, resumable: false, lastError: null, ...over });
const walk = (over: Record<string, unknown> = {}) => ({ mode: 'build', usersIndexed: 1200, calls: 12, rate: 50, startedAt: Date.now(), etaSeconds: null, ...over });

afterEach(async () => {
  (await loadNotifications()).notifications.clean();
});

/** Renders the notice against a server answering each status read with `status()`. */
function render(current: () => unknown, quiet = false, language: 'en' | 'zh-CN' = 'en') {
  server = fakeConsoleServer(() => jsonResponse(current()));
  const utils = renderWithProviders(
    <>
      <NotificationsHost />
      <IndexBuildNotice app="demo" quiet={quiet} />
    </>,
    { language, consoleServer: server },
  );
  // The status is read again every 2 s while a walk runs; the tests read it at once.
  const poll = () => act(() => utils.queryClient.invalidateQueries({ queryKey: userSearchKeys.status('demo') }));
  return { ...utils, poll };
}

describe('IndexBuildNotice', () => {
  it('says how far the server’s first build has got, then that it is complete; searches made meanwhile are read again', async () => {
    let current = status({ count: 1200, building: walk() });
    const { poll, queryClient } = render(() => current);
    expect(await screen.findByText('Building the search index: 1,200 users indexed so far. Search finds them already.')).toBeInTheDocument();
    expect(new URL(server.requests[0]!.url).pathname).toBe('/im-console/apps/demo/users/index');
    queryClient.setQueryData(userSearchKeys.search('demo', { q: '王', limit: 20 }), { users: [], indexedAt: null, building: true });

    current = status({ count: 2500, building: walk({ usersIndexed: 2500 }) });
    await poll();
    expect(await screen.findByText('Building the search index: 2,500 users indexed so far. Search finds them already.')).toBeInTheDocument();

    current = status({ count: 3200, lastBuiltAt: new Date().toISOString() });
    await poll();
    expect(await screen.findByText('Search index of demo is complete: 3,200 users')).toBeInTheDocument();
    expect(screen.queryByText(/Building the search index/)).not.toBeInTheDocument();
    expect(queryClient.getQueryState(userSearchKeys.search('demo', { q: '王', limit: 20 }))?.isInvalidated).toBe(true);
  });

  it('shows nothing once the index exists, and a routine pick-up’s end is not news', async () => {
    let current = status({ count: 3200, lastBuiltAt: '2026-03-01T10:00:00.000Z', building: walk({ routine: true }) });
    const { poll } = render(() => current);
    await waitFor(() => expect(server.requests).toHaveLength(1));
    current = status({ count: 3201, lastBuiltAt: '2026-03-01T10:10:00.000Z' });
    await poll();
    await waitFor(() => expect(server.requests).toHaveLength(2));
    expect(screen.queryByText(/Building the search index/)).not.toBeInTheDocument();
    expect(screen.queryByText(/is complete/)).not.toBeInTheDocument();
  });

  it('on search results stays quiet (they say it themselves) but still says when the build is done, in Chinese', async () => {
    let current = status({ count: 10, building: walk() });
    const { poll } = render(() => current, true, 'zh-CN');
    await waitFor(() => expect(server.requests).toHaveLength(1));
    expect(screen.queryByText(/正在建立搜索索引/)).not.toBeInTheDocument();
    current = status({ count: 3200, lastBuiltAt: new Date().toISOString() });
    await poll();
    expect(await screen.findByText('demo 的搜索索引已建好：共 3,200 个用户')).toBeInTheDocument();
  });
});
