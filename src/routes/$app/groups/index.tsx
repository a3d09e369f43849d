import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table/data-table';
import { cursorPagination, cursorSearchSchema } from '../../../components/data-table/pagination-search';
import { TablePagination } from '../../../components/data-table/table-pagination';
import { GROUPS_PAGE, groupsQueryOptions, ownerName, useGroups, type GroupSummary } from '../../../features/groups/api/get-groups';
import { PageTitle } from '../../-components/page-title';
import { RouterAnchor } from '../../-components/router-anchor';

export const Route = createFileRoute('/$app/groups/')({
  validateSearch: cursorSearchSchema(GROUPS_PAGE),
  search: { middlewares: [stripSearchParams({ limit: GROUPS_PAGE.fallback })] },
  loaderDeps: ({ search }) => ({ limit: search.limit, cursor: search.cursor }),
  loader: ({ context, params, deps }) => void context.queryClient.prefetchQuery(groupsQueryOptions(params.app, deps)),
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
        label={t('groupList.label')}
        rows={groups.data?.data}
        getRowId={(g) => g.groupid}
        isPending={groups.isPending}
        error={groups.error}
        onRetry={() => void groups.refetch()}
        isFetching={groups.isFetching}
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
