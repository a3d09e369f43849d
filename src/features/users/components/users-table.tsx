import { Badge, Button, Skeleton, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { DataTable, type TableSource } from '@/components/data-table/data-table';
import { cursorPagination, type CursorSearch } from '@/components/data-table/pagination-search';
import { queryStatus } from '@/components/data-table/query-status';
import { TablePagination } from '@/components/data-table/table-pagination';
import { UserLink } from '@/components/user-link/user-link';
import { useBanUser } from '@/features/users/api/ban-user';
import { useUnbanUser } from '@/features/users/api/unban-user';
import { useUsers } from '@/features/users/api/get-users';
import { useUsersStatus, type OnlineStatus } from '@/features/users/api/get-users-status';
import { apiPath } from '@/lib/api-client/api-path';
import { formatDateTime } from '@/lib/i18n/format';
import { useCan } from '@/lib/session/session-store';
import { BulkUserActions } from './bulk-user-actions';
import { confirmBan } from './confirm-ban';

/** `limit` is at most 100, so one status call (≤ 100 names) covers any page. */
export const USERS_PAGE_SIZES = [10, 20, 50, 100] as const;

/** What a row needs: a page of the list (a `UserEntity`) or a search result from the console's index. */
export type UserRow = { username: string; nickname?: string | null; activated: boolean; created?: number | null };

type Props<S extends CursorSearch> = {
  app: string;
  search: S;
  onSearch: (next: S) => void;
};

/** The users list (cursor mode): a page of `GET users` in the users table. */
export function UsersTable<S extends CursorSearch>({ app, search, onSearch }: Props<S>) {
  const { t } = useTranslation();
  const users = useUsers(app, { limit: search.limit, cursor: search.cursor });
  return (
    <UsersTableView
      app={app}
      aria-label={t('usersList.label')}
      rows={users.data?.entities}
      status={queryStatus(users)}
      empty={{ title: t('usersList.empty'), description: t('usersList.emptyHint') }}
      pagination={
        <TablePagination
          {...cursorPagination(search, users.data?.cursor, onSearch, USERS_PAGE_SIZES)}
          // While the previous page still shows, its cursor must not be followed again.
          disabled={users.isPlaceholderData}
        />
      }
    />
  );
}

type ViewProps<Row extends UserRow> = TableSource<Row> & {
  app: string;
  /** After a row's own action or a bulk run: rows that come from elsewhere (the index) are read again. */
  onChanged?: () => void;
};

/**
 * The one users table, for the list and for search results alike: state, online status of the
 * rows from one call, selection with bulk ban/unban/force offline, and each row's own Ban or Unban.
 */
export function UsersTableView<Row extends UserRow>({ app, onChanged, note, ...source }: ViewProps<Row>) {
  const { t, i18n } = useTranslation();
  const rows = source.rows;
  // One batch call for the rows' names: rows change only when the page does.
  const names = rows?.map((u) => u.username) ?? [];
  const statuses = useUsersStatus(app, names);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const rowAction = useRowAction(app, onChanged);

  const statusCell = (u: UserRow) => {
    const s = statuses.data?.[u.username];
    if (s) return <OnlineBadge status={s} />;
    // Loading (or the previous page's answer still showing): a placeholder, not a guess.
    if (statuses.isFetching || statuses.isPending) return <Skeleton h={14} w={64} aria-label={t('usersList.statusLoading')} role="img" />;
    return (
      <Text c="dimmed" size="sm" title={t('usersList.statusUnknown')}>
        <span aria-hidden>—</span>
        <VisuallyHidden>{t('usersList.statusUnknown')}</VisuallyHidden>
      </Text>
    );
  };

  return (
    <DataTable<Row>
      {...source}
      getRowId={(u) => u.username}
      selection={{ selected, onChange: setSelected }}
      toolbar={
        <>
          <BulkUserActions
            app={app}
            selected={[...selected]}
            onFinished={() => {
              setSelected(new Set());
              onChanged?.();
            }}
          />
          {note}
        </>
      }
      columns={[
        { id: 'username', header: t('usersList.username'), cell: (u) => <UserLink app={app} username={u.username} /> },
        { id: 'nickname', header: t('usersList.nickname'), cell: (u) => u.nickname ?? '' },
        {
          id: 'state',
          header: t('usersList.state'),
          // In words, with the colour only as a second cue.
          cell: (u) =>
            u.activated ? (
              <Badge variant="dot" color="green">
                {t('usersList.active')}
              </Badge>
            ) : (
              <Badge variant="dot" color="red">
                {t('usersList.banned')}
              </Badge>
            ),
        },
        { id: 'created', header: t('usersList.created'), cell: (u) => (u.created ? formatDateTime(u.created, i18n.language) : '') },
        { id: 'online', header: t('usersList.online'), cell: statusCell },
        { id: 'actions', header: <VisuallyHidden>{t('usersList.actions')}</VisuallyHidden>, cell: rowAction },
      ]}
    />
  );
}

/** Each row's own action, one click away: Unban on a banned user, Ban on an active one; each asks first. */
function useRowAction(app: string, onChanged: (() => void) | undefined) {
  const { t } = useTranslation();
  const can = useCan();
  // One pair of mutations for the table, not one per row.
  const ban = useBanUser(app);
  const unban = useUnbanUser(app);
  return (user: UserRow) => {
    const username = user.username;
    const banning = user.activated;
    if (!can('post', banning ? apiPath`users/${username}/deactivate` : apiPath`users/${username}/activate`)) return null;
    const confirm = () => confirmBan(t, username, banning, () => (banning ? ban : unban).mutateAsync(username).then(() => onChanged?.()));
    return (
      <Button
        size="compact-xs"
        variant="subtle"
        color={banning ? 'red' : undefined}
        aria-label={t(banning ? 'usersList.rowBanLabel' : 'usersList.rowUnbanLabel', { username })}
        onClick={confirm}
      >
        {t(banning ? 'usersList.banConfirm' : 'usersList.unbanConfirm')}
      </Button>
    );
  };
}

function OnlineBadge({ status }: { status: OnlineStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={status === 'online' ? 'teal' : 'gray'}>
      {t(status === 'online' ? 'usersList.isOnline' : 'usersList.isOffline')}
    </Badge>
  );
}
