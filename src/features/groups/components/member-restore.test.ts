import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client/api-error';
import { readSnapshots, remainingMute, restoreMembers, undoMute, type GroupCalls, type MemberSnapshot } from './member-restore';

const HOUR = 3_600_000;
const forbidden = (description: string, error = 'forbidden_op') => new ApiError({ kind: 'http', status: 403, error, description, call: 'POST /x' });

/** A group kept in memory, answering as the IM API does (the parts the restore relies on). */
function fakeGroup(now: () => number) {
  const g = {
    members: new Set<string>(),
    admins: new Set<string>(),
    whitelist: new Set<string>(),
    mutes: new Map<string, number>(),
    attributes: new Map<string, Record<string, string>>(),
    blocks: new Set<string>(),
    /** Users who cannot join (in too many groups). */
    full: new Set<string>(),
    maxAdmins: 99,
    log: [] as string[],
  };
  const join = (n: string) => {
    if (g.members.has(n)) throw forbidden(`user ${n} already in group`);
    if (g.blocks.has(n)) throw forbidden(`user ${n} is in blacklist`);
    if (g.full.has(n)) throw forbidden(`user ${n} has joined too many groups`, 'exceed_limit');
    g.members.add(n);
  };
  const calls: GroupCalls = {
    admins: async () => [...g.admins],
    whitelist: async () => [...g.whitelist],
    mutes: async () => [...g.mutes].filter(([, e]) => e < 0 || e > now()).map(([username, e]) => ({ username, until: e < 0 ? null : e })),
    attributes: async (names) => new Map(names.map((n) => [n, { ...g.attributes.get(n) }])),
    addMembers: async (names) => {
      g.log.push(`add ${names.join(',')}`);
      return names.map((n) => {
        try {
          join(n);
          return { item: n, ok: true };
        } catch {
          return { item: n, ok: false };
        }
      });
    },
    addMember: async (n) => {
      g.log.push(`add-one ${n}`);
      join(n);
    },
    addAdmin: async (n) => {
      g.log.push(`admin ${n}`);
      if (g.admins.has(n)) throw forbidden(`user: ${n} is already admin of group`);
      if (g.admins.size >= g.maxAdmins) throw forbidden('admin count exceed limit : 99', 'exceed_limit');
      g.admins.add(n);
    },
    addWhitelist: async (names) => {
      g.log.push(`white ${names.join(',')}`);
      return names.map((n) => (g.members.has(n) ? (g.whitelist.add(n), { item: n, ok: true }) : { item: n, ok: false, reason: 'not a member' }));
    },
    mute: async (names, ms) => {
      g.log.push(`mute ${names.join(',')} ${ms}`);
      for (const n of names) g.mutes.set(n, ms < 0 ? -1 : now() + ms);
      return names.map((n) => ({ item: n, ok: true }));
    },
    unmute: async (names) => {
      g.log.push(`unmute ${names.join(',')}`);
      return names.map((n) => ({ item: n, ok: g.mutes.delete(n) }));
    },
    setAttributes: async (n, attrs) => {
      g.log.push(`attrs ${n}`);
      g.attributes.set(n, { ...g.attributes.get(n), ...attrs });
    },
    unblock: async (names) => {
      g.log.push(`unblock ${names.join(',')}`);
      return names.map((n) => ({ item: n, ok: g.blocks.delete(n) }));
    },
  };
  /** What a removal takes away. */
  const remove = (n: string) => {
    g.members.delete(n);
    g.admins.delete(n);
    g.whitelist.delete(n);
    g.mutes.delete(n);
    g.attributes.delete(n);
  };
  return { g, calls, remove };
}

