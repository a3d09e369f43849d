import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client/api-error';
import { createGroup, installImHost, registerUsers, imHostPerTest } from '@/testing/im-host';
import { addGroupMembers } from './add-group-members';

let group = '';
const host = imHostPerTest({}, async (h) => {
  await registerUsers(h, ['owner', 'alice', 'dave', 'erin']);
  group = await createGroup(h, 'owner', ['alice']);
});

const roster = async () => ((await host().arrange('GET', `/chatgroups/${group}/users`)).data as Record<string, string>[]).map((m) => m.owner ?? m.member);

describe('addGroupMembers', () => {
  it('posts {usernames} and reports the names missing from newmembers as not added, with the given reason', async () => {
    installImHost(host());
    const out = await addGroupMembers('demo', group, ['dave', 'alice', 'erin'], 'already a member?');
    expect(host().calls.map((c) => [c.method, c.path, c.body])).toEqual([['POST', `chatgroups/${group}/users`, { usernames: ['dave', 'alice', 'erin'] }]]);
    expect(out).toEqual([
      { item: 'dave', ok: true },
      { item: 'alice', ok: false, reason: 'already a member?' },
      { item: 'erin', ok: true },
    ]);
    expect(await roster()).toEqual(['owner', 'alice', 'dave', 'erin']);
  });

  it('fails as a whole, with the error one add would give, when nobody could join', async () => {
    installImHost(host());
    const err = await addGroupMembers('demo', group, ['alice', 'owner'], 'already a member?').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind: 'http', status: 403, error: 'forbidden_op', call: `POST /chatgroups/${group}/users` });
    expect((err as ApiError).description).toMatch(/user: alice already in group/);
    expect(await roster()).toEqual(['owner', 'alice']);
  });

  it('encodes the group ID as one path segment', async () => {
    installImHost(host());
    const err = await addGroupMembers('demo', 'g/1', ['dave']).catch((e: unknown) => e);
    expect(host().calls[0]!.path).toBe('chatgroups/g%2F1/users');
    expect(err).toMatchObject({ status: 404, error: 'resource_not_found' });
  });
});
