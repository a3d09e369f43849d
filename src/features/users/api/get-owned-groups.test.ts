import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client/api-error';
import { callApi, type Call } from '@/lib/api-client/http';
import { GROUP_DETAILS_BATCH, getOwnedGroups, isOwner } from './get-owned-groups';

vi.mock('@/lib/api-client/http', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/api-client/http')>()),
  callApi: vi.fn(),
}));
const call = vi.mocked(callApi);

beforeEach(() => {
  call.mockReset();
});

describe('isOwner', () => {
  it('matches a bare name or org#app_name, ignoring case', () => {
    expect(isOwner('Alice', 'alice')).toBe(true);
    expect(isOwner('demo#console_alice', 'ALICE')).toBe(true);
    expect(isOwner('demo#console_malice', 'alice')).toBe(false);
    expect(isOwner('bob', 'alice')).toBe(false);
  });
});

describe('getOwnedGroups', () => {
  it('reads every joined page, asks details in batches, keeps the groups the user owns, skips a group gone meanwhile', async () => {
    const ids = Array.from({ length: 1005 }, (_, i) => `g${i}`);
    const owner = (id: string) => (Number(id.slice(1)) % 100 === 0 ? 'demo#console_a,b' : 'other');
    const detailCalls: string[] = [];
    call.mockImplementation(async (_http, _app, c: Call) => {
      if (c.path.startsWith('users/')) {
        const { pagenum, pagesize } = c.searchParams as { pagenum: number; pagesize: number };
        return { data: ids.slice((pagenum - 1) * pagesize, pagenum * pagesize).map((groupid) => ({ groupid, groupname: groupid })) };
      }
      detailCalls.push(c.path);
      const asked = decodeURIComponent(c.path.slice('chatgroups/'.length)).split(',');
      if (asked.includes('g500')) throw new ApiError({ kind: 'http', status: 404, error: 'resource_not_found', description: 'grpID g500 does not exist!', call: 'GET' });
      return { data: asked.map((id) => ({ id, name: `Group ${id}`, owner: owner(id) })) };
    });
    const owned = await getOwnedGroups('demo', 'A,B');
    expect(call.mock.calls[0]![2].path).toBe('users/A%2CB/joined_chatgroups');
    expect(owned.map((g) => g.id)).toEqual(['g0', 'g100', 'g200', 'g300', 'g400', 'g600', 'g700', 'g800', 'g900', 'g1000']);
    // Two joined pages, 1005 / 20 batches, and the failing batch again one by one.
    expect(call.mock.calls.filter((c) => c[2].path.startsWith('users/'))).toHaveLength(2);
    expect(detailCalls).toHaveLength(Math.ceil(1005 / GROUP_DETAILS_BATCH) + GROUP_DETAILS_BATCH);
    expect(detailCalls[0]).toBe(`chatgroups/${ids.slice(0, GROUP_DETAILS_BATCH).join(',')}`);
  });
});
