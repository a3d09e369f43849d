import { describe, expect, it } from 'vitest';
import { installImHost, registerUsers, imHostPerTest } from '@/testing/im-host';
import { findFriend } from './get-friends';

// alice has 120 friends, f000 … f119 (50 a page), every tenth with a remark; nobody is a stranger.
const FRIENDS = Array.from({ length: 120 }, (_, i) => `f${String(i).padStart(3, '0')}`);
const host = imHostPerTest({}, async (h) => {
  await registerUsers(h, ['alice', 'nobody', ...FRIENDS]);
  for (let i = 0; i < FRIENDS.length; i += 10) await h.arrange('POST', '/users/alice/contacts/import', { usernames: FRIENDS.slice(i, i + 10) });
  for (let i = 0; i < FRIENDS.length; i += 10) await h.arrange('PUT', `/user/alice/contacts/users/${FRIENDS[i]}`, { remark: `备注${i}` });
});
const cursors = () => host().calls.map((c) => c.query.get('cursor'));

describe('findFriend', () => {
  it('walks the paged list with remarks until the friend turns up', async () => {
    installImHost(host());
    expect(await findFriend('demo', 'alice', 'F110')).toEqual({ username: 'f110', remark: '备注110' });
    expect(cursors()).toEqual([null, expect.any(String), expect.any(String)]);
    expect(host().calls[0]!.path).toBe('user/alice/contacts');
    expect(Object.fromEntries(host().calls[0]!.query)).toEqual({ limit: '50', needReturnRemark: 'true' });
  });

  it('stops on the first page that has them, and is undefined for a stranger after the last page', async () => {
    installImHost(host());
    expect(await findFriend('demo', 'alice', 'f001')).toEqual({ username: 'f001', remark: null });
    expect(host().calls).toHaveLength(1);
    expect(await findFriend('demo', 'alice', 'nobody')).toBeUndefined();
    expect(host().calls).toHaveLength(4);
  });
});
