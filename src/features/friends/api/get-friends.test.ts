import { afterEach, describe, expect, it, vi } from 'vitest';
import { findFriend } from './get-friends';

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

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

// 120 friends, 50 a page: f000 … f119, every tenth with a remark.
const all = Array.from({ length: 120 }, (_, i) => ({ username: `f${String(i).padStart(3, '0')}`, remark: i % 10 === 0 ? `备注${i}` : null }));
api.handle = (req) => {
  const url = new URL(req.url);
  const from = Number(url.searchParams.get('cursor') ?? 0);
  const limit = Number(url.searchParams.get('limit'));
  const next = from + limit < all.length ? String(from + limit) : undefined;
  return json({ data: { contacts: all.slice(from, from + limit) }, count: limit, ...(next ? { cursor: next } : {}) });
};

afterEach(() => {
  api.requests.length = 0;
});

describe('findFriend', () => {
  it('walks the paged list with remarks until the friend turns up', async () => {
    expect(await findFriend('demo', 'alice', 'F110')).toEqual({ username: 'f110', remark: '备注110' });
    expect(api.requests.map((r) => new URL(r.url).searchParams.get('cursor'))).toEqual([null, '50', '100']);
    expect(new URL(api.requests[0]!.url).pathname).toBe('/im/demo/user/alice/contacts');
    expect(new URL(api.requests[0]!.url).searchParams.get('needReturnRemark')).toBe('true');
  });

  it('stops on the first page that has them, and is undefined for a stranger after the last page', async () => {
    expect(await findFriend('demo', 'alice', 'f001')).toEqual({ username: 'f001', remark: null });
    expect(api.requests).toHaveLength(1);
    api.requests.length = 0;
    expect(await findFriend('demo', 'alice', 'nobody')).toBeUndefined();
    expect(api.requests).toHaveLength(3);
  });
});
