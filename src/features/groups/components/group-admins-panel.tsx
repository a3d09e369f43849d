import { Badge, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import { confirmAction } from '@/components/confirm-action/confirm-action';
import { DataTable } from '@/components/data-table/data-table';
import { queryStatus } from '@/components/data-table/query-status';
import { UserLink } from '@/components/user-link/user-link';
import { GROUP_ADMINS_MAX, useGroupAdmins } from '../api/get-group-admins';
import { useRemoveGroupAdmin } from '../api/remove-group-admin';
import { GroupAdminsPromoteForm } from './group-admins-promote-form';
import { TransferOwnership } from './transfer-ownership';

type Props = {
  app: string;
  groupId: string;
  groupName: string;
  /** From the group's details; undefined while they load. */
  owner: string | undefined;
};

type Row = { username: string; role: 'owner' | 'admin' };

/** The Admins section: the owner and the admins, promote, demote, and the ownership transfer. */
export function GroupAdminsPanel({ app, groupId, groupName, owner }: Props) {
  const { t } = useTranslation();
  const admins = useGroupAdmins(app, groupId);
  const demote = useRemoveGroupAdmin(app, groupId);
  // The paths of remove-group-admin, add-group-admin and transfer-group-owner.ts.
  const can = useCan();
  const rows: Row[] | undefined = admins.data && [
    ...(owner ? [{ username: owner, role: 'owner' as const }] : []),
    ...admins.data.map((username) => ({ username, role: 'admin' as const })),
  ];

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        {admins.data && (
          <Text size="sm" c="dimmed">
            {t('groupMembers.adminsCount', { count: admins.data.length, max: GROUP_ADMINS_MAX })}
          </Text>
        )}
        <DataTable<Row>
          aria-label={t('groupMembers.adminsLabel', { group: groupName })}
          rows={rows}
          getRowId={(r) => r.username}
          status={queryStatus(admins)}
          empty={{ title: t('groupMembers.adminsEmpty'), description: t('groupMembers.adminsEmptyHint') }}
          columns={[
            { id: 'username', header: t('groupMembers.username'), cell: (r) => <UserLink app={app} username={r.username} /> },
            {
              id: 'role',
              header: t('groupMembers.role'),
              cell: (r) => (
                <Badge variant="dot" color={r.role === 'owner' ? 'grape' : 'blue'}>
                  {t(r.role === 'owner' ? 'groupMembers.owner' : 'groupMembers.admin')}
                </Badge>
              ),
            },
            {
              id: 'actions',
              header: t('groupMembers.actions'),
              cell: (r) =>
                r.role === 'admin' &&
                can('delete', 'chatgroups/{group}/admin/{username}') && (
                  <Button
                    size="compact-sm"
                    variant="default"
                    aria-label={`${t('groupMembers.demote')}: ${r.username}`}
                    onClick={() =>
                      confirmAction({
                        title: t('groupMembers.demoteTitle', { username: r.username }),
                        message: t('groupMembers.demoteMessage', { username: r.username, group: groupName }),
                        confirmLabel: t('groupMembers.demoteConfirm'),
                        destructive: true,
                        onConfirm: () => demote.mutateAsync(r.username),
                      })
                    }
                  >
                    {t('groupMembers.demote')}
                  </Button>
                ),
            },
          ]}
        />
      </Stack>
      {can('post', 'chatgroups/{group}/admin') && <GroupAdminsPromoteForm app={app} groupId={groupId} owner={owner} admins={admins.data} />}
      {owner && can('put', 'chatgroups/{group}') && <TransferOwnership app={app} groupId={groupId} groupName={groupName} owner={owner} />}
    </Stack>
  );
}
