import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { cursorPagination, type CursorSearch } from '@/components/data-table/pagination-search';
import { queryStatus } from '@/components/data-table/query-status';
import { TablePagination } from '@/components/data-table/table-pagination';
import { formatDateTime } from '@/lib/i18n/format';
import { useTranslation } from '@/lib/i18n/react';
import { useSearchUsers, type IndexedUser } from '../api/search-users';
import { ageInWords } from './time-words';

export const SEARCH_PAGE_SIZES = [10, 20, 50, 100] as const;

type Props<S extends CursorSearch & { q: string }> = {
  app: string;
  search: S;
  onSearch: (next: S) => void;
  /** The user page link (a route's concern); the page reads the user from the API, so a stale row never misleads. */
  userLink: (username: string) => ReactNode;
  /** The Search settings link, shown when the app has no index. */
  settingsLink: ReactNode;
};

/** Users whose username or nickname contains `search.q`, from the local index, in cursor pages. */
export default function UserSearchResults<S extends CursorSearch & { q: string }>({ app, search, onSearch, userLink, settingsLink }: Props<S>) {
  const { t, i18n } = useTranslation();
  const results = useSearchUsers(app, { q: search.q, limit: search.limit, cursor: search.cursor });
  const data = results.data;
  const noIndex = data !== undefined && data.indexedAt === null && !data.building;

  if (noIndex) {
    return (
      <Alert color="yellow" role="status" title={t('userSearch.noIndex')}>
        {settingsLink}
      </Alert>
    );
  }
  const age = data?.indexedAt ? ageInWords(data.indexedAt, results.dataUpdatedAt, i18n.language) : undefined;
  return (
    <Stack gap="xs">
      {data?.building && (
        <Text size="sm" c="dimmed" role="status">
          {t('userSearch.building')}
        </Text>
      )}
      <DataTable<IndexedUser>
        aria-label={t('userSearch.resultsLabel', { query: search.q })}
        rows={data?.users}
        getRowId={(u) => u.username}
        status={queryStatus(results)}
        empty={{
          title: t('userSearch.noMatches', { query: search.q }),
          description: data?.building ? t('userSearch.noMatchesBuilding') : age ? t('userSearch.noMatchesHint', { age }) : undefined,
        }}
        toolbar={age && <Text size="xs" c="dimmed">{t('userSearch.indexAge', { age })}</Text>}
        columns={[
          { id: 'username', header: t('userSearch.username'), cell: (u) => userLink(u.username) },
          { id: 'nickname', header: t('userSearch.nickname'), cell: (u) => u.nickname },
          {
            id: 'activated',
            header: t('userSearch.activated'),
            cell: (u) => (
              <Group gap={4}>
                <Badge variant="dot" color={u.activated ? 'green' : 'red'}>
                  {u.activated ? t('userSearch.active') : t('userSearch.banned')}
                </Badge>
              </Group>
            ),
          },
          { id: 'created', header: t('userSearch.created'), cell: (u) => (u.created ? formatDateTime(u.created, i18n.language) : '') },
        ]}
        pagination={<TablePagination {...cursorPagination(search, data?.cursor, onSearch, SEARCH_PAGE_SIZES)} disabled={results.isPlaceholderData} />}
      />
    </Stack>
  );
}
