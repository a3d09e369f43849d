import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import { addGroupWhitelist, WHITELIST_ADD_LIMIT } from '@/features/groups/api/add-group-whitelist';
import { useGroupWhitelist } from '@/features/groups/api/get-group-whitelist';
import { groupKeys } from '@/features/groups/api/keys';
import { removeGroupWhitelist, useRemoveGroupWhitelistMember } from '@/features/groups/api/remove-group-whitelist';
import { GroupNameListTable } from './group-name-list-table';

type Props = {
  app: string;
  groupId: string;
  groupName: string;
};

/** The whitelist: members who may speak while everyone is muted. Add and remove many, with Undo. */
export function GroupWhitelistTable({ app, groupId, groupName }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const whitelist = useGroupWhitelist(app, groupId);
  const removeOne = useRemoveGroupWhitelistMember(app, groupId);
  // Only what the operator's role may call (the paths of this section's endpoint files).
  const can = useCan();
  const add = (chunk: string[]) => addGroupWhitelist(app, groupId, chunk);
  const remove = (chunk: string[]) => removeGroupWhitelist(app, groupId, chunk);

  return (
    <GroupNameListTable
      app={app}
      label={t('groupModeration.whitelistLabel', { group: groupName })}
      list={whitelist}
      empty={{ title: t('groupModeration.whitelistEmpty'), description: t('groupModeration.whitelistEmptyHint') }}
      chunkSize={WHITELIST_ADD_LIMIT}
      onFinished={() => void queryClient.invalidateQueries({ queryKey: groupKeys.whitelist(app, groupId) })}
      add={
        can('post', 'chatgroups/{group}/white/users')
          ? {
              label: t('groupModeration.whitelistAddMany'),
              action: {
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
              },
            }
          : undefined
      }
      remove={
        can('delete', 'chatgroups/{group}/white/users/{usernames}')
          ? {
              selectedLabel: (count) => t('groupModeration.whitelistRemoveSelected', { count }),
              manyLabel: t('groupModeration.whitelistRemoveMany'),
              rowText: t('groupModeration.whitelistRemove'),
              rowLabel: (username) => t('groupModeration.whitelistRemoveOne', { username }),
              confirmRow: (username) => ({
                title: t('groupModeration.whitelistRemoveOneTitle', { username }),
                message: t('groupModeration.whitelistRemoveOneMessage', { username, group: groupName }),
                confirmLabel: t('groupModeration.whitelistRemoveConfirm'),
                onConfirm: () => removeOne.mutateAsync(username),
              }),
              action: {
                title: t('groupModeration.whitelistRemoveTitle', { group: groupName }),
                describe: (count) => t('groupModeration.whitelistRemoveDescribe', { count, group: groupName }),
                confirmLabel: t('groupModeration.whitelistRemoveConfirm'),
                run: remove,
                undo: {
                  label: t('groupModeration.undo'),
                  describe: (count) => t('groupModeration.undoWhitelistRemoveDescribe', { count }),
                  confirmLabel: t('groupModeration.whitelistAddConfirm'),
                  run: add,
                },
              },
            }
          : undefined
      }
    />
  );
}
