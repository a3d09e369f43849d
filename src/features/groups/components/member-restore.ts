import { isApiError } from '@/lib/api-client/api-error';
import type { ItemOutcome } from '@/lib/bulk/run-bulk';
import type { GroupMute } from '../api/get-group-mutes';
import type { MemberAttributes } from '../api/get-member-attributes';

// What a member has in a group beyond membership, read before a removal (or a block) takes it
// away, and put back by its Undo. Written against `GroupCalls` so the logic is tested without HTTP.

/** One member's standing in the group, as read just before it changed. */
export type MemberSnapshot = {
  username: string;
  admin: boolean;
  whitelisted: boolean;
  /** When the mute ends (epoch ms), `null` when permanent, `undefined` when not muted. */
  mutedUntil: number | null | undefined;
  attributes: MemberAttributes;
};

/** The calls the snapshot and the restore make (group-calls.ts binds them to one group). */
export type GroupCalls = {
  admins: () => Promise<string[]>;
  whitelist: () => Promise<string[]>;
  mutes: () => Promise<GroupMute[]>;
  /** Every attribute of each name (at most 10 a call, the function splits). */
  attributes: (names: string[]) => Promise<Map<string, MemberAttributes>>;
  /** Batch add: names the answer leaves out did not join (the API does not say why). */
  addMembers: (names: string[]) => Promise<ItemOutcome<string>[]>;
  /** Single add: its refusal says why (already a member, blacklisted, too many groups…). */
  addMember: (name: string) => Promise<unknown>;
  addAdmin: (name: string) => Promise<unknown>;
  addWhitelist: (names: string[]) => Promise<ItemOutcome<string>[]>;
  /** `durationMs` -1: permanently. */
  mute: (names: string[], durationMs: number) => Promise<ItemOutcome<string>[]>;
  unmute: (names: string[]) => Promise<ItemOutcome<string>[]>;
  setAttributes: (name: string, attributes: MemberAttributes) => Promise<unknown>;
  unblock: (names: string[]) => Promise<ItemOutcome<string>[]>;
};

export type RestorePart = 'admin' | 'whitelist' | 'mute' | 'attributes';

/** Why something could not be done: the API's error, or the reason a batch answer gave. */
export type Why = { error: unknown } | { reason: string | undefined };

/** What the restore of one member did. */
export type RestoreResult = {
  username: string;
  /** Not back in the group, and why: then nothing else was tried. */
  notBack?: Why;
  /** Put back, in the order tried. */
  restored: { part: RestorePart; mutedUntil?: number | null; attributes?: number }[];
  /** Could not be put back, and why. */
  missed: { part: RestorePart; why: Why }[];
  /** The mute had ended by the time of the undo: nothing to put back. */
  muteEnded?: boolean;
};

/** A 429 the HTTP client could not absorb: the runner slows down and sends the chunk again (a restore may run twice). */
const rethrowRateLimit = (e: unknown) => {
  if (isApiError(e) && (e.kind === 'rate-limited' || e.status === 429)) throw e;
};

/** "already in group" / "is already admin": the state wanted is there (an undo retried, say). */
const alreadyThere = (e: unknown) => isApiError(e) && e.error === 'forbidden_op' && /already/i.test(e.description);

/**
 * Reads what `names` have in the group now: roles, whitelist and mutes (one read each) and every
 * attribute (10 members a call). Any failed read fails the whole snapshot, so nothing is removed
 * that could not be put back.
 */
export async function readSnapshots(calls: GroupCalls, names: string[]): Promise<Map<string, MemberSnapshot>> {
  const [admins, whitelist, mutes, attributes] = await Promise.all([calls.admins(), calls.whitelist(), calls.mutes(), calls.attributes(names)]);
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const adminSet = lower(admins);
  const whiteSet = lower(whitelist);
  const muteBy = new Map(mutes.map((m) => [m.username.toLowerCase(), m.until]));
  return new Map(
    names.map((username) => {
      const key = username.toLowerCase();
      return [
        username,
        {
          username,
          admin: adminSet.has(key),
          whitelisted: whiteSet.has(key),
          mutedUntil: muteBy.has(key) ? muteBy.get(key) : undefined,
          attributes: attributes.get(username) ?? {},
        },
      ];
    }),
  );
}

/** The mute to send now for one that ends at `until`: -1 when permanent, undefined when it has ended. */
export function remainingMute(until: number | null, now: number): number | undefined {
  if (until === null) return -1;
  const left = until - now;
  return left > 0 ? left : undefined;
}

/** Groups `names` by the mute each should get back (several calls only when mutes differ). */
function byMute(snapshots: MemberSnapshot[], now: number) {
  const groups = new Map<number | null, string[]>();
  const ended: string[] = [];
  for (const s of snapshots) {
    if (s.mutedUntil === undefined) continue;
    if (remainingMute(s.mutedUntil, now) === undefined) ended.push(s.username);
    else groups.set(s.mutedUntil, [...(groups.get(s.mutedUntil) ?? []), s.username]);
  }
  return { groups, ended };
}

/**
 * Runs a batch call for `names`; a thrown error counts as that error for each of them.
 * `refusalIsFine`: a per-user `result: false` means the state wanted is already there (an unmute of
 * someone not muted).
 */
async function perName(names: string[], call: () => Promise<ItemOutcome<string>[]>, refusalIsFine = false): Promise<Map<string, Why | undefined>> {
  const out = new Map<string, Why | undefined>();
  if (names.length === 0) return out;
  try {
    const outcomes = new Map((await call()).map((o) => [o.item.toLowerCase(), o]));
    for (const n of names) {
      const o = outcomes.get(n.toLowerCase());
      out.set(n, o && !o.ok && !refusalIsFine ? { reason: o.reason } : undefined);
    }
  } catch (e) {
    rethrowRateLimit(e);
    for (const n of names) out.set(n, { error: e });
  }
  return out;
}

