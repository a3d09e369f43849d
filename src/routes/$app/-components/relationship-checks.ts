import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { allBlocksQueryOptions } from '@/features/blocks/api/get-all-blocks';
import { friendQueryOptions } from '@/features/friends/api/find-friend';
import { allFriendsQueryOptions } from '@/features/friends/api/get-all-friends';
import { groupQueryOptions } from '@/features/groups/api/get-group';
import { groupBlacklistQueryOptions } from '@/features/groups/api/get-group-blacklist';
import { groupMutesQueryOptions, type GroupMute } from '@/features/groups/api/get-group-mutes';
import { groupWhitelistQueryOptions } from '@/features/groups/api/get-group-whitelist';
import { joinedGroupsQueryOptions, JOINED_GROUPS_PAGE, type JoinedGroup } from '@/features/users/api/get-joined-groups';
import { userQueryOptions } from '@/features/users/api/get-user';
import { isApiError } from '@/lib/api-client/api-error';

// The relationship check as data: each check is one question asked of the API (one or a few
// calls), with its own loading and error state, and the findings its answer gives. The page
// renders them; the summary counts the findings that stop the two from talking.

export type GroupRef = { id: string; name: string };

export type Finding =
  | { kind: 'missing'; user: string }
  | { kind: 'banned'; user: string }
  | { kind: 'active'; user: string }
  | { kind: 'friend'; owner: string; other: string; remark: string | null }
  | { kind: 'notFriend'; owner: string; other: string }
  | { kind: 'blocked'; owner: string; other: string }
  | { kind: 'notBlocked'; owner: string; other: string }
  | { kind: 'muted'; group: GroupRef; user: string; until: number | null }
  | { kind: 'mutedAll'; group: GroupRef; user: string }
  | { kind: 'whitelisted'; group: GroupRef; user: string }
  | { kind: 'groupClear'; group: GroupRef }
  | { kind: 'groupBlocked'; group: GroupRef; user: string; member: string };

const BLOCKERS = new Set<Finding['kind']>(['missing', 'banned', 'blocked', 'muted', 'mutedAll', 'groupBlocked']);
/** Whether a finding stops the two from messaging (the others are for information). */
export const isBlocker = (f: Finding) => BLOCKERS.has(f.kind);

export type Subject =
  | { kind: 'account'; user: string }
  | { kind: 'friend'; owner: string; other: string }
  | { kind: 'block'; owner: string; other: string }
  | { kind: 'groups' }
  | { kind: 'group'; group: GroupRef }
  | { kind: 'groupBlacklist'; group: GroupRef; user: string; member: string };

export type CheckStatus = 'pending' | 'error' | 'success' | 'skipped';

export type Check = {
  id: string;
  subject: Subject;
  status: CheckStatus;
  error?: unknown;
  retry: () => void;
  findings: Finding[];
};

export type RelationshipChecks = {
  accounts: Check[];
  friendship: Check[];
  blocks: Check[];
  /** Both users' group lists (one check). */
  groups: Check;
  /** One per group both are in: mutes, mute-all and whitelist. */
  common: Check[];
  /** One per group only one of them is in: is the other on its blacklist? */
  oneSided: Check[];
  /** Groups only one is in, past the ones checked (see ONE_SIDED_MAX). */
  oneSidedSkipped: number;
  /** A's or B's group list filled the one page asked for: groups past it were not looked at. */
  groupsTruncated: boolean;
};

/** Blacklist checks for groups only one of the two is in: at most this many calls. */
export const ONE_SIDED_MAX = 50;
const JOINED_PARAMS = { pagenum: 1, pagesize: JOINED_GROUPS_PAGE.max };

export const sameUser = (x: string, y: string) => x.toLowerCase() === y.toLowerCase();
const has = (names: readonly string[], user: string) => names.some((n) => sameUser(n, user));
const isNotFound = (e: unknown) => isApiError(e) && e.status === 404;

