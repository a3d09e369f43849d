import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import type { BulkActionModalProps } from '@/components/bulk-runner/bulk-action-modal';
import { confirmAction } from '@/components/confirm-action/confirm-action';
import { DataTable } from '@/components/data-table/data-table';
import { queryStatus } from '@/components/data-table/query-status';
import { addGroupWhitelist, WHITELIST_ADD_LIMIT } from '@/features/groups/api/add-group-whitelist';
import { useGroupWhitelist } from '@/features/groups/api/get-group-whitelist';
import { groupKeys } from '@/features/groups/api/keys';
import { removeGroupWhitelist, useRemoveGroupWhitelistMember } from '@/features/groups/api/remove-group-whitelist';
import { APP_RATE_LIMIT } from '@/lib/bulk/run-bulk';

const BulkActionModal = lazy(() => import('@/components/bulk-runner/bulk-action-modal').then((m) => ({ default: m.BulkActionModal })));

type Props = {
  app: string;
  groupId: string;
  groupName: string;
  userLink: (username: string) => ReactNode;
};

type Kind = 'add' | 'remove-selection' | 'remove-paste';

/** The whitelist: members who may speak while everyone is muted. Add and remove many, with Undo. */
export function GroupWhitelistTable({ app, groupId, groupName, userLink }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const whitelist = useGroupWhitelist(app, groupId);
  const removeOne = useRemoveGroupWhitelistMember(app, groupId);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Only what the operator's role may call (the paths of this section's endpoint files).
  const can = useCan();
  const canAdd = can('post', 'chatgroups/{group}/white/users');
  const canRemove = can('delete', 'chatgroups/{group}/white/users/{usernames}');
  const [kind, setKind] = useState<Kind | undefined>();

  const add = (chunk: string[]) => addGroupWhitelist(app, groupId, chunk);
  const remove = (chunk: string[]) => removeGroupWhitelist(app, groupId, chunk);

  let action: Omit<BulkActionModalProps, 'opened' | 'onClose' | 'chunkSize' | 'rate'> | undefined;
  if (kind === 'add') {
    action = {
      title: t('groupModeration.whitelistAddTitle', { group: groupName }),
      describe: (count) => t('groupModeration.whitelistAddDescribe', { count, group: groupName }),
      confirmLabel: t('groupModeration.whitelistAddConfirm'),
      run: add,
      undo: {
        label: t('groupModeration.undo'),
        describe: (count) => t('groupModeration.undoWhitelistAddDescribe', { count }),
        confirmLabel: t('groupModeration.whitelistRemoveConfirm'),
        run: remove,
      },
    };
  } else if (kind) {
    action = {
      title: t('groupModeration.whitelistRemoveTitle', { group: groupName }),
      describe: (count) => t('groupModeration.whitelistRemoveDescribe', { count, group: groupName }),
      confirmLabel: t('groupModeration.whitelistRemoveConfirm'),
      initialItems: kind === 'remove-selection' ? [...selected] : undefined,
      run: remove,
      undo: {
        label: t('groupModeration.undo'),
        describe: (count) => t('groupModeration.undoWhitelistRemoveDescribe', { count }),
        confirmLabel: t('groupModeration.whitelistAddConfirm'),
        run: add,
      },
    };
  }

  return (
    <>
      <DataTable<string>
        aria-label={t('groupModeration.whitelistLabel', { group: groupName })}
        rows={whitelist.data}
        getRowId={(u) => u}
        status={queryStatus(whitelist)}
        empty={{ title: t('groupModeration.whitelistEmpty'), description: t('groupModeration.whitelistEmptyHint') }}
        selection={canRemove ? { selected, onChange: setSelected } : undefined}
        toolbar={
          <>
            {canAdd && (
              <Button size="xs" variant="light" onClick={() => setKind('add')}>
                {t('groupModeration.whitelistAddMany')}
              </Button>
            )}
            {canRemove && (
              <>
                <Button size="xs" variant="default" disabled={selected.size === 0} onClick={() => setKind('remove-selection')}>
                  {t('groupModeration.whitelistRemoveSelected', { count: selected.size })}
                </Button>
                <Button size="xs" variant="default" onClick={() => setKind('remove-paste')}>
                  {t('groupModeration.whitelistRemoveMany')}
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
              canRemove && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={t('groupModeration.whitelistRemoveOne', { username: u })}
                  onClick={() =>
                    confirmAction({
                      title: t('groupModeration.whitelistRemoveOneTitle', { username: u }),
                      message: t('groupModeration.whitelistRemoveOneMessage', { username: u, group: groupName }),
                      confirmLabel: t('groupModeration.whitelistRemoveConfirm'),
                      onConfirm: () => removeOne.mutateAsync(u),
                    })
                  }
                >
                  {t('groupModeration.whitelistRemove')}
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
            chunkSize={WHITELIST_ADD_LIMIT}
            rate={APP_RATE_LIMIT}
            onFinished={() => {
              setSelected(new Set());
              void queryClient.invalidateQueries({ queryKey: groupKeys.whitelist(app, groupId) });
            }}
          />
        </Suspense>
      )}
    </>
  );
}
