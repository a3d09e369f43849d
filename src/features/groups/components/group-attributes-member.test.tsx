import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { GroupAttributesMember } from './group-attributes-member';

// The single HTTP instance, pointed at a fake service holding one member's attributes.
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
const PATH = '/im/demo/metadata/chatgroup/42/user/alice';
let stored: Record<string, string>;
const puts = () => api.requests.filter((r) => r.method === 'PUT');

beforeEach(() => {
  stored = { nickname: '小爱' };
  api.handle = async (req) => {
    const path = new URL(req.url).pathname;
    if (path !== PATH) return json({ error: 'MetadataException', error_description: 'user not in group' }, 404);
    if (req.method === 'GET') return json({ data: stored });
    const { metaData } = (await req.json()) as { metaData: Record<string, string> };
    for (const [k, v] of Object.entries(metaData)) {
      if (v === '') delete stored[k];
      else stored[k] = v;
    }
    return json({ data: metaData });
  };
});
afterEach(() => {
  api.requests.length = 0;
});

const renderMember = (language: 'en' | 'zh-CN' = 'en') => renderWithProviders(<GroupAttributesMember app="demo" groupId="42" member="alice" onMember={() => {}} />, { language });

describe('GroupAttributesMember', () => {
  it('shows the member’s attributes as key/value rows with their size', async () => {
    renderMember();
    const row = await screen.findByRole('row', { name: /nickname/ }, { timeout: 5000 });
    expect(screen.getByRole('table', { name: 'Attributes of alice' })).toContainElement(row);
    expect(row).toHaveTextContent('小爱');
    // 8 + 6 bytes.
    expect(row).toHaveTextContent('14 bytes');
  });

  it('counts bytes as the user types and refuses a 513-byte Chinese value without sending', async () => {
    const { user } = renderMember();
    await screen.findByRole('row', { name: /nickname/ }, { timeout: 5000 });
    await user.type(screen.getByRole('textbox', { name: /^Key/ }), 'bio');
    expect(screen.getByText('3 / 16 bytes')).toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: /^Value/ }));
    await user.paste('中'.repeat(171));
    expect(screen.getByText('513 / 512 bytes')).toBeInTheDocument();
    expect(screen.getByText('Too long: 513 bytes, at most 512. A Chinese character takes 3 bytes.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save attribute' }));
    expect(puts()).toHaveLength(0);
    expect(screen.getByRole('textbox', { name: /^Value/ })).toHaveValue('中'.repeat(171));
  });

  it('refuses a key over 16 bytes (6 Chinese characters are 18)', async () => {
    const { user } = renderMember();
    await screen.findByRole('row', { name: /nickname/ }, { timeout: 5000 });
    await user.click(screen.getByRole('textbox', { name: /^Key/ }));
    await user.paste('前端技术交流');
    await user.type(screen.getByRole('textbox', { name: /^Value/ }), 'x');
    expect(screen.getByText('18 / 16 bytes')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save attribute' }));
    expect(screen.getByText('Too long: 18 bytes, at most 16. A Chinese character takes 3 bytes.')).toBeInTheDocument();
    expect(puts()).toHaveLength(0);
  });

  it('saves a Chinese value with PUT {metaData}, then shows it and clears the editor', async () => {
    const { user } = renderMember();
    await screen.findByRole('row', { name: /nickname/ }, { timeout: 5000 });
    await user.type(screen.getByRole('textbox', { name: /^Key/ }), 'title');
    await user.click(screen.getByRole('textbox', { name: /^Value/ }));
    await user.paste('前端组长');
    expect(screen.getByText('12 / 512 bytes')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save attribute' }));
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(JSON.parse(puts()[0]!.body)).toEqual({ metaData: { title: '前端组长' } });
    expect(await screen.findByRole('row', { name: /title/ })).toHaveTextContent('前端组长');
    expect(screen.getByRole('textbox', { name: /^Key/ })).toHaveValue('');
  });

  it('shows the API’s refusal next to the fields and keeps what was typed', async () => {
    const { user } = renderMember('zh-CN');
    await screen.findByRole('row', { name: /nickname/ }, { timeout: 5000 });
    api.handle = async (req) =>
      req.method === 'GET' ? json({ data: stored }) : json({ error: 'metadata_error', error_description: 'exceeds chatgroup user metadata single value limit' }, 400);
    await user.type(screen.getByRole('textbox', { name: /^键/ }), 'role');
    await user.type(screen.getByRole('textbox', { name: /^值/ }), 'lead');
    await user.click(screen.getByRole('button', { name: '保存属性' }));
    expect(await screen.findByText(/exceeds chatgroup user metadata single value limit/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^键/ })).toHaveValue('role');
    expect(screen.getByRole('textbox', { name: /^值/ })).toHaveValue('lead');
  });

  it('Edit fills the editor; Delete asks first, then sends an empty value', async () => {
    const { user } = renderMember();
    const row = await screen.findByRole('row', { name: /nickname/ }, { timeout: 5000 });
    await user.click(within(row).getByRole('button', { name: 'Edit nickname' }));
    expect(screen.getByRole('textbox', { name: /^Key/ })).toHaveValue('nickname');
    expect(screen.getByRole('textbox', { name: /^Value/ })).toHaveValue('小爱');
    expect(screen.getByText('nickname exists: saving replaces its value.')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Delete nickname' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete the attribute nickname?' });
    expect(puts()).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(JSON.parse(puts()[0]!.body)).toEqual({ metaData: { nickname: '' } });
    expect(await screen.findByText('No attributes')).toBeInTheDocument();
  });

  it('says so when the user is not in the group', async () => {
    renderWithProviders(<GroupAttributesMember app="demo" groupId="42" member="ghost" onMember={() => {}} />);
    expect(await screen.findByText(/user not in group/, {}, { timeout: 5000 })).toBeInTheDocument();
  });
});
