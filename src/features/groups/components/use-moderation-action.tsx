import { Text } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { parseUsernames } from '@/lib/bulk/parse-names';
import { APP_RATE_LIMIT } from '@/lib/bulk/chunk';
import { type ItemOutcome } from '@/lib/bulk/run-bulk';
import type { BulkActionModalProps } from '@/components/bulk-runner/bulk-action-modal';
import { typedConfirmation } from '@/components/confirm-action/confirm-risk';
import { addGroupAdmin } from '../api/add-group-admin';
import { addGroupWhitelist, WHITELIST_ADD_LIMIT } from '../api/add-group-whitelist';
import { BLOCK_LIMIT, blockGroupMembers } from '../api/block-group-members';
import { GROUP_ADMINS_MAX, useGroupAdmins } from '../api/get-group-admins';
import { MUTE_LIMIT, muteGroupMembers } from '../api/mute-group-members';
import { removeGroupAdmin } from '../api/remove-group-admin';
import { REMOVE_MEMBERS_LIMIT, removeGroupMembers, useInvalidateMembership } from '../api/remove-group-members';
import { removeGroupWhitelist } from '../api/remove-group-whitelist';
import { groupCalls } from './group-calls';
import { GroupMembersRemovalReview } from './group-members-removal-review';
import { parseWithoutOwner } from './group-mutes-owner';
import { readSnapshots, restoreMembers, undoMute, type MemberSnapshot } from './member-restore';
import { restoreOutcome, unmuteOutcome } from './member-restore-text';
import { durationMs, type MuteDuration } from './mute-duration';
import { MuteDurationPicker } from './mute-duration-picker';
import { durationText } from './mute-duration-text';

export type ModerationKind = 'mute' | 'block' | 'whitelist' | 'admin' | 'remove';

type Target = {
  app: string;
  groupId: string;
  groupName: string;
  /** From the group's details (undefined while they load): never muted, blocked, removed or made admin. */
  owner: string | undefined;
  kind: ModerationKind;
  /** After each run and each undo (the group's lists are refreshed first). */
  onFinished?: () => void;
};

// Documented: 100 calls/s per app. Each chunk also reads what Undo needs before it changes
// anything: the mute or whitelist list (1 call), or for a removal the admins, whitelist and mutes
// (3) and the attributes (6 for 60 members), so chunks start that much less often.
const RATE = {
  mute: Math.floor(APP_RATE_LIMIT / 2),
  whitelist: Math.floor(APP_RATE_LIMIT / 2),
  admin: APP_RATE_LIMIT,
  remove: Math.floor(APP_RATE_LIMIT / 10),
} as const;
/** A restore makes up to 3 calls per member plus 3 per chunk: small chunks, one at a time. */
const RESTORE = { chunkSize: 10, rate: Math.max(1, Math.floor(APP_RATE_LIMIT / 33)) };

/** One moderation as the bulk dialog takes it (the caller adds the chosen names and opens it). */
export type ModerationAction = Omit<BulkActionModalProps, 'opened' | 'onClose' | 'initialItems'>;

/**
 * The actions on members (chosen or pasted): mute for a chosen time, block, whitelist, make admin,
 * remove, each for the shared bulk dialog, with an Undo that puts back what each member had:
 * before changing anything each chunk reads what Undo will need (earlier mutes, the whitelist, and
 * for a removal or a block the roles, whitelist entry, mute and attributes). Confirmation fits the
 * risk: mute, whitelist and admin are confirmed in the dialog itself; removing and blocking show
 * what will be lost, and past 20 members ask for the group ID.
 */
