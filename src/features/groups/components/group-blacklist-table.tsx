import { Alert, Button, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import type { BulkActionModalProps } from '@/components/bulk-runner/bulk-action-modal';
import { confirmAction } from '@/components/confirm-action/confirm-action';
import { DataTable } from '@/components/data-table/data-table';
import { queryStatus } from '@/components/data-table/query-status';
import { addGroupMembers } from '@/features/groups/api/add-group-members';
import { BLOCK_LIMIT, blockGroupMembers } from '@/features/groups/api/block-group-members';
import { useGroup } from '@/features/groups/api/get-group';
import { useGroupBlacklist } from '@/features/groups/api/get-group-blacklist';
import { groupKeys } from '@/features/groups/api/keys';
import { unblockGroupMembers, useUnblockGroupMember } from '@/features/groups/api/unblock-group-members';
import { parseWithoutOwner } from './group-mutes-owner';
import { APP_RATE_LIMIT } from '@/lib/bulk/run-bulk';

const BulkActionModal = lazy(() => import('@/components/bulk-runner/bulk-action-modal').then((m) => ({ default: m.BulkActionModal })));

type Props = {
  app: string;
  groupId: string;
  groupName: string;
  userLink: (username: string) => ReactNode;
};

type Kind = 'block' | 'unblock-selection' | 'unblock-paste';

/**
 * The group blacklist: block members (they leave the group) and unblock users (they may join
 * again but are not added back), each with a per-user report and Undo.
 */
export function GroupBlacklistTable({ app, groupId, groupName, userLink }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const blacklist = useGroupBlacklist(app, groupId);
  const owner = useGroup(app, groupId).data?.owner;
  const unblockOne = useUnblockGroupMember(app, groupId);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Only what the operator's role may call (the paths of this section's endpoint files).
  const can = useCan();
  const canBlock = can('post', 'chatgroups/{group}/blocks/users');
  const canUnblock = can('delete', 'chatgroups/{group}/blocks/users/{usernames}');
  const [kind, setKind] = useState<Kind | undefined>();

  // Blocking removes from the roster (and with it mutes, whitelist, attributes) and changes the member count.
  const refresh = () => {
    for (const queryKey of [groupKeys.roster(app, groupId), groupKeys.detail(app, groupId), groupKeys.lists(app)]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  };
  const block = (chunk: string[]) => blockGroupMembers(app, groupId, chunk);
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

  let action: Omit<BulkActionModalProps, 'opened' | 'onClose' | 'chunkSize' | 'rate'> | undefined;
  if (kind === 'block') {
    action = {
      title: t('groupModeration.blockTitle', { group: groupName }),
      describe: (count) => t('groupModeration.blockDescribe', { count, group: groupName }),
      confirmLabel: t('groupModeration.blockConfirm'),
      destructive: true,
      parse: parseWithoutOwner(owner),
      extra: owner ? (
        <Text size="sm" c="dimmed">
          {t('groupModeration.ownerNeverBlocked', { owner })}
        </Text>
      ) : undefined,
      run: block,
      undo: {
        label: t('groupModeration.undo'),
        describe: (count) => t('groupModeration.undoBlockDescribe', { count }),
        confirmLabel: t('groupModeration.unblockConfirm'),
        run: unblock,
      },
    };
  } else if (kind) {
    const fromSelection = kind === 'unblock-selection';
    action = {
      title: t('groupModeration.unblockTitle', { group: groupName }),
      describe: (count) => t('groupModeration.unblockDescribe', { count, group: groupName }),
      confirmLabel: t('groupModeration.unblockConfirm'),
      initialItems: fromSelection ? [...selected] : undefined,
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
    };
  }

  return (
    <>
      <DataTable<string>
        aria-label={t('groupModeration.blacklistLabel', { group: groupName })}
        rows={blacklist.data}
        getRowId={(u) => u}
        status={queryStatus(blacklist)}
        empty={{ title: t('groupModeration.blacklistEmpty'), description: t('groupModeration.blacklistEmptyHint') }}
        selection={canUnblock ? { selected, onChange: setSelected } : undefined}
        toolbar={
          <>
            {canBlock && (
              <Button size="xs" color="red" variant="light" onClick={() => setKind('block')}>
                {t('groupModeration.blockMany')}
              </Button>
            )}
            {canUnblock && (
              <>
                <Button size="xs" variant="default" disabled={selected.size === 0} onClick={() => setKind('unblock-selection')}>
                  {t('groupModeration.unblockSelected', { count: selected.size })}
                </Button>
                <Button size="xs" variant="default" onClick={() => setKind('unblock-paste')}>
                  {t('groupModeration.unblockMany')}
                </Button>
              </>
            )}
          </>
        }
        columns={[
          { id: 'username', header: t('groupModeration.username'), cell: (u) => userLink(u) },
          {
            id: 'actions',
            header: t('groupModeration.actions'),
            cell: (u) =>
              canUnblock && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={t('groupModeration.unblockOne', { username: u })}
                  onClick={() =>
                    confirmAction({
                      title: t('groupModeration.unblockOneTitle', { username: u }),
                      message: t('groupModeration.unblockOneMessage', { username: u, group: groupName }),
                      confirmLabel: t('groupModeration.unblockConfirm'),
                      onConfirm: () => unblockOne.mutateAsync(u),
                    })
                  }
                >
                  {t('groupModeration.unblock')}
                </Button>
              ),
          },
        ]}
      />
      {action && (
        <Suspense fallback={null}>
          <BulkActionModal
            {...action}
            key={kind}
            opened
            onClose={() => setKind(undefined)}
            chunkSize={BLOCK_LIMIT}
            rate={APP_RATE_LIMIT}
            onFinished={() => {
              setSelected(new Set());
              refresh();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
