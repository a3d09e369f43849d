import { BulkActionModal } from '@/components/bulk-runner/bulk-action-modal';
import { useModerationAction, type ModerationKind } from './use-moderation-action';

export type { ModerationKind } from './use-moderation-action';

type Props = {
  app: string;
  groupId: string;
  groupName: string;
  /** From the group's details (undefined while they load): never muted, blocked, removed or made admin. */
  owner: string | undefined;
  kind: ModerationKind;
  /** Members chosen on the roster; names can be pasted as well (or only, when none are chosen). */
  selected: string[];
  onClose: () => void;
  /** After each run and each undo. */
  onFinished?: () => void;
};

/**
 * The roster's dialog for the chosen members (and pasted names): mute, block, whitelist, make
 * admin or remove, with the shared bulk runner, report and Undo (see use-moderation-action).
 */
export default function GroupMembersModerate({ selected, onClose, ...target }: Props) {
  const action = useModerationAction(target);
  return <BulkActionModal {...action} opened onClose={onClose} initialItems={selected} pasteMore />;
}