/**
 * Puts members back as they were: membership first (a batch add, then a single add for anyone it
 * left out, to learn why), then for those back the admin role, the whitelist entry, the mute with
 * the time it had left (`now` on), and the attributes. Each step that fails is reported for the
 * member it concerns; the others go on. Safe to run again: what is already there counts as done.
 * `unblockFirst`: the members were blocked rather than removed.
 */
export async function restoreMembers(calls: GroupCalls, snapshots: MemberSnapshot[], options: { now: () => number; unblockFirst?: boolean }): Promise<RestoreResult[]> {
  const results = new Map(snapshots.map((s) => [s.username, { username: s.username, restored: [], missed: [] } as RestoreResult]));
  let names = snapshots.map((s) => s.username);

  if (options.unblockFirst) {
    // Someone no longer on the blacklist may still join; someone who could not be unblocked will
    // be refused by the add with the blacklist named, so only a failed call stops here.
    try {
      await calls.unblock(names);
    } catch (e) {
      rethrowRateLimit(e);
      for (const n of names) results.get(n)!.notBack = { error: e };
      return [...results.values()];
    }
  }

  // Membership.
  let left: string[];
  try {
    const joined = new Set((await calls.addMembers(names)).filter((o) => o.ok).map((o) => o.item.toLowerCase()));
    left = names.filter((n) => !joined.has(n.toLowerCase()));
  } catch (e) {
    // Nobody could join (or the call failed): each is tried alone, which says why.
    rethrowRateLimit(e);
    left = names;
  }
  for (const n of left) {
    try {
      await calls.addMember(n);
    } catch (e) {
      rethrowRateLimit(e);
      if (!alreadyThere(e)) results.get(n)!.notBack = { error: e };
    }
  }
  const back = snapshots.filter((s) => !results.get(s.username)!.notBack);
  names = back.map((s) => s.username);

  // The admin role, one call each.
  for (const s of back.filter((b) => b.admin)) {
    const r = results.get(s.username)!;
    try {
      await calls.addAdmin(s.username);
      r.restored.push({ part: 'admin' });
    } catch (e) {
      rethrowRateLimit(e);
      if (alreadyThere(e)) r.restored.push({ part: 'admin' });
      else r.missed.push({ part: 'admin', why: { error: e } });
    }
  }

  // The whitelist, one call.
  const white = back.filter((b) => b.whitelisted).map((b) => b.username);
  for (const [n, why] of await perName(white, () => calls.addWhitelist(white))) {
    const r = results.get(n)!;
    if (why) r.missed.push({ part: 'whitelist', why });
    else r.restored.push({ part: 'whitelist' });
  }

  // Mutes: one call per end time (members muted together share it), each for the time it has left.
  const { groups, ended } = byMute(back, options.now());
  for (const n of ended) results.get(n)!.muteEnded = true;
  for (const [until, group] of groups) {
    const ms = remainingMute(until, options.now());
    if (ms === undefined) {
      for (const n of group) results.get(n)!.muteEnded = true;
      continue;
    }
    for (const [n, why] of await perName(group, () => calls.mute(group, ms))) {
      const r = results.get(n)!;
      if (why) r.missed.push({ part: 'mute', why });
      else r.restored.push({ part: 'mute', mutedUntil: until });
    }
  }

  // Attributes, one call per member that had any.
  for (const s of back) {
    const count = Object.keys(s.attributes).length;
    if (count === 0) continue;
    const r = results.get(s.username)!;
    try {
      await calls.setAttributes(s.username, s.attributes);
      r.restored.push({ part: 'attributes', attributes: count });
    } catch (e) {
      rethrowRateLimit(e);
      r.missed.push({ part: 'attributes', why: { error: e } });
    }
  }
  return [...results.values()];
}

/** What the undo of a mute did for one member: unmuted, or muted again as before. */
export type UnmuteResult = { username: string; kind: 'unmuted' | 'muted-again' | 'earlier-ended'; mutedUntil?: number | null; why?: Why };

/**
 * Undoes a mute: members who were not muted before are unmuted; those who were get their earlier
 * mute back with the time it has left (unmuted when it has ended meanwhile).
 */
export async function undoMute(calls: GroupCalls, names: string[], before: ReadonlyMap<string, number | null | undefined>, now: () => number): Promise<UnmuteResult[]> {
  const snapshots: MemberSnapshot[] = names.map((username) => ({ username, admin: false, whitelisted: false, attributes: {}, mutedUntil: before.get(username) }));
  const { groups, ended } = byMute(snapshots, now());
  const again: [number | null, string[], number][] = [];
  for (const [until, group] of groups) {
    const ms = remainingMute(until, now());
    if (ms === undefined) ended.push(...group);
    else again.push([until, group, ms]);
  }
  const unmute = [...snapshots.filter((s) => s.mutedUntil === undefined).map((s) => s.username), ...ended];
  const out: UnmuteResult[] = [];
  const endedSet = new Set(ended);
  // Someone this run muted who is no longer muted is where the undo wants them.
  for (const [n, why] of await perName(unmute, () => calls.unmute(unmute), true)) {
    out.push({ username: n, kind: endedSet.has(n) ? 'earlier-ended' : 'unmuted', why });
  }
  for (const [until, group, ms] of again) {
    for (const [n, why] of await perName(group, () => calls.mute(group, ms))) {
      out.push({ username: n, kind: 'muted-again', mutedUntil: until, why });
    }
  }
  const order = new Map(names.map((n, i) => [n, i]));
  return out.sort((a, b) => order.get(a.username)! - order.get(b.username)!);
}