type Q = UseQueryResult<unknown, Error>;

/** The state of one check over the queries it needs (disabled ones left out by the caller). */
function stateOf(queries: Q[]): Pick<Check, 'status' | 'error' | 'retry'> {
  const failed = queries.filter((q) => q.isError);
  const retry = () => {
    for (const q of failed) void q.refetch();
  };
  if (failed.length > 0) return { status: 'error', error: failed[0]!.error, retry };
  if (queries.some((q) => q.isPending)) return { status: 'pending', retry };
  return { status: 'success', retry };
}

/** Groups both are in, and the groups only one is in (with who is in it), by group ID. */
export function splitGroups(ofA: readonly JoinedGroup[], ofB: readonly JoinedGroup[], a: string, b: string) {
  const inB = new Set(ofB.map((g) => g.groupid));
  const inA = new Set(ofA.map((g) => g.groupid));
  const ref = (g: JoinedGroup): GroupRef => ({ id: g.groupid, name: g.groupname });
  const common = ofA.filter((g) => inB.has(g.groupid)).map(ref);
  const oneSided = [
    ...ofA.filter((g) => !inB.has(g.groupid)).map((g) => ({ group: ref(g), member: a, other: b })),
    ...ofB.filter((g) => !inA.has(g.groupid)).map((g) => ({ group: ref(g), member: b, other: a })),
  ];
  return { common, oneSided };
}

/** What one common group says about the two: per-member mutes, then mute-all unless whitelisted. */
export function groupFindings(
  group: GroupRef,
  users: readonly string[],
  mutes: readonly GroupMute[],
  mutedAll: boolean,
  whitelist: readonly string[],
  now: number,
): Finding[] {
  const findings: Finding[] = [];
  for (const user of users) {
    const mute = mutes.find((m) => sameUser(m.username, user) && (m.until === null || m.until > now));
    if (mute) findings.push({ kind: 'muted', group, user, until: mute.until });
    else if (mutedAll) findings.push(has(whitelist, user) ? { kind: 'whitelisted', group, user } : { kind: 'mutedAll', group, user });
  }
  return findings.length > 0 ? findings : [{ kind: 'groupClear', group }];
}

/** Counts over every check, for the summary line. */
export function summarize(checks: readonly Check[]) {
  let blockers = 0;
  let pending = 0;
  let failed = 0;
  for (const c of checks) {
    if (c.status === 'pending') pending++;
    else if (c.status === 'error') failed++;
    else blockers += c.findings.filter(isBlocker).length;
  }
  return { blockers, pending, failed };
}

export const allChecks = (r: RelationshipChecks): Check[] => [...r.accounts, ...r.friendship, ...r.blocks, r.groups, ...r.common, ...r.oneSided];

