import { Badge, Button } from '@mantine/core';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import { DataTable } from '@/components/data-table/data-table';
import { pagePagination, type PageSearch } from '@/components/data-table/pagination-search';
import { queryStatus } from '@/components/data-table/query-status';
import { TablePagination } from '@/components/data-table/table-pagination';
import { UserLink } from '@/components/user-link/user-link';
import { useGroupAdmins } from '@/features/groups/api/get-group-admins';
import { useGroupMembers } from '@/features/groups/api/get-group-members';
import { useGroupMutes } from '@/features/groups/api/get-group-mutes';
import { useGroupWhitelist } from '@/features/groups/api/get-group-whitelist';
import { GroupMembersRowActions, type MemberRole } from './group-members-row-actions';
import { GroupMembersStatus } from './group-members-status';
import type { ModerationKind } from './group-members-moderate';
import { useConfirmTransferOwnership } from './transfer-ownership';
import { useNow } from '@/hooks/use-now';

// The dialogs are only needed once a button is pressed.
const GroupMembersBulk = lazy(() => import('./group-members-bulk'));
const GroupMembersAddForm = lazy(() => import('./group-members-add-form'));
const GroupMembersModerate = lazy(() => import('./group-members-moderate'));

type Props = {
  app: string;
  groupId: string;
  groupName: string;
  /** From the group's details (undefined while they load): the owner and the member count. */
  owner: string | undefined;
  memberCount: number | undefined;
  search: PageSearch;
  onSearch: (next: PageSearch) => void;
  /** In a row's menu: the relationship check for that member (a menu item the route builds). */
  relationshipItem?: (username: string) => ReactNode;
};

type Row = { username: string; role: MemberRole };

const PAGE_SIZES = [20, 100, 500, 1000];


