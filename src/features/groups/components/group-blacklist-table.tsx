import { Alert } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import { addGroupMembers } from '@/features/groups/api/add-group-members';
import { BLOCK_LIMIT, blockGroupMembers } from '@/features/groups/api/block-group-members';
import { useGroup } from '@/features/groups/api/get-group';
import { useGroupBlacklist } from '@/features/groups/api/get-group-blacklist';
import { groupKeys } from '@/features/groups/api/keys';
import { unblockGroupMembers, useUnblockGroupMember } from '@/features/groups/api/unblock-group-members';
import { GroupNameListTable } from './group-name-list-table';

// Only needed once the button is pressed.
const GroupMembersModerate = lazy(() => import('./group-members-moderate'));

type Props = {
  app: string;
  groupId: string;
  groupName: string;
};

/**
 * The group blacklist: block members (they leave the group; the roster's block dialog, whose Undo
 * puts them back with what they had) and unblock users (they may join again but are not added
 * back), each with a per-user report and Undo.
 */
export function GroupBlacklistTable({ app, groupId, groupName }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const blacklist = useGroupBlacklist(app, groupId);
  const owner = useGroup(app, groupId).data?.owner;
  const unblockOne = useUnblockGroupMember(app, groupId);
  // Only what the operator's role may call (the paths of this section's endpoint files).
  const can = useCan();

  // Blocking removes from the roster (and with it mutes, whitelist, attributes) and changes the member count.
  const refresh = () => {
    for (const queryKey of [groupKeys.roster(app, groupId), groupKeys.detail(app, groupId), groupKeys.lists(app)]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  };
  const unblock = (chunk: string[]) => unblockGroupMembers(app, groupId, chunk);
  // The API blocks members only: to block again after an unblock, each is added back first and
  // leaves again with the block, which is the state before the unblock.
  const blockAgain = async (chunk: string[]) => {
    try {
      await addGroupMembers(app, groupId, chunk);
    } catch {
      // Already members, or could not join: the block's own answer says per user.
    }
    return blockGroupMembers(app, groupId, chunk);
  };

  return (
    <GroupNameListTable
      app={app}
      label={t('groupModeration.blacklistLabel', { group: groupName })}
      list={blacklist}
      empty={{ title: t('groupModeration.blacklistEmpty'), description: t('groupModeration.blacklistEmptyHint') }}
      chunkSize={BLOCK_LIMIT}
      onFinished={refresh}
      add={
        can('post', 'chatgroups/{group}/blocks/users')
          ? {
              label: t('groupModeration.blockMany'),
              color: 'red',
              dialog: (close: () => void) => (
                <GroupMembersModerate app={app} groupId={groupId} groupName={groupName} owner={owner} kind="block" selected={[]} onClose={close} />
              ),
            }
          : undefined
      }
      remove={
        can('delete', 'chatgroups/{group}/blocks/users/{usernames}')
          ? {
              selectedLabel: (count) => t('groupModeration.unblockSelected', { count }),
              manyLabel: t('groupModeration.unblockMany'),
              rowText: t('groupModeration.unblock'),
              rowLabel: (username) => t('groupModeration.unblockOne', { username }),
              confirmRow: (username) => ({
                title: t('groupModeration.unblockOneTitle', { username }),
                message: t('groupModeration.unblockOneMessage', { username, group: groupName }),
                confirmLabel: t('groupModeration.unblockConfirm'),
                onConfirm: () => unblockOne.mutateAsync(username),
              }),
              action: {
                title: t('groupModeration.unblockTitle', { group: groupName }),
                describe: (count) => t('groupModeration.unblockDescribe', { count, group: groupName }),
                confirmLabel: t('groupModeration.unblockConfirm'),
                extra: (
                  <Alert color="blue" p="xs">
                    {t('groupModeration.unblockNotReadded')}
                  </Alert>
                ),
                run: unblock,
                undo: {
                  label: t('groupModeration.undo'),
                  describe: (count) => t('groupModeration.undoUnblockDescribe', { count }),
                  confirmLabel: t('groupModeration.blockConfirm'),
                  destructive: true,
                  run: blockAgain,
                },
              },
            }
          : undefined
      }
    />
  );
}
