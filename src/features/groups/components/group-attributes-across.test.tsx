import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { GroupAttributesAcross } from './group-attributes-across';

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
const lookups = () => api.requests.filter((r) => r.method === 'POST');
const names = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);

beforeEach(() => {
  api.handle = async (req) => {
    const path = new URL(req.url).pathname;
    if (req.method === 'GET' && path === '/im/demo/chatgroups/42/users') return json({ data: [{ owner: 'boss' }, { member: 'm0' }], count: 2 });
    if (req.method === 'POST' && path === '/im/demo/metadata/chatgroup/42/get') {
      const { targets } = (await req.json()) as { targets: string[] };
      // m0 has the key, m1 is a member without it, others are left out of the answer.
      const data: Record<string, Record<string, string>> = {};
      for (const t of targets) if (t === 'm0') data[t] = { nickname: '零号' };
      else if (t === 'm1') data[t] = {};
      return json({ data });
    }
    return json({ error: 'not_found' }, 404);
  };
});
afterEach(() => {
  api.requests.length = 0;
});

describe('GroupAttributesAcross', () => {
  it('refuses 11 members before sending, and counts them as they are pasted', async () => {
    const { user } = renderWithProviders(<GroupAttributesAcross app="demo" groupId="42" />);
    await user.type(screen.getByRole('textbox', { name: /^Key to read/ }), 'nickname');
    await user.click(screen.getByRole('textbox', { name: /^Members/ }));
    await user.paste(names(11).join('\n'));
    expect(screen.getByText(/11 \/ 10 members/)).toBeInTheDocument();
    expect(screen.getByText('At most 10 members per lookup (this is 11).')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect(lookups()).toHaveLength(0);
  });

  it('reads one key of 10 members in one call and shows a table, “not set” where absent', async () => {
    const { user } = renderWithProviders(<GroupAttributesAcross app="demo" groupId="42" />);
    await user.type(screen.getByRole('textbox', { name: /^Key to read/ }), 'nickname');
    await user.click(screen.getByRole('textbox', { name: /^Members/ }));
    await user.paste(names(10).join(', '));
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    const table = await screen.findByRole('table', { name: 'nickname across members' }, { timeout: 5000 });
    expect(lookups()).toHaveLength(1);
    expect(JSON.parse(lookups()[0]!.body)).toEqual({ targets: names(10), properties: ['nickname'] });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(11));
    expect(within(table).getByRole('row', { name: /m0/ })).toHaveTextContent('零号');
    expect(within(table).getByRole('row', { name: /m1\b/ })).toHaveTextContent('Not set');
    expect(within(table).getByRole('row', { name: /m2/ })).toHaveTextContent('not in the group?');
  });

  it('asks for a key and members before sending; a too-long key is refused as typed', async () => {
    const { user } = renderWithProviders(<GroupAttributesAcross app="demo" groupId="42" />, { language: 'zh-CN' });
    await user.click(screen.getByRole('button', { name: '查询' }));
    expect(screen.getByText('请输入键。')).toBeInTheDocument();
    expect(screen.getByText('请至少输入一个用户 ID。')).toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: /^要读取的键/ }));
    await user.paste('前端技术交流');
    expect(screen.getByText('太长：18 字节，最多 16 字节。一个汉字占 3 字节。')).toBeInTheDocument();
    expect(lookups()).toHaveLength(0);
  });
});
