import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import { pageSearch } from '@/components/data-table/pagination-search';
import { joinedGroupsQueryOptions, JOINED_GROUPS_PAGE } from '@/features/users/api/get-joined-groups';
import { JoinedGroupsTable } from '@/features/users/components/joined-groups-table';
import { RouterAnchor } from '@/routes/-components/router-anchor';
import { waitBriefly } from '@/lib/query/wait-briefly';

export const Route = createFileRoute('/$app/users/$username/groups')({
  validateSearch: pageSearch(JOINED_GROUPS_PAGE),
  search: { middlewares: [stripSearchParams({ pagenum: 1, pagesize: JOINED_GROUPS_PAGE.defaultSize })] },
  loaderDeps: ({ search }) => ({ pagenum: search.pagenum, pagesize: search.pagesize }),
  loader: ({ cause, context, params, deps }) => waitBriefly(cause, params.app, [context.queryClient.prefetchQuery(joinedGroupsQueryOptions(params.app, params.username, deps))]),
  component: GroupsSection,
});

function GroupsSection() {
  const { app, username } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <JoinedGroupsTable
      app={app}
      username={username}
      search={search}
      onSearch={(s) => void navigate({ search: s })}
      groupLink={(g) => (
        <RouterAnchor to="/$app/groups/$groupId" params={{ app, groupId: g.groupid }}>
          {g.groupname}
        </RouterAnchor>
      )}
    />
  );
}
