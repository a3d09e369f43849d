import { Alert, Stack, Text } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import type { TableSource } from '@/components/data-table/data-table';
import { cursorPagination, type CursorSearch } from '@/components/data-table/pagination-search';
import { queryStatus } from '@/components/data-table/query-status';
import { TablePagination } from '@/components/data-table/table-pagination';
import { useTranslation } from '@/lib/i18n/react';
import { useSearchUsers, type IndexedUser } from '../api/search-users';
import { ageInWords } from './time-words';

export const SEARCH_PAGE_SIZES = [10, 20, 50, 100] as const;

type Props<S extends CursorSearch & { q: string }> = {
  app: string;
  search: S;
  onSearch: (next: S) => void;
  /**
   * The users table (features do not import each other: the route passes the users feature's
   * table). Rows carry the index's state; the user page reads the user from the API.
   */
  table: (props: TableSource<IndexedUser>) => ReactNode;
  /** The Search settings link, shown when the app has no index. */
  settingsLink: ReactNode;
  /**
   * A search that found one user (an exact username, or its only match) opens that user: called
   * once per query, with its first answer, never on a later refresh.
   */
  onFound?: (username: string) => void;
};

/** Users whose username or nickname contains `search.q`, from the local index, in cursor pages. */
export default function UserSearchResults<S extends CursorSearch & { q: string }>({ app, search, onSearch, table, settingsLink, onFound }: Props<S>) {
  const { t, i18n } = useTranslation();
  const results = useSearchUsers(app, { q: search.q, limit: search.limit, cursor: search.cursor });
  const data = results.data;
  const answered = data !== undefined && !results.isPlaceholderData;

  const decided = useRef<string>(undefined);
  useEffect(() => {
    const query = `${app}\n${search.q}`;
    // Only the first page of a new query decides; paging or a refresh never navigates away.
    if (!answered || search.cursor || decided.current === query) return;
    decided.current = query;
    const q = search.q.trim().toLowerCase();
    const one = data.users.find((u) => u.username.toLowerCase() === q) ?? (data.users.length === 1 && !data.cursor ? data.users[0] : undefined);
    if (one) onFound?.(one.username);
  }, [answered, data, app, search.q, search.cursor, onFound]);

  const count = data?.count ?? 0;
  const users = count.toLocaleString(i18n.language);
  // No index at all (it was deleted, or the server does not build it by itself).
  if (data !== undefined && data.indexedAt === null && !data.building && count === 0) {
    return (
      <Alert color="yellow" role="status" title={t('userSearch.noIndex')}>
        {settingsLink}
      </Alert>
    );
  }
  const age = data?.indexedAt ? ageInWords(data.indexedAt, results.dataUpdatedAt, i18n.language) : undefined;
  // The first walk is still going (or stopped half way): say what the search covered.
  const partial = data !== undefined && data.indexedAt === null;
  return (
    <Stack gap="xs">
      {partial && (
        <Text size="sm" c="dimmed" role="status">
          {data.building ? t('userSearch.searchingSoFar', { count, users }) : t('userSearch.searchingPartial', { count, users })}
          {!data.building && <> {settingsLink}</>}
        </Text>
      )}
      {table({
        'aria-label': t('userSearch.resultsLabel', { query: search.q }),
        rows: data?.users,
        status: queryStatus(results),
        empty: {
          title: t('userSearch.noMatches', { query: search.q }),
          description: age ? t('userSearch.noMatchesHint', { age }) : undefined,
        },
        note: age && (
          <Text size="xs" c="dimmed">
            {t('userSearch.indexAge', { age })}
          </Text>
        ),
        pagination: <TablePagination {...cursorPagination(search, data?.cursor, onSearch, SEARCH_PAGE_SIZES)} disabled={results.isPlaceholderData} />,
      })}
    </Stack>
  );
}
