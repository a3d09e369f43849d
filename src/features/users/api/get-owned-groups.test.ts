import { describe, expect, it } from 'vitest';
import { insertGroups, installImHost, registerUsers, imHostPerTest } from '@/testing/im-host';
import { GROUP_DETAILS_BATCH, getOwnedGroups, isOwner } from './get-owned-groups';

describe('isOwner', () => {
  it('matches a bare name or org#app_name, ignoring case', () => {
    expect(isOwner('Alice', 'alice')).toBe(true);
    expect(isOwner('demo#console_alice', 'ALICE')).toBe(true);
    expect(isOwner('demo#console_malice', 'alice')).toBe(false);
    expect(isOwner('bob', 'alice')).toBe(false);
  });
});

describe('getOwnedGroups over 1005 groups', () => {
  // alice is in 1005 groups (more than one page of 1000) and owns every hundredth; bob owns the rest.
  const GROUPS = 1005;
  let ids: string[] = [];
  const host = imHostPerTest({ joinedGroupCap: 2000 }, async (h) => {
    await registerUsers(h, ['alice', 'bob']);
    // Written as rows: 1005 create calls would take seconds.
    ids = insertGroups(
      h.emulator.db,
      Array.from({ length: GROUPS }, (_, i) => (i % 100 === 0 ? { owner: 'alice' } : { owner: 'bob', members: ['alice'] })),
    );
  });

  it('reads every joined page, asks details in batches, keeps the groups the user owns, skips a group gone meanwhile', async () => {
    installImHost(host());
    // Group 500 is deleted once the details are being read: its batch fails with 404.
    const gone = ids[500]!;
    const stop = host().beforeForward(async (call) => {
      if (!call.path.startsWith('chatgroups/')) return;
      stop();
      await host().arrange('DELETE', `/chatgroups/${gone}`);
    });
    const owned = await getOwnedGroups('demo', 'alice');
    const wanted = ids.filter((_, i) => i % 100 === 0 && i !== 500);
    expect(owned.map((g) => g.id)).toEqual(wanted);
    expect(owned[0]).toEqual({ id: ids[0], name: 'g-alice' });

    const joined = host().callsTo('GET', 'users/alice/joined_chatgroups');
    expect(joined.map((c) => Object.fromEntries(c.query))).toEqual([
      { pagenum: '1', pagesize: '1000' },
      { pagenum: '2', pagesize: '1000' },
    ]);
    // 1005 / 20 batches, and the failing batch again one by one.
    const details = host().callsTo('GET', /^chatgroups\//);
    expect(details).toHaveLength(Math.ceil(GROUPS / GROUP_DETAILS_BATCH) + GROUP_DETAILS_BATCH);
    expect(details[0]!.path).toBe(`chatgroups/${ids.slice(0, GROUP_DETAILS_BATCH).join(',')}`);
  });
});

describe('getOwnedGroups', () => {
  const host = imHostPerTest();

  it('encodes the username as one path segment, and fails for a user who does not exist', async () => {
    installImHost(host());
    await expect(getOwnedGroups('demo', 'a,b')).rejects.toMatchObject({ status: 404, error: 'service_resource_not_found' });
    expect(host().calls.map((c) => c.path)).toEqual(['users/a%2Cb/joined_chatgroups']);
  });
});