/** Every check for A and B, all started at once. `now` drops mutes that ran out since the last load. */
export function useRelationshipChecks(app: string, a: string, b: string, now: number): RelationshipChecks {
  const pair = [a, b] as const;
  const users = useQueries({ queries: pair.map((u) => userQueryOptions(app, u)) });
  const friendLists = useQueries({ queries: pair.map((u) => allFriendsQueryOptions(app, u)) });
  const listsOther = (i: number) => {
    const list = friendLists[i]!.data;
    return list !== undefined && has(list, pair[1 - i]!);
  };
  // Remarks only come with the paged list, so it is walked only when they are friends.
  const remarks = useQueries({ queries: pair.map((u, i) => ({ ...friendQueryOptions(app, u, pair[1 - i]!), enabled: listsOther(i) })) });
  const blocks = useQueries({ queries: pair.map((u) => allBlocksQueryOptions(app, u)) });
  const joined = useQueries({ queries: pair.map((u) => joinedGroupsQueryOptions(app, u, JOINED_PARAMS)) });

  const split = joined[0]!.data && joined[1]!.data ? splitGroups(joined[0]!.data, joined[1]!.data, a, b) : { common: [], oneSided: [] };
  const oneSided = split.oneSided.slice(0, ONE_SIDED_MAX);
  const details = useQueries({ queries: split.common.map((g) => groupQueryOptions(app, g.id)) });
  const mutes = useQueries({ queries: split.common.map((g) => groupMutesQueryOptions(app, g.id)) });
  // The whitelist matters only while everyone is muted.
  const whitelists = useQueries({
    queries: split.common.map((g, i) => ({ ...groupWhitelistQueryOptions(app, g.id), enabled: details[i]?.data?.mute === true })),
  });
  const blacklists = useQueries({ queries: oneSided.map((s) => groupBlacklistQueryOptions(app, s.group.id)) });

  // A user who does not exist makes every other check about them meaningless (they answer 404).
  const missing = pair.filter((_, i) => isNotFound(users[i]!.error));
  const skips = (...involved: string[]) => involved.some((u) => missing.includes(u));
  const check = (id: string, subject: Subject, queries: Q[], findings: () => Finding[], involved: string[]): Check => {
    if (skips(...involved)) return { id, subject, status: 'skipped', retry: () => {}, findings: [] };
    const state = stateOf(queries);
    return { id, subject, ...state, findings: state.status === 'success' ? findings() : [] };
  };

  const accounts = pair.map((user, i): Check => {
    const q = users[i]!;
    if (isNotFound(q.error)) return { id: `account-${i}`, subject: { kind: 'account', user }, status: 'success', retry: () => {}, findings: [{ kind: 'missing', user }] };
    return check(`account-${i}`, { kind: 'account', user }, [q], () => [{ kind: q.data!.activated ? 'active' : 'banned', user: q.data!.username }], []);
  });

  const friendship = pair.map((owner, i) => {
    const other = pair[1 - i]!;
    const queries: Q[] = listsOther(i) ? [friendLists[i]!, remarks[i]!] : [friendLists[i]!];
    return check(
      `friend-${i}`,
      { kind: 'friend', owner, other },
      queries,
      () => [listsOther(i) ? { kind: 'friend', owner, other, remark: remarks[i]!.data?.remark ?? null } : { kind: 'notFriend', owner, other }],
      [owner, other],
    );
  });

  const blockChecks = pair.map((owner, i) => {
    const other = pair[1 - i]!;
    return check(`block-${i}`, { kind: 'block', owner, other }, [blocks[i]!], () => [{ kind: has(blocks[i]!.data!, other) ? 'blocked' : 'notBlocked', owner, other }], [owner, other]);
  });

  const groups = check('groups', { kind: 'groups' }, joined, () => [], [a, b]);

  const common = split.common.map((group, i) => {
    const detail = details[i]!;
    const mutedAll = detail.data?.mute === true;
    const queries: Q[] = mutedAll ? [detail, mutes[i]!, whitelists[i]!] : [detail, mutes[i]!];
    return check(`group-${group.id}`, { kind: 'group', group }, queries, () => groupFindings(group, pair, mutes[i]!.data!, mutedAll, whitelists[i]!.data ?? [], now), [a, b]);
  });

  const oneSidedChecks = oneSided.map(({ group, member, other }, i) =>
    check(
      `blacklist-${group.id}-${other}`,
      { kind: 'groupBlacklist', group, user: other, member },
      [blacklists[i]!],
      () => (has(blacklists[i]!.data!, other) ? [{ kind: 'groupBlocked', group, user: other, member }] : []),
      [a, b],
    ),
  );

  return {
    accounts,
    friendship,
    blocks: blockChecks,
    groups,
    common,
    oneSided: oneSidedChecks,
    oneSidedSkipped: split.oneSided.length - oneSided.length,
    groupsTruncated: joined.some((q) => (q.data?.length ?? 0) >= JOINED_PARAMS.pagesize),
  };
}
