import { Badge, Skeleton, Text, VisuallyHidden } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { DataTable } from '@/components/data-table/data-table';
import { cursorPagination, type CursorSearch } from '@/components/data-table/pagination-search';
import { queryStatus } from '@/components/data-table/query-status';
import { TablePagination } from '@/components/data-table/table-pagination';
import { useUsers } from '@/features/users/api/get-users';
import { useUsersStatus, type OnlineStatus } from '@/features/users/api/get-users-status';
import type { UserEntity } from '@/lib/api-client/schemas';
import { formatDateTime } from '@/lib/i18n/format';
import { BulkUserActions } from './bulk-user-actions';

/** `limit` is at most 100, so one status call (≤ 100 names) covers any page. */
export const USERS_PAGE_SIZES = [10, 20, 50, 100] as const;

type Props<S extends CursorSearch> = {
  app: string;
  search: S;
  onSearch: (next: S) => void;
  /** The username cell: a link to the user page (routes build links; features do not know them). */
  userLink: (username: string) => ReactNode;
};

/** The users list (cursor mode) with online status of the page and bulk ban/unban/force offline. */
export function UsersTable<S extends CursorSearch>({ app, search, onSearch, userLink }: Props<S>) {
  const { t, i18n } = useTranslation();
  const users = useUsers(app, { limit: search.limit, cursor: search.cursor });
  const rows = users.data?.entities;
  // One batch call for the page's names: rows change only when the page does.
  const names = rows?.map((u) => u.username) ?? [];
  const statuses = useUsersStatus(app, names);
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const statusCell = (u: UserEntity) => {
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
    <DataTable<UserEntity>
      aria-label={t('usersList.label')}
      rows={rows}
      getRowId={(u) => u.username}
      status={queryStatus(users)}
      empty={{ title: t('usersList.empty'), description: t('usersList.emptyHint') }}
      selection={{ selected, onChange: setSelected }}
      toolbar={<BulkUserActions app={app} selected={[...selected]} onFinished={() => setSelected(new Set())} />}
      columns={[
        { id: 'username', header: t('usersList.username'), cell: (u) => userLink(u.username) },
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
        { id: 'created', header: t('usersList.created'), cell: (u) => formatDateTime(u.created, i18n.language) },
        { id: 'online', header: t('usersList.online'), cell: statusCell },
      ]}
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

function OnlineBadge({ status }: { status: OnlineStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={status === 'online' ? 'teal' : 'gray'}>
      {t(status === 'online' ? 'usersList.isOnline' : 'usersList.isOffline')}
    </Badge>
  );
}
