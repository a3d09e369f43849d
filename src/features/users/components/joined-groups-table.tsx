import type { ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { DataTable } from '@/components/data-table/data-table';
import { pagePagination, type PageSearch } from '@/components/data-table/pagination-search';
import { queryStatus } from '@/components/data-table/query-status';
import { TablePagination } from '@/components/data-table/table-pagination';
import { useJoinedGroups, type JoinedGroup } from '@/features/users/api/get-joined-groups';

type Props = {
  app: string;
  username: string;
  search: PageSearch;
  onSearch: (next: PageSearch) => void;
  /** The group's name as a link to its page (the route knows the path; features do not link across). */
  groupLink: (group: JoinedGroup) => ReactNode;
};

/** The groups a user is in, a page-number list. */
export function JoinedGroupsTable({ app, username, search, onSearch, groupLink }: Props) {
  const { t } = useTranslation();
  const groups = useJoinedGroups(app, username, search);
  return (
    <DataTable<JoinedGroup>
      aria-label={t('userPage.groupsLabel', { username })}
      rows={groups.data}
      getRowId={(g) => g.groupid}
      status={queryStatus(groups)}
      empty={{ title: t('userPage.groupsEmpty'), description: t('userPage.groupsEmptyHint') }}
      columns={[
        { id: 'name', header: t('userPage.groupName'), cell: groupLink },
        { id: 'id', header: t('userPage.groupId'), cell: (g) => g.groupid },
      ]}
      pagination={<TablePagination {...pagePagination(search, groups.data?.length, onSearch, [20, 50, 100, 500, 1000])} />}
    />
  );
}
