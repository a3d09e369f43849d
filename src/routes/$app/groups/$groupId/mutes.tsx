import { Stack } from '@mantine/core';
import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import * as z from 'zod/mini';
import { pageSearch } from '@/components/data-table/pagination-search';
import { useTranslation } from '@/lib/i18n/react';
import { useGroup } from '@/features/groups/api/get-group';
import { groupMutesQueryOptions } from '@/features/groups/api/get-group-mutes';
import { GroupMuteAllPanel } from '@/features/groups/components/group-mutes-mute-all';
import { GroupMutesTable } from '@/features/groups/components/group-mutes-table';
import { useCan } from '@/lib/session/session-store';
import { RouterAnchor } from '@/routes/-components/router-anchor';
import { waitBriefly } from '@/lib/query/wait-briefly';

// `?mute=alice` (the command palette's "mute alice in All Hands"): the mute dialog opens with alice in it.
const GroupMembersModerate = lazy(() => import('@/features/groups/components/group-members-moderate'));

// Mutes: everyone-muted state, then the members muted one by one (the API returns them all at once).
// The console pages that list itself, the page and its size in the URL.
const MUTES_PAGE = { defaultSize: 100, min: 1, max: 1000 };

export const Route = createFileRoute('/$app/groups/$groupId/mutes')({
  validateSearch: z.extend(pageSearch(MUTES_PAGE), { mute: z.catch(z.optional(z.string()), undefined) }),
  search: { middlewares: [stripSearchParams({ pagenum: 1, pagesize: MUTES_PAGE.defaultSize })] },
  loader: ({ cause, context, params }) => waitBriefly(cause, params.app, [context.queryClient.prefetchQuery(groupMutesQueryOptions(params.app, params.groupId))]),
  component: MutesSection,
});

function MutesSection() {
  const { t } = useTranslation();
  const { app, groupId } = Route.useParams();
  const group = useGroup(app, groupId);
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const canMute = useCan()('post', 'chatgroups/{group}/mute');
  return (
    <Stack>
      {search.mute && canMute && (
        <Suspense fallback={null}>
          <GroupMembersModerate
            app={app}
            groupId={groupId}
            groupName={group.data?.name ?? groupId}
            owner={group.data?.owner}
            kind="mute"
            selected={[search.mute]}
            onClose={() => void navigate({ search: (s) => ({ ...s, mute: undefined }), replace: true })}
          />
        </Suspense>
      )}
      <GroupMuteAllPanel
        app={app}
        groupId={groupId}
        whitelistLink={
          <RouterAnchor to="/$app/groups/$groupId/whitelist" params={{ app, groupId }} underline="always">
            {t('groupModeration.openWhitelist')}
          </RouterAnchor>
        }
      />
      <GroupMutesTable
        app={app}
        groupId={groupId}
        groupName={group.data?.name ?? groupId}
        search={search}
        onSearch={(s) => void navigate({ search: s })}
      />
    </Stack>
  );
}
