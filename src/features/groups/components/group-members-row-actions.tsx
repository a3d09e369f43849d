import { Menu } from '@mantine/core';
import { useEffect, useRef, useState, type ComponentPropsWithRef, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import { confirmAction } from '@/components/confirm-action/confirm-action';
import { useAddGroupAdmin } from '../api/add-group-admin';
import { GROUP_ADMINS_MAX } from '../api/get-group-admins';
import { useRemoveGroupAdmin } from '../api/remove-group-admin';
import type { ModerationKind } from './group-members-moderate';
import classes from './group-members-row-actions.module.css';

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
  /** Opens the roster's moderation dialog for this member alone (the same as for a selection). */
  onModerate: (kind: ModerationKind) => void;
  /** The relationship check for this member: a menu item the route builds (features know no routes). */
  relationshipItem?: (username: string) => ReactNode;
};

/**
 * A roster row's actions: promote or demote, make owner, mute, the relationship check, remove
 * (muting and removing through the roster's dialog, with its Undo). The owner's row has only the
 * relationship check.
 * Until first pressed it is a plain button: a menu per row (its popover and three mutations) is
 * a large part of a 1,000-member roster's rendering, and few rows are ever opened.
 */
export function GroupMembersRowActions(props: Props) {
  const { t } = useTranslation();
  const [used, setUsed] = useState(false);
  const can = useCan();
  // Each item only for a role that may make its call (the paths of the endpoint files named below).
  const may = {
    promote: can('post', 'chatgroups/{group}/admin'),
    demote: can('delete', 'chatgroups/{group}/admin/{username}'),
    transfer: can('put', 'chatgroups/{group}'),
    mute: can('post', 'chatgroups/{group}/mute'),
    remove: can('delete', 'chatgroups/{group}/users/{usernames}'),
  };
  const changes = props.role !== 'owner' && Object.values(may).some(Boolean);
  if (!changes && !props.relationshipItem) return null;
  const label = t('groupMembers.actionsFor', { username: props.username });
  if (!used) return <RowActionsButton label={label} onClick={() => setUsed(true)} />;
  return <RowActionsMenu {...props} may={may} label={label} />;
}

// Menu.Target adds its own props (aria-expanded, key handlers): they pass through. A plain button
// (not ActionIcon): a roster draws one per row, and Mantine's would be most of the row's cost.
function RowActionsButton({ label, ...props }: ComponentPropsWithRef<'button'> & { label: string }) {
  return (
    <button type="button" className={classes.button} aria-label={label} {...props}>
      <span aria-hidden>⋯</span>
    </button>
  );
}

type Permissions = Record<'promote' | 'demote' | 'transfer' | 'mute' | 'remove', boolean>;

function RowActionsMenu({ app, groupId, groupName, username, role, adminCount, onTransfer, onModerate, relationshipItem, may, label }: Props & { may: Permissions; label: string }) {
  const { t } = useTranslation();
  const promote = useAddGroupAdmin(app, groupId);
  const demote = useRemoveGroupAdmin(app, groupId);
  const owner = role === 'owner';
  const full = adminCount === undefined || adminCount >= GROUP_ADMINS_MAX;
  // The button pressed was replaced by this one: focus it, then open the menu a render later (not
  // `defaultOpened`), so the menu notes this button as the place to return focus to on close.
  const [opened, setOpened] = useState(false);
  // oxlint-disable-next-line react/set-state-in-effect -- the second render is the point
  useEffect(() => setOpened(true), []);
  const focusOnce = useRef(true);
  const takeFocus = (el: HTMLButtonElement | null) => {
    if (el && focusOnce.current) {
      focusOnce.current = false;
      el.focus();
    }
  };

  return (
    <Menu position="bottom-end" withinPortal opened={opened} onChange={setOpened}>
      <Menu.Target>
        <RowActionsButton ref={takeFocus} label={label} />
      </Menu.Target>
      <Menu.Dropdown>
        {owner ? null : role === 'member' ? (
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
        {!owner && may.transfer && <Menu.Item onClick={() => onTransfer(username)}>{t('groupMembers.transferRow')}</Menu.Item>}
        {!owner && may.mute && <Menu.Item onClick={() => onModerate('mute')}>{t('groupMembers.muteOne')}</Menu.Item>}
        {relationshipItem?.(username)}
        {!owner && may.remove && <Menu.Divider />}
        {/* Through the roster's dialog: what they lose is listed first, and Undo puts it back. */}
        {!owner && may.remove && (
          <Menu.Item color="red" onClick={() => onModerate('remove')}>
            {t('groupMembers.removeOne')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
