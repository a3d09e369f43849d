import { useTranslation } from '@/lib/i18n/react';
import { BulkActionModal } from '@/components/bulk-runner/bulk-action-modal';
import { ADD_MEMBERS_LIMIT, addGroupMembers } from '../api/add-group-members';
import { REMOVE_MEMBERS_LIMIT, removeGroupMembers, useInvalidateMembership } from '../api/remove-group-members';
import { APP_RATE_LIMIT } from '@/lib/bulk/run-bulk';

export type GroupMembersBulkKind = 'add' | 'remove';

type Props = {
  app: string;
  groupId: string;
  groupName: string;
  kind: GroupMembersBulkKind;
  /** Usernames chosen in the table; without them the user pastes names. */
  selected?: string[];
  onClose: () => void;
  /** After each run and each undo. */
  onFinished: () => void;
};

// Documented: 100 calls/s per app.
const PACE = { rate: APP_RATE_LIMIT };

/** Add or remove many members, 60 a call, with a per-user report and an Undo for exactly the ones that changed. */
export default function GroupMembersBulk({ app, groupId, groupName, kind, selected, onClose, onFinished }: Props) {
  const { t } = useTranslation();
  const invalidate = useInvalidateMembership(app, groupId);
  const add = (chunk: string[]) => addGroupMembers(app, groupId, chunk, t('groupMembers.notAdded'));
  const remove = (chunk: string[]) => removeGroupMembers(app, groupId, chunk);
  const finished = () => {
    invalidate();
    onFinished();
  };

  if (kind === 'add') {
    return (
      <BulkActionModal
        {...PACE}
        opened
        onClose={onClose}
        title={t('groupMembers.addManyTitle', { group: groupName })}
        chunkSize={ADD_MEMBERS_LIMIT}
        describe={(count) => t('groupMembers.addManyDescribe', { count, group: groupName })}
        confirmLabel={t('groupMembers.addManyConfirm')}
        run={add}
        onFinished={finished}
        undo={{
          label: t('groupMembers.undo'),
          describe: (count) => t('groupMembers.undoAddDescribe', { count }),
          confirmLabel: t('groupMembers.undoAddConfirm'),
          destructive: true,
          run: remove,
        }}
      />
    );
  }
  return (
    <BulkActionModal
      {...PACE}
      opened
      onClose={onClose}
      title={t('groupMembers.removeTitle', { group: groupName })}
      initialItems={selected}
      chunkSize={REMOVE_MEMBERS_LIMIT}
      describe={(count) => t('groupMembers.removeDescribe', { count, group: groupName })}
      confirmLabel={t('groupMembers.removeConfirm')}
      destructive
      // Undo re-adds, but roles, mutes and attributes are lost: the group ID must be typed first.
      typeToConfirm={groupId}
      run={remove}
      onFinished={finished}
      undo={{
        label: t('groupMembers.undo'),
        describe: (count) => t('groupMembers.undoRemoveDescribe', { count }),
        confirmLabel: t('groupMembers.undoRemoveConfirm'),
        run: add,
      }}
    />
  );
}