export function useModerationAction({ app, groupId, groupName, owner, kind, onFinished }: Target): ModerationAction {
  const { t, i18n } = useTranslation();
  const invalidate = useInvalidateMembership(app, groupId);
  const admins = useGroupAdmins(app, groupId);
  const calls = useMemo(() => groupCalls(app, groupId), [app, groupId]);
  const [duration, setDuration] = useState<MuteDuration | undefined>();
  // What members had before this dialog's runs changed it (the first reading of each member wins:
  // a retry must not take the state after a partial run as "before").
  const snapshots = useRef(new Map<string, MemberSnapshot>()).current;
  const mutedBefore = useRef(new Map<string, number | null | undefined>()).current;
  const whitelistedBefore = useRef(new Set<string>()).current;
  const remember = <V,>(map: Map<string, V>, name: string, value: V) => {
    if (!map.has(name)) map.set(name, value);
  };

  const finished = () => {
    invalidate();
    onFinished?.();
  };
  const ownerNote = (key: 'groupModeration.ownerNeverMuted' | 'groupModeration.ownerNeverBlocked' | 'groupMembers.ownerNeverRemoved' | 'groupMembers.ownerNeverAdmin') =>
    owner ? (
      <Text size="sm" c="dimmed">
        {t(key, { owner })}
      </Text>
    ) : null;

  let action: Omit<ModerationAction, 'onFinished'>;
  if (kind === 'mute') {
    const during = duration ? durationText(t, duration) : '';
    action = {
      title: t('groupModeration.muteTitle', { group: groupName }),
      chunkSize: MUTE_LIMIT,
      rate: RATE.mute,
      inlineConfirm: true,
      extra: (
        <>
          <MuteDurationPicker onChange={setDuration} />
          {ownerNote('groupModeration.ownerNeverMuted')}
        </>
      ),
      check: () => (duration ? undefined : t('groupModeration.chooseDuration')),
      describe: (count) => t('groupModeration.muteDescribe', { count, group: groupName, duration: during }),
      confirmLabel: t('groupModeration.muteConfirm'),
      destructive: true,
      run: async (chunk) => {
        const ms = duration ? durationMs(duration) : 0;
        const before = new Map((await calls.mutes()).map((m) => [m.username.toLowerCase(), m.until]));
        for (const n of chunk) remember(mutedBefore, n, before.get(n.toLowerCase()));
        return muteGroupMembers(app, groupId, chunk, ms);
      },
      undo: {
        label: t('groupModeration.undo'),
        describe: (count) => t('groupModeration.undoMuteDescribe', { count }),
        confirm: false,
        run: async (chunk) => (await undoMute(calls, chunk, mutedBefore, Date.now)).map((r) => unmuteOutcome(t, r, Date.now())),
      },
    };
  } else if (kind === 'whitelist') {
    action = {
      title: t('groupModeration.whitelistAddTitle', { group: groupName }),
      chunkSize: WHITELIST_ADD_LIMIT,
      rate: RATE.whitelist,
      inlineConfirm: true,
      // The owner may be whitelisted (to speak while everyone is muted).
      parse: parseUsernames,
      describe: (count) => t('groupModeration.whitelistAddDescribe', { count, group: groupName }),
      confirmLabel: t('groupMembers.whitelistConfirm'),
      run: async (chunk) => {
        const before = new Set((await calls.whitelist()).map((n) => n.toLowerCase()));
        for (const n of chunk) if (before.has(n.toLowerCase())) whitelistedBefore.add(n);
        return addGroupWhitelist(app, groupId, chunk);
      },
      undo: {
        label: t('groupModeration.undo'),
        describe: (count) => t('groupModeration.undoWhitelistAddDescribe', { count }),
        confirm: false,
        run: async (chunk) => {
          // Who was on the whitelist before this run stays on it.
          const kept = chunk.filter((n) => whitelistedBefore.has(n));
          const off = chunk.filter((n) => !whitelistedBefore.has(n));
          const removed = off.length > 0 ? await removeGroupWhitelist(app, groupId, off) : [];
          return [...removed, ...kept.map((item): ItemOutcome<string> => ({ item, ok: true, reason: t('groupMembers.whitelistedBefore') }))];
        },
      },
    };
  } else if (kind === 'admin') {
    const current = admins.data?.length;
    action = {
      title: t('groupMembers.promoteManyTitle', { group: groupName }),
      // `POST …/admin {newadmin}` takes one member a call.
      chunkSize: 1,
      rate: RATE.admin,
      inlineConfirm: true,
      extra: ownerNote('groupMembers.ownerNeverAdmin'),
      check: (count) =>
        current !== undefined && current + count > GROUP_ADMINS_MAX
          ? t('groupMembers.promoteTooMany', { count, free: Math.max(0, GROUP_ADMINS_MAX - current), max: GROUP_ADMINS_MAX, current })
          : undefined,
      describe: (count) => t('groupMembers.promoteManyDescribe', { count, group: groupName }),
      confirmLabel: t('groupMembers.promote'),
      run: async ([name]) => void (await addGroupAdmin(app, groupId, name!)),
      undo: {
        label: t('groupModeration.undo'),
        describe: (count) => t('groupMembers.undoPromoteDescribe', { count }),
        confirm: false,
        run: async ([name]) => void (await removeGroupAdmin(app, groupId, name!)),
      },
    };
  } else {
    const block = kind === 'block';
    action = {
      title: t(block ? 'groupModeration.blockTitle' : 'groupMembers.removeTitle', { group: groupName }),
      chunkSize: block ? BLOCK_LIMIT : REMOVE_MEMBERS_LIMIT,
      rate: RATE.remove,
      // A selection opens on what will be lost: one confirmation, typed only when large.
      reviewFirst: true,
      extra: ownerNote(block ? 'groupModeration.ownerNeverBlocked' : 'groupMembers.ownerNeverRemoved'),
      review: (items) => <GroupMembersRemovalReview app={app} groupId={groupId} usernames={items} />,
      typeToConfirm: (count) => typedConfirmation(groupId, { undoable: true, count }),
      describe: (count) => t(block ? 'groupMembers.blockRosterDescribe' : 'groupMembers.removeRosterDescribe', { count, group: groupName }),
      confirmLabel: t(block ? 'groupModeration.blockConfirm' : 'groupMembers.removeConfirm'),
      destructive: true,
      run: async (chunk) => {
        // Nothing is removed that could not be put back: a failed reading fails the chunk.
        for (const [n, s] of await readSnapshots(calls, chunk)) remember(snapshots, n, s);
        return block ? blockGroupMembers(app, groupId, chunk) : removeGroupMembers(app, groupId, chunk);
      },
      undo: {
        label: t('groupModeration.undo'),
        describe: (count) => t('groupMembers.undoRemoveAllDescribe', { count }),
        confirm: false,
        ...RESTORE,
        run: async (chunk) => {
          const taken = chunk.map((username) => snapshots.get(username) ?? { username, admin: false, whitelisted: false, mutedUntil: undefined, attributes: {} });
          const results = await restoreMembers(calls, taken, { now: Date.now, unblockFirst: block });
          return results.map((r) => restoreOutcome(t, i18n.language, r, Date.now()));
        },
      },
    };
  }

  return { parse: parseWithoutOwner(owner), ...action, onFinished: finished };
}
