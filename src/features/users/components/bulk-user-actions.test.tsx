import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userKeys } from '@/features/users/api/keys';
import { renderWithProviders } from '@/testing/render';
import { BulkUserActions } from './bulk-user-actions';

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
const calls = () => api.requests.map((r) => `${r.method} ${new URL(r.url).pathname.replace('/im/demo/', '')}`);

afterEach(() => {
  api.requests.length = 0;
});

describe('BulkUserActions', () => {
  it('bans the selection one user per call, refreshes the users once, and Undo unbans only those banned', async () => {
    api.handle = (req) =>
      req.url.includes('/nobody/')
        ? json({ error: 'management', error_description: 'User with id null does not exist in app x' }, 400)
        : json({ action: 'ok', data: { result: true } });
    const onFinished = vi.fn();
    const { user, queryClient } = renderWithProviders(<BulkUserActions app="demo" selected={['erin', 'nobody', 'frank']} onFinished={onFinished} />);
    queryClient.setQueryData(userKeys.list('demo', { limit: 20 }), { entities: [] });

    await user.click(screen.getByRole('button', { name: 'Ban 3 selected' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ban users' });
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    await user.click(within(dialog).getByRole('button', { name: 'Ban' }));
    expect(await within(dialog).findByText('2 succeeded, 1 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();
    expect(within(dialog).getByRole('row', { name: /nobody Failed User with id null does not exist in app x \(400 management\)/ })).toBeInTheDocument();
    expect(calls().sort()).toEqual(['POST users/erin/deactivate', 'POST users/frank/deactivate', 'POST users/nobody/deactivate']);
    expect(onFinished).toHaveBeenCalledOnce();
    expect(queryClient.getQueryState(userKeys.list('demo', { limit: 20 }))?.isInvalidated).toBe(true);

    api.requests.length = 0;
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    expect(within(dialog).getByText('Unban the 2 users this run banned.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Unban' }));
    expect(await within(dialog).findByText('Result of the undo')).toBeInTheDocument();
    expect(calls().sort()).toEqual(['POST users/erin/activate', 'POST users/frank/activate']);
    expect(onFinished).toHaveBeenCalledTimes(2);
  });

  it('with nothing selected, takes a pasted list; force offline offers no undo', async () => {
    api.handle = () => json({ action: 'get', data: { result: true } });
    const { user } = renderWithProviders(<BulkUserActions app="demo" selected={[]} onFinished={() => {}} />, { language: 'zh-CN' });
    await user.click(screen.getByRole('button', { name: '强制用户下线…' }));
    const dialog = await screen.findByRole('dialog', { name: '强制用户下线' });
    await user.click(within(dialog).getByRole('textbox', { name: /名称/ }));
    await user.paste('grace trent');
    await user.click(within(dialog).getByRole('button', { name: '确认内容' }));
    await user.click(within(dialog).getByRole('button', { name: '强制下线' }));
    expect(await within(dialog).findByText('成功 2，失败 0，跳过 0', { selector: 'p' })).toBeInTheDocument();
    expect(calls()).toEqual(['GET users/grace/disconnect', 'GET users/trent/disconnect']);
    expect(within(dialog).queryByRole('button', { name: '撤销' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
