import { Group, Skeleton } from '@mantine/core';
import { createFileRoute, Outlet } from '@tanstack/react-router';
import { useTranslation } from '@/lib/i18n/react';
import { DetailList } from '@/components/detail-list/detail-list';
import { ErrorState } from '@/components/error-state/error-state';
import { groupQueryOptions, useGroup, type GroupDetails } from '@/features/groups/api/get-group';
import { MuteAllButton } from '@/features/groups/components/group-mutes-mute-all';
import { isApiError } from '@/lib/api-client/api-error';
import { formatDateTime } from '@/lib/i18n/format';
import { waitBriefly } from '@/lib/query/wait-briefly';
import { PagePending } from '@/routes/-components/page-pending';
import { PageTitle } from '@/routes/-components/page-title';
import { RouterAnchor } from '@/routes/-components/router-anchor';
import { GroupSections } from './-components/group-sections';

// The group page: details and mute-all on top, one child route per section below.
export const Route = createFileRoute('/$app/groups/$groupId')({
  loader: ({ cause, context, params }) => waitBriefly(cause, params.app, [context.queryClient.prefetchQuery(groupQueryOptions(params.app, params.groupId))]),
  component: GroupPage,
  // On a cold load the shell is drawn while the group's answers are awaited
  // (pendingAtOnceOnFirstLoad in src/app/router.tsx), so the page's own render comes apart from it.
  pendingComponent: PagePending,
  // Not held for the router's usual half second once shown: the answers are usually already in.
  pendingMinMs: 0,
});

function GroupPage() {
  const { t } = useTranslation();
  const { app, groupId } = Route.useParams();
  const group = useGroup(app, groupId);
  if (group.isError && isApiError(group.error) && group.error.status === 404) {
    return <PageTitle title={groupId} description={t('groupDetail.notFound', { groupId })} />;
  }
  // The sections do not wait for the details: a big group's details carry every member and come
  // last, while the roster page is already there.
  return (
    <>
      {group.isPending ? (
        <Skeleton h={240} aria-label={t('common.loading')} />
      ) : group.isError ? (
        <ErrorState error={group.error} onRetry={() => void group.refetch()} />
      ) : (
        <GroupHeader app={app} group={group.data} />
      )}
      <GroupSections app={app} groupId={groupId} groupName={group.data?.name ?? groupId} />
      <Outlet />
    </>
  );
}

function GroupHeader({ app, group: g }: { app: string; group: GroupDetails }) {
  const { t, i18n } = useTranslation();
  const yesNo = (v: boolean | undefined) => t(v ? 'groupDetail.yes' : 'groupDetail.no');
  return (
    <>
      <PageTitle title={g.name} description={g.description || undefined} />
      <DetailList
        label={g.name}
        items={[
          { label: t('groupDetail.id'), value: g.id },
          {
            label: t('groupDetail.owner'),
            value: (
              <RouterAnchor to="/$app/users/$username" params={{ app, username: g.owner }}>
                {g.owner}
              </RouterAnchor>
            ),
          },
          { label: t('groupDetail.members'), value: t('groupDetail.membersOf', { count: g.affiliations_count, max: g.maxusers ?? '?' }) },
          { label: t('groupDetail.visibility'), value: t(g.public ? 'groupDetail.public' : 'groupDetail.private') },
          { label: t('groupDetail.joining'), value: t(g.membersonly ? 'groupDetail.membersOnly' : 'groupDetail.open') },
          {
            label: t('groupDetail.muteAll'),
            value: (
              <Group gap="sm">
                <span>{yesNo(g.mute)}</span>
                <MuteAllButton app={app} groupId={g.id} groupName={g.name} muted={g.mute ?? false} size="compact-sm" />
              </Group>
            ),
          },
          { label: t('groupDetail.created'), value: formatDateTime(g.created, i18n.language) },
        ]}
      />
    </>
  );
}
