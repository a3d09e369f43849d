import { useTranslation } from '@/lib/i18n/react';
import { DataTable } from '@/components/data-table/data-table';
import { cursorPagination } from '@/components/data-table/pagination-search';
import { queryStatus } from '@/components/data-table/query-status';
import { TablePagination } from '@/components/data-table/table-pagination';
import { UserLink } from '@/components/user-link/user-link';
import { useFriends, type Friend } from '@/features/friends/api/get-friends';
import type { FriendsSearch } from './friends-search';
import { RemarkCell } from './remark-cell';
import { RemoveFriendButton } from './remove-friend-button';

/** The API takes 1..50 a page. */
export const FRIENDS_PAGE_SIZES = [10, 20, 50] as const;

type Props = {
  app: string;
  owner: string;
  search: FriendsSearch;
  onSearch: (next: FriendsSearch) => void;
};

/** A user's friends page by page (cursor mode), with their remarks, editable in place. */
export function FriendsPageTable({ app, owner, search, onSearch }: Props) {
  const { t } = useTranslation();
  const friends = useFriends(app, owner, { limit: search.limit, cursor: search.cursor });
  return (
    <DataTable<Friend>
      aria-label={t('friends.label', { owner })}
      rows={friends.data?.friends}
      getRowId={(f) => f.username}
      status={queryStatus(friends)}
      empty={search.cursor ? { title: t('friends.emptyPage'), description: t('friends.emptyPageHint') } : { title: t('friends.empty', { owner }), description: t('friends.emptyHint') }}
      columns={[
        { id: 'username', header: t('friends.username'), cell: (f) => <UserLink app={app} username={f.username} />, width: '30%' },
        { id: 'remark', header: t('friends.remark'), cell: (f) => <RemarkCell app={app} owner={owner} friend={f.username} remark={f.remark} /> },
        { id: 'actions', header: t('friends.actions'), cell: (f) => <RemoveFriendButton app={app} owner={owner} friend={f.username} />, width: 110 },
      ]}
      pagination={
        <TablePagination
          {...cursorPagination(search, friends.data?.cursor, onSearch, FRIENDS_PAGE_SIZES)}
          // While the previous page still shows, its cursor must not be followed again.
          disabled={friends.isPlaceholderData}
        />
      }
    />
  );
}
