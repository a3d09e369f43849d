import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import { useMemo } from 'react';
import { cursorSearch } from '@/components/data-table/pagination-search';
import { BLOCKS_PAGE } from '@/features/blocks/api/blocks-page';
import { blocksQueryOptions } from '@/features/blocks/api/get-blocks';
import { BlocksSection } from '@/features/blocks/components/blocks-section';
import { useAllFriends } from '@/features/friends/api/get-all-friends';
import { waitBriefly } from '@/lib/query/wait-briefly';

export const Route = createFileRoute('/$app/users/$username/blacklist')({
  validateSearch: cursorSearch(BLOCKS_PAGE),
  search: { middlewares: [stripSearchParams({ limit: BLOCKS_PAGE.defaultLimit })] },
  loaderDeps: ({ search }) => ({ limit: search.limit, cursor: search.cursor }),
  loader: ({ cause, context, params, deps }) => waitBriefly(cause, params.app, [context.queryClient.prefetchQuery(blocksQueryOptions(params.app, params.username, deps))]),
  component: BlacklistRoute,
});

function BlacklistRoute() {
  const { app, username } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  // The two features meet here: the friends list marks blocked users who are still friends.
  const friends = useAllFriends(app, username);
  const friendSet = useMemo(() => (friends.data ? new Set(friends.data.map((n) => n.toLowerCase())) : undefined), [friends.data]);
  return (
    <BlocksSection
      app={app}
      owner={username}
      search={search}
      onSearch={(s) => void navigate({ search: s })}
      friends={friendSet}
    />
  );
}
