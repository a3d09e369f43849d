import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import { allFriendsQueryOptions } from '@/features/friends/api/get-all-friends';
import { FRIENDS_PAGE } from '@/features/friends/api/friends-page';
import { friendsQueryOptions } from '@/features/friends/api/get-friends';
import { FriendsSection } from '@/features/friends/components/friends-section';
import { friendsSearch } from '@/features/friends/components/friends-search';
import { preloadVirtualTable } from '@/components/data-table/data-table';
import { waitBriefly } from '@/lib/query/wait-briefly';

export const Route = createFileRoute('/$app/users/$username/friends')({
  validateSearch: friendsSearch,
  search: { middlewares: [stripSearchParams({ limit: FRIENDS_PAGE.defaultLimit })] },
  loaderDeps: ({ search }) => ({ view: search.view, limit: search.limit, cursor: search.cursor }),
  // Up to 3,000 names: the virtualised table's code is asked for here rather than in the loader,
  // which is a chunk of its own (as on the roster), so that it comes with the names, not after them.
  beforeLoad: ({ search }) => {
    if (search.view === 'all') void preloadVirtualTable();
  },
  loader: ({ cause, context: { queryClient }, params, deps }) =>
    waitBriefly(cause, params.app, [
      deps.view === 'all'
        ? queryClient.prefetchQuery(allFriendsQueryOptions(params.app, params.username))
        : queryClient.prefetchQuery(friendsQueryOptions(params.app, params.username, { limit: deps.limit, cursor: deps.cursor })),
    ]),
  component: FriendsRoute,
});

function FriendsRoute() {
  const { app, username } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <FriendsSection
      app={app}
      owner={username}
      search={search}
      onSearch={(s, options) => void navigate({ search: s, replace: options?.replace })}
    />
  );
}
