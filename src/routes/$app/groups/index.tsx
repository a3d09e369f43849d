import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import { useTranslation } from '@/lib/i18n/react';
import { DataTable } from '@/components/data-table/data-table';
import { cursorPagination, cursorSearch } from '@/components/data-table/pagination-search';
import { queryStatus } from '@/components/data-table/query-status';
import { TablePagination } from '@/components/data-table/table-pagination';
import { GROUPS_PAGE, groupsQueryOptions, ownerName, useGroups, type GroupSummary } from '@/features/groups/api/get-groups';
import { PageTitle } from '@/routes/-components/page-title';
import { RouterAnchor } from '@/routes/-components/router-anchor';
import { waitBriefly } from '@/lib/query/wait-briefly';

export const Route = createFileRoute('/$app/groups/')({
  validateSearch: cursorSearch(GROUPS_PAGE),
  search: { middlewares: [stripSearchParams({ limit: GROUPS_PAGE.defaultLimit })] },
  loaderDeps: ({ search }) => ({ limit: search.limit, cursor: search.cursor }),
  loader: ({ cause, context, params, deps }) => waitBriefly(cause, params.app, [context.queryClient.prefetchQuery(groupsQueryOptions(params.app, deps))]),
  component: GroupsPage,
});

function GroupsPage() {
  const { t } = useTranslation();
  const { app } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const groups = useGroups(app, { limit: search.limit, cursor: search.cursor });
  return (
    <>
      <PageTitle title={t('groups.title')} />
      <DataTable<GroupSummary>
        aria-label={t('groupList.label')}
        rows={groups.data?.data}
        getRowId={(g) => g.groupid}
        status={queryStatus(groups)}
        empty={{ title: t('groupList.empty'), description: t('groupList.emptyHint') }}
        columns={[
          {
            id: 'name',
            header: t('groupList.name'),
            cell: (g) => (
              <RouterAnchor to="/$app/groups/$groupId" params={{ app, groupId: g.groupid }}>
                {g.groupname}
              </RouterAnchor>
            ),
          },
          { id: 'id', header: t('groupList.id'), cell: (g) => g.groupid },
          { id: 'owner', header: t('groupList.owner'), cell: (g) => ownerName(g.owner) },
          { id: 'members', header: t('groupList.members'), cell: (g) => g.affiliations },
        ]}
        pagination={
          <TablePagination {...cursorPagination(search, groups.data?.cursor, (s) => void navigate({ search: s }), [10, 20, 50, 100])} />
        }
      />
    </>
  );
}
