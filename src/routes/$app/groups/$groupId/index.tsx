import { useQuery } from '@tanstack/react-query';
import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import { preloadVirtualTable, VIRTUALIZE_AFTER } from '@/components/data-table/data-table';
import { pageSearch } from '@/components/data-table/pagination-search';
import { preloadNumberedPages } from '@/components/data-table/table-pagination';
import { groupQueryOptions } from '@/features/groups/api/get-group';
import { groupAdminsQueryOptions } from '@/features/groups/api/get-group-admins';
import { groupMembersQueryOptions, ROSTER_PAGE } from '@/features/groups/api/get-group-members';
import { groupMutesQueryOptions } from '@/features/groups/api/get-group-mutes';
import { groupWhitelistQueryOptions } from '@/features/groups/api/get-group-whitelist';
import { waitBriefly } from '@/lib/query/wait-briefly';
import { GroupMembersTable } from '@/features/groups/components/group-members-table';
import { RelationshipMenuItem } from './-components/relationship-menu-item';

// Members: the roster by page number (the page and its size in the URL), with each member's role,
// mute and whitelist marker.
export const Route = createFileRoute('/$app/groups/$groupId/')({
  validateSearch: pageSearch(ROSTER_PAGE),
  search: { middlewares: [stripSearchParams({ pagenum: 1, pagesize: ROSTER_PAGE.defaultSize })] },
  loaderDeps: ({ search }) => ({ pagenum: search.pagenum, pagesize: search.pagesize }),
  // The table's code, asked for here rather than in the loader: the loader is a chunk of its own and
  // sends the calls once its API modules are in, and code asked for then came after the answers.
  // The roster's total is the group's member count, so its page buttons are needed too.
  beforeLoad: ({ search }) => {
    void preloadNumberedPages();
    if (search.pagesize > VIRTUALIZE_AFTER) void preloadVirtualTable();
  },
  // Runs alongside the layout's loader: the roster and its markers do not wait for the group's details.
  loader: ({ cause, context: { queryClient }, params: { app, groupId }, deps }) =>
    waitBriefly(cause, app, [
      queryClient.prefetchQuery(groupMembersQueryOptions(app, groupId, deps)),
      queryClient.prefetchQuery(groupAdminsQueryOptions(app, groupId)),
      queryClient.prefetchQuery(groupMutesQueryOptions(app, groupId)),
      queryClient.prefetchQuery(groupWhitelistQueryOptions(app, groupId)),
    ]),
  component: MembersSection,
});

function MembersSection() {
  const { app, groupId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const group = useQuery(groupQueryOptions(app, groupId));
  return (
    <GroupMembersTable
      app={app}
      groupId={groupId}
      groupName={group.data?.name ?? groupId}
      owner={group.data?.owner}
      memberCount={group.data?.affiliations_count}
      search={search}
      onSearch={(s) => void navigate({ search: s })}
      relationshipItem={(username) => <RelationshipMenuItem app={app} username={username} />}
    />
  );
}
