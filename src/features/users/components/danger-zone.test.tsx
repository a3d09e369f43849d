import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userKeys } from '@/features/users/api/keys';
import { renderWithProviders } from '@/testing/render';
import { DangerZone } from './danger-zone';
import { parseDeleteCount } from './danger-zone-panel';

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
const entity = (username: string) => ({ uuid: `id-${username}`, created: 1, username, activated: true });

afterEach(() => {
  api.requests.length = 0;
});

describe('parseDeleteCount', () => {
  it('accepts only whole numbers from 1 to 500', () => {
    expect(['1', ' 42 ', '500'].map(parseDeleteCount)).toEqual([1, 42, 500]);
    expect(['', '0', '501', '-3', '2.5', 'abc', '1e2'].map(parseDeleteCount)).toEqual(Array(7).fill(undefined));
  });
});

describe('DangerZone', () => {
  it('is collapsed, checks the count, asks for it to be typed again, then lists who was deleted and refreshes the lists', async () => {
    api.handle = () => json({ action: 'delete', entities: ['alice', 'bob', 'carol'].map(entity) });
    const { user, queryClient } = renderWithProviders(<DangerZone app="demo" />);
    queryClient.setQueryData(userKeys.list('demo', { limit: 20 }), { entities: [] });

    const toggle = screen.getByRole('button', { name: 'Show the danger zone' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    await user.click(toggle);
    // The form loads when the zone is opened.
    expect(await screen.findByText(/the oldest accounts first/)).toBeInTheDocument();

    const count = screen.getByRole('textbox', { name: 'How many users to delete' });
    for (const bad of ['0', '501', 'abc']) {
      await user.clear(count);
      await user.type(count, bad);
      expect(screen.getByText('Enter a whole number from 1 to 500.')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Delete the oldest users…' })).toBeDisabled();
    }
    await user.clear(count);
    await user.type(count, '3');
    await user.click(screen.getByRole('button', { name: 'Delete the 3 oldest users…' }));

    const dialog = await screen.findByRole('dialog', { name: 'Delete 3 users?' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: 'Type 3 to confirm' }), '3');
    expect(api.requests).toHaveLength(0);
    await user.click(confirm);

    expect(await screen.findByText('3 users were deleted.')).toBeInTheDocument();
    expect(screen.getByText(/alice\s+bob\s+carol/)).toBeInTheDocument();
    expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['DELETE http://console.test/im/demo/users?limit=3']);
    await waitFor(() => expect(queryClient.getQueryState(userKeys.list('demo', { limit: 20 }))?.isInvalidated).toBe(true));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('keeps the dialog open when the service refuses (in Chinese)', async () => {
    api.handle = () => json({ error: 'reach_limit', error_description: 'too many' }, 400);
    const { user } = renderWithProviders(<DangerZone app="demo" />, { language: 'zh-CN' });
    await user.click(screen.getByRole('button', { name: '显示危险操作' }));
    await user.type(screen.getByRole('textbox', { name: '要删除的用户数量' }), '2');
    await user.click(screen.getByRole('button', { name: '删除最早的 2 个用户…' }));
    const dialog = await screen.findByRole('dialog', { name: '删除 2 个用户？' });
    await user.type(within(dialog).getByRole('textbox', { name: '输入 2 以确认' }), '2');
    await user.click(within(dialog).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(api.requests).toHaveLength(1));
    await waitFor(() => expect(within(dialog).getByRole('button', { name: '删除' })).toBeEnabled());
    expect(screen.getByRole('dialog', { name: '删除 2 个用户？' })).toBeInTheDocument();
    expect(screen.queryByText('已删除的用户')).not.toBeInTheDocument();
  });
});