describe('readSnapshots and restoreMembers', () => {
  it('puts back membership, admin role, whitelist entry, the mute with the time it had left, and the attributes', async () => {
    let clock = 1_000_000;
    const now = () => clock;
    const { g, calls, remove } = fakeGroup(now);
    for (const n of ['ann', 'bo', 'cy']) g.members.add(n);
    g.admins.add('ann');
    g.whitelist.add('ann');
    g.mutes.set('ann', clock + 2 * HOUR);
    g.mutes.set('bo', -1);
    g.attributes.set('ann', { nickname: 'Ann', role: 'lead' });

    const snapshots = await readSnapshots(calls, ['ann', 'bo', 'cy']);
    expect(snapshots.get('ann')).toEqual({ username: 'ann', admin: true, whitelisted: true, mutedUntil: clock + 2 * HOUR, attributes: { nickname: 'Ann', role: 'lead' } });
    expect(snapshots.get('bo')).toMatchObject({ admin: false, mutedUntil: null });
    expect(snapshots.get('cy')).toMatchObject({ admin: false, whitelisted: false, mutedUntil: undefined, attributes: {} });

    for (const n of ['ann', 'bo', 'cy']) remove(n);
    clock += HOUR;
    const results = await restoreMembers(calls, [...snapshots.values()], { now });

    expect([...g.members].sort()).toEqual(['ann', 'bo', 'cy']);
    expect([...g.admins]).toEqual(['ann']);
    expect([...g.whitelist]).toEqual(['ann']);
    // The hour already spent is not given again.
    expect(g.mutes.get('ann')).toBe(1_000_000 + 2 * HOUR);
    expect(g.mutes.get('bo')).toBe(-1);
    expect(g.attributes.get('ann')).toEqual({ nickname: 'Ann', role: 'lead' });
    expect(results.find((r) => r.username === 'ann')).toEqual({
      username: 'ann',
      restored: [{ part: 'admin' }, { part: 'whitelist' }, { part: 'mute', mutedUntil: 1_000_000 + 2 * HOUR }, { part: 'attributes', attributes: 2 }],
      missed: [],
    });
    expect(results.find((r) => r.username === 'cy')).toEqual({ username: 'cy', restored: [], missed: [] });
    // One batch add, one call per end time: members muted together share a call.
    expect(g.log.filter((l) => l.startsWith('add'))).toEqual(['add ann,bo,cy']);
  });

  it('says what it could not put back and why, and does not try the rest for someone who could not rejoin', async () => {
    let clock = 0;
    const now = () => clock;
    const { g, calls } = fakeGroup(now);
    g.admins = new Set(Array.from({ length: 99 }, (_, i) => `a${i}`));
    g.full.add('dan');
    const snapshots: MemberSnapshot[] = [
      { username: 'eve', admin: true, whitelisted: false, mutedUntil: 30 * 60_000, attributes: {} },
      { username: 'dan', admin: true, whitelisted: true, mutedUntil: null, attributes: { k: 'v' } },
    ];
    clock = HOUR;
    const results = await restoreMembers(calls, snapshots, { now });
    const eve = results.find((r) => r.username === 'eve')!;
    expect(eve.notBack).toBeUndefined();
    expect(eve.missed).toEqual([{ part: 'admin', why: { error: expect.objectContaining({ error: 'exceed_limit' }) } }]);
    // Her mute ended while she was out: nothing to put back, and it is said.
    expect(eve.muteEnded).toBe(true);
    expect(g.mutes.has('eve')).toBe(false);
    const dan = results.find((r) => r.username === 'dan')!;
    expect(dan.notBack).toEqual({ error: expect.objectContaining({ description: 'user dan has joined too many groups' }) });
    expect(dan.restored).toEqual([]);
    expect(g.log).not.toContain('admin dan');
    expect(g.whitelist.has('dan')).toBe(false);
  });

  it('can run again: what is already back counts as done', async () => {
    const { g, calls } = fakeGroup(() => 0);
    g.members.add('fay');
    g.admins.add('fay');
    const results = await restoreMembers(calls, [{ username: 'fay', admin: true, whitelisted: false, mutedUntil: undefined, attributes: {} }], { now: () => 0 });
    expect(results).toEqual([{ username: 'fay', restored: [{ part: 'admin' }], missed: [] }]);
  });

  it('unblocks first when the members were blocked, then adds them back', async () => {
    const { g, calls } = fakeGroup(() => 0);
    g.blocks.add('gus');
    const results = await restoreMembers(calls, [{ username: 'gus', admin: false, whitelisted: true, mutedUntil: undefined, attributes: {} }], { now: () => 0, unblockFirst: true });
    expect(g.log).toEqual(['unblock gus', 'add gus', 'white gus']);
    expect(g.members.has('gus') && g.whitelist.has('gus') && !g.blocks.has('gus')).toBe(true);
    expect(results[0]!.missed).toEqual([]);
  });

  it('lets a 429 through, so the runner slows down and sends the chunk again', async () => {
    const { calls } = fakeGroup(() => 0);
    calls.addMembers = async () => {
      throw new ApiError({ kind: 'rate-limited', status: 429, error: 'reach_limit', call: 'POST /x' });
    };
    await expect(restoreMembers(calls, [{ username: 'hal', admin: false, whitelisted: false, mutedUntil: undefined, attributes: {} }], { now: () => 0 })).rejects.toMatchObject({
      kind: 'rate-limited',
    });
  });
});

describe('undoMute', () => {
  it('unmutes who was not muted before and gives the others their earlier mute back', async () => {
    const clock = 10 * HOUR;
    const { g, calls } = fakeGroup(() => clock);
    for (const n of ['ivy', 'jon', 'kim', 'lea']) g.mutes.set(n, clock + HOUR);
    const before = new Map<string, number | null | undefined>([
      ['jon', null],
      ['kim', clock + 5 * HOUR],
      ['lea', clock - 1],
    ]);
    const results = await undoMute(calls, ['ivy', 'jon', 'kim', 'lea'], before, () => clock);
    expect(results).toEqual([
      { username: 'ivy', kind: 'unmuted', why: undefined },
      { username: 'jon', kind: 'muted-again', mutedUntil: null, why: undefined },
      { username: 'kim', kind: 'muted-again', mutedUntil: clock + 5 * HOUR, why: undefined },
      { username: 'lea', kind: 'earlier-ended', why: undefined },
    ]);
    expect(g.mutes.get('jon')).toBe(-1);
    expect(g.mutes.get('kim')).toBe(clock + 5 * HOUR);
    expect(g.mutes.has('ivy') || g.mutes.has('lea')).toBe(false);
  });

  it('reads an unmute of someone no longer muted as done', async () => {
    const { calls } = fakeGroup(() => 0);
    expect(await undoMute(calls, ['max'], new Map(), () => 0)).toEqual([{ username: 'max', kind: 'unmuted', why: undefined }]);
  });
});

describe('remainingMute', () => {
  it('is -1 for a permanent mute, the time left for a running one, nothing for one that has ended', () => {
    expect(remainingMute(null, 5)).toBe(-1);
    expect(remainingMute(105, 5)).toBe(100);
    expect(remainingMute(5, 5)).toBeUndefined();
  });
});
