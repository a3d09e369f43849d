import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import { pageSearch } from '@/components/data-table/pagination-search';
import { groupQueryOptions } from '@/features/groups/api/get-group';
import { groupMembersQueryOptions, ROSTER_PAGE } from '@/features/groups/api/get-group-members';
import { GroupMembersTable } from '@/features/groups/components/group-members-table';
import { useQuery } from '@tanstack/react-query';

// Members: the roster by page number (the page and its size in the URL).
export const Route = createFileRoute('/$app/groups/$groupId/')({
  validateSearch: pageSearch(ROSTER_PAGE),
  search: { middlewares: [stripSearchParams({ pagenum: 1, pagesize: ROSTER_PAGE.defaultSize })] },
  loaderDeps: ({ search }) => ({ pagenum: search.pagenum, pagesize: search.pagesize }),
  // Runs alongside the layout's loader: the roster does not wait for the group's details.
  loader: ({ context, params, deps }) => void context.queryClient.prefetchQuery(groupMembersQueryOptions(params.app, params.groupId, deps)),
  component: MembersSection,
});

function MembersSection() {
  const { app, groupId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const group = useQuery(groupQueryOptions(app, groupId));
  return <GroupMembersTable app={app} groupId={groupId} groupName={group.data?.name ?? groupId} search={search} onSearch={(s) => void navigate({ search: s })} />;
}
