import { ActionIcon, Menu } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import { confirmAction } from '@/components/confirm-action/confirm-action';
import { useAddGroupAdmin } from '../api/add-group-admin';
import { GROUP_ADMINS_MAX } from '../api/get-group-admins';
import { useRemoveGroupAdmin } from '../api/remove-group-admin';
import { useRemoveGroupMember } from '../api/remove-group-members';

export type MemberRole = 'owner' | 'admin' | 'member';

type Props = {
  app: string;
  groupId: string;
  groupName: string;
  username: string;
  role: MemberRole;
  /** How many admins there are now (undefined while loading). */
  adminCount: number | undefined;
  /** Opens the ownership transfer's confirmation for this member. */
  onTransfer: (username: string) => void;
};

/** A roster row's actions: promote or demote, make owner, remove. The owner's row has none. */
export function GroupMembersRowActions({ app, groupId, groupName, username, role, adminCount, onTransfer }: Props) {
  const { t } = useTranslation();
  const promote = useAddGroupAdmin(app, groupId);
  const demote = useRemoveGroupAdmin(app, groupId);
  const remove = useRemoveGroupMember(app, groupId);
  // Each item only for a role that may make its call (the paths of the endpoint files named above).
  const can = useCan();
  const may = {
    promote: can('post', 'chatgroups/{group}/admin'),
    demote: can('delete', 'chatgroups/{group}/admin/{username}'),
    transfer: can('put', 'chatgroups/{group}'),
    remove: can('delete', 'chatgroups/{group}/users/{usernames}'),
  };
  if (role === 'owner' || !Object.values(may).some(Boolean)) return null;
  const full = adminCount === undefined || adminCount >= GROUP_ADMINS_MAX;

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('groupMembers.actionsFor', { username })}>
          <span aria-hidden>⋯</span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {role === 'member' ? (
          may.promote && (
            <Menu.Item disabled={full || promote.isPending} title={full && adminCount !== undefined ? t('groupMembers.promoteFull', { max: GROUP_ADMINS_MAX }) : undefined} onClick={() => promote.mutate(username)}>
              {t('groupMembers.promote')}
            </Menu.Item>
          )
        ) : (
          may.demote && (
            <Menu.Item
              onClick={() =>
                confirmAction({
                  title: t('groupMembers.demoteTitle', { username }),
                  message: t('groupMembers.demoteMessage', { username, group: groupName }),
                  confirmLabel: t('groupMembers.demoteConfirm'),
                  destructive: true,
                  onConfirm: () => demote.mutateAsync(username),
                })
              }
            >
              {t('groupMembers.demote')}
            </Menu.Item>
          )
        )}
        {may.transfer && <Menu.Item onClick={() => onTransfer(username)}>{t('groupMembers.transferRow')}</Menu.Item>}
        {may.remove && <Menu.Divider />}
        {may.remove && (
          <Menu.Item
            color="red"
            onClick={() =>
              confirmAction({
                title: t('groupMembers.removeOneTitle', { username, group: groupName }),
                message: t('groupMembers.removeOneMessage', { username }),
                confirmLabel: t('groupMembers.removeConfirm'),
                destructive: true,
                onConfirm: () => remove.mutateAsync(username),
              })
            }
          >
            {t('groupMembers.removeOne')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
