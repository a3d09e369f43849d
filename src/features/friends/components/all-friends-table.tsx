import { Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { DataTable } from '@/components/data-table/data-table';
import { queryStatus } from '@/components/data-table/query-status';
import { UserLink } from '@/components/user-link/user-link';
import { ALL_FRIENDS_MAX, useAllFriends } from '@/features/friends/api/get-all-friends';
import type { FriendsSearch } from './friends-search';
import { RemoveFriendButton } from './remove-friend-button';

type Props = {
  app: string;
  owner: string;
  search: FriendsSearch;
  /** The filter goes into the URL (replacing the history entry while typing). */
  onSearch: (next: FriendsSearch, options?: { replace?: boolean }) => void;
};

type Row = { username: string };

/** Every friend at once (up to 3,000 names, no remarks), filtered in the browser; large lists are virtualised by the table. */
export function AllFriendsTable({ app, owner, search, onSearch }: Props) {
  const { t } = useTranslation();
  const all = useAllFriends(app, owner);
  const [filter, setFilter] = useState(search.q ?? '');
  const pushFilter = useDebouncedCallback((q: string) => onSearch({ ...search, q: q || undefined }, { replace: true }), 300);
  const needle = filter.trim().toLowerCase();
  const rows = useMemo<Row[] | undefined>(
    () => all.data?.filter((n) => n.toLowerCase().includes(needle)).map((username) => ({ username })),
    [all.data, needle],
  );
  const total = all.data?.length;

  return (
    <Stack gap="sm">
      <TextInput
        label={t('friends.filter')}
        description={t('friends.filterHint')}
        value={filter}
        onChange={(e) => {
          setFilter(e.currentTarget.value);
          pushFilter(e.currentTarget.value);
        }}
        type="search"
        autoComplete="off"
        spellCheck={false}
        maw={360}
      />
      {total !== undefined && rows && (
        <Text size="sm" aria-live="polite">
          {needle ? t('friends.filtered', { count: rows.length, total }) : t('friends.total', { count: total, owner })}
          {total >= ALL_FRIENDS_MAX ? ` ${t('friends.atMost', { max: '3,000' })}` : ''}
        </Text>
      )}
      <DataTable<Row>
        aria-label={t('friends.allLabel', { owner })}
        rows={rows}
        getRowId={(r) => r.username}
        status={queryStatus(all)}
        empty={needle && total ? { title: t('friends.noMatch', { filter: filter.trim() }), description: t('friends.noMatchHint') } : { title: t('friends.empty', { owner }), description: t('friends.emptyHint') }}
        columns={[
          { id: 'username', header: t('friends.username'), cell: (r) => <UserLink app={app} username={r.username} /> },
          { id: 'actions', header: t('friends.actions'), cell: (r) => <RemoveFriendButton app={app} owner={owner} friend={r.username} />, width: 110 },
        ]}
      />
    </Stack>
  );
}
