import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callApi } from '@/lib/api-client/http';
import { addGroupMembers } from './add-group-members';

vi.mock('@/lib/api-client/http', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/api-client/http')>()),
  callApi: vi.fn(),
}));
const call = vi.mocked(callApi);

beforeEach(() => {
  call.mockReset();
});

describe('addGroupMembers', () => {
  it('posts {usernames} and reports the names missing from newmembers as not added, with the given reason', async () => {
    call.mockResolvedValue({ data: { newmembers: ['erin', 'dave'] } });
    const out = await addGroupMembers('demo', 'g/1', ['dave', 'alice', 'erin'], 'already a member?');
    expect(call.mock.calls[0]![2]).toMatchObject({ method: 'post', path: 'chatgroups/g%2F1/users', json: { usernames: ['dave', 'alice', 'erin'] } });
    expect(out).toEqual([
      { item: 'dave', ok: true },
      { item: 'alice', ok: false, reason: 'already a member?' },
      { item: 'erin', ok: true },
    ]);
  });
});
