import { useTranslation } from '@/lib/i18n/react';
import { BulkActionModal } from '@/components/bulk-runner/bulk-action-modal';
import { ADD_MEMBERS_LIMIT, addGroupMembers } from '../api/add-group-members';
import { removeGroupMembers, useInvalidateMembership } from '../api/remove-group-members';
import { APP_RATE_LIMIT } from '@/lib/bulk/chunk';

type Props = {
  app: string;
  groupId: string;
  groupName: string;
  onClose: () => void;
};

// Documented: 100 calls/s per app.
const PACE = { rate: APP_RATE_LIMIT };

/**
 * Add many members, 60 a call, with a per-user report and an Undo that removes exactly the ones
 * who joined. (Removing and the other actions on members: group-members-moderate.tsx.)
 */
export default function GroupMembersBulk({ app, groupId, groupName, onClose }: Props) {
  const { t } = useTranslation();
  const invalidate = useInvalidateMembership(app, groupId);
  return (
    <BulkActionModal
      {...PACE}
      opened
      onClose={onClose}
      title={t('groupMembers.addManyTitle', { group: groupName })}
      chunkSize={ADD_MEMBERS_LIMIT}
      describe={(count) => t('groupMembers.addManyDescribe', { count, group: groupName })}
      confirmLabel={t('groupMembers.addManyConfirm')}
      run={(chunk) => addGroupMembers(app, groupId, chunk, t('groupMembers.notAdded'))}
      onFinished={invalidate}
      undo={{
        label: t('groupMembers.undo'),
        describe: (count) => t('groupMembers.undoAddDescribe', { count }),
        confirmLabel: t('groupMembers.undoAddConfirm'),
        destructive: true,
        run: (chunk) => removeGroupMembers(app, groupId, chunk),
      }}
    />
  );
}