/** The roster by numbered pages: roles, mutes and whitelist per member; add, remove, promote, demote, transfer. */
export function GroupMembersTable({ app, groupId, groupName, owner, memberCount, search, onSearch, relationshipItem }: Props) {
  const { t } = useTranslation();
  const members = useGroupMembers(app, groupId, search);
  const admins = useGroupAdmins(app, groupId);
  const mutes = useGroupMutes(app, groupId);
  const whitelist = useGroupWhitelist(app, groupId);
  const now = useNow(60_000);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<{ kind: 'add-one' } | { kind: 'add' } | { kind: ModerationKind; selected: string[] } | undefined>();
  const confirmTransfer = useConfirmTransferOwnership({ app, groupId, groupName, owner: owner ?? '' });

  const adminSet = useMemo(() => new Set(admins.data), [admins.data]);
  const muteByName = useMemo(() => new Map(mutes.data?.map((m) => [m.username, m.until])), [mutes.data]);
  const whitelistSet = useMemo(() => new Set(whitelist.data), [whitelist.data]);
  const rows = useMemo(
    () => members.data?.map((m): Row => ({ username: m.username, role: m.role === 'owner' ? 'owner' : adminSet.has(m.username) ? 'admin' : 'member' })),
    [members.data, adminSet],
  );
  const rosterOwner = rows?.find((r) => r.role === 'owner')?.username ?? owner;
  const count = selected.size;
  // Only what the operator's role may call (the paths of add-group-member(s) and of the calls each
  // moderation makes: mute-group-members, block-group-members, add-group-whitelist, add-group-admin,
  // remove-group-members).
  const can = useCan();
  const canAddOne = can('post', 'chatgroups/{group}/users/{username}');
  const canAddMany = can('post', 'chatgroups/{group}/users');
  const may: Record<ModerationKind, boolean> = {
    mute: can('post', 'chatgroups/{group}/mute'),
    block: can('post', 'chatgroups/{group}/blocks/users'),
    whitelist: can('post', 'chatgroups/{group}/white/users'),
    admin: can('post', 'chatgroups/{group}/admin'),
    remove: can('delete', 'chatgroups/{group}/users/{usernames}'),
  };
  const canModerate = Object.values(may).some(Boolean);
  const moderate = (kind: ModerationKind, names: string[] = [...selected]) => setDialog({ kind, selected: names });
  // Each action's button: for the selection once there is one, else for pasted names.
  const labels: Record<ModerationKind, string> =
    count > 0
      ? {
          mute: t('groupModeration.muteSelected', { count }),
          block: t('groupMembers.blockSelected', { count }),
          whitelist: t('groupMembers.whitelistSelected', { count }),
          admin: t('groupMembers.promoteSelected', { count }),
          remove: t('groupMembers.removeSelected', { count }),
        }
      : {
          mute: t('groupModeration.muteMany'),
          block: t('groupMembers.blockMany'),
          whitelist: t('groupMembers.whitelistMany'),
          admin: t('groupMembers.promoteMany'),
          remove: t('groupMembers.removeMany'),
        };

  return (
    <>
      <DataTable<Row>
        aria-label={t('groupMembers.label', { group: groupName })}
        rows={rows}
        getRowId={(m) => m.username}
        status={queryStatus(members)}
        empty={{ title: t('groupMembers.empty'), description: t('groupMembers.emptyHint') }}
        // Rows are chosen to be moderated.
        selection={
          canModerate
            ? {
                selected,
                onChange: setSelected,
                // The owner can be neither muted, blocked nor removed: its box is disabled and select-all skips it.
                canSelect: (id) => id !== rosterOwner,
              }
            : undefined
        }
        toolbar={
          <>
            {canAddOne && (
              <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'add-one' })}>
                {t('groupMembers.addOne')}
              </Button>
            )}
            {canAddMany && (
              <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'add' })}>
                {t('groupMembers.addMany')}
              </Button>
            )}
            {(['mute', 'whitelist', 'admin', 'block', 'remove'] as const).map(
              (kind) =>
                may[kind] && (
                  <Button
                    key={kind}
                    size="xs"
                    variant={kind === 'block' || kind === 'remove' ? 'light' : 'default'}
                    color={kind === 'block' || kind === 'remove' ? 'red' : undefined}
                    onClick={() => moderate(kind)}
                  >
                    {labels[kind]}
                  </Button>
                ),
            )}
          </>
        }
        columns={[
          { id: 'username', header: t('groupMembers.username'), cell: (m) => <UserLink app={app} username={m.username} /> },
          {
            id: 'role',
            header: t('groupMembers.role'),
            cell: (m) =>
              m.role === 'member' ? (
                // Until the admins are in, a member may still be one: say nothing rather than guess.
                admins.isPending ? null : t('groupMembers.member')
              ) : (
                <Badge variant="dot" color={m.role === 'owner' ? 'grape' : 'blue'}>
                  {t(m.role === 'owner' ? 'groupMembers.owner' : 'groupMembers.admin')}
                </Badge>
              ),
          },
          {
            id: 'state',
            header: t('groupMembers.state'),
            // Likewise empty until the mutes and the whitelist are in.
            cell: (m) =>
              mutes.isPending || whitelist.isPending ? null : (
                <GroupMembersStatus mutedUntil={muteByName.has(m.username) ? muteByName.get(m.username) : undefined} whitelisted={whitelistSet.has(m.username)} now={now} />
              ),
          },
          {
            id: 'actions',
            header: t('groupMembers.actions'),
            width: 80,
            cell: (m) => (
              <GroupMembersRowActions
                app={app}
                groupId={groupId}
                groupName={groupName}
                username={m.username}
                role={m.role}
                adminCount={admins.data?.length}
                onTransfer={confirmTransfer}
                onModerate={(kind) => moderate(kind, [m.username])}
                relationshipItem={relationshipItem}
              />
            ),
          },
        ]}
        pagination={<TablePagination {...pagePagination(search, members.data?.length, onSearch, PAGE_SIZES, memberCount)} />}
      />
      {dialog && (
        <Suspense fallback={null}>
          {dialog.kind === 'add-one' ? (
            <GroupMembersAddForm app={app} groupId={groupId} groupName={groupName} onClose={() => setDialog(undefined)} />
          ) : dialog.kind === 'add' ? (
            <GroupMembersBulk app={app} groupId={groupId} groupName={groupName} onClose={() => setDialog(undefined)} />
          ) : (
            <GroupMembersModerate
              app={app}
              groupId={groupId}
              groupName={groupName}
              owner={rosterOwner}
              kind={dialog.kind}
              selected={dialog.selected}
              onClose={() => setDialog(undefined)}
              // The selection is spent once acted on.
              onFinished={() => setSelected(new Set())}
            />
          )}
        </Suspense>
      )}
    </>
  );
}
