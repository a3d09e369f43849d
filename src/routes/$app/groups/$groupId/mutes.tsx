import { Stack } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from '@/lib/i18n/react';
import { useGroup } from '@/features/groups/api/get-group';
import { groupMutesQueryOptions } from '@/features/groups/api/get-group-mutes';
import { GroupMuteAllPanel } from '@/features/groups/components/group-mutes-mute-all';
import { GroupMutesTable } from '@/features/groups/components/group-mutes-table';
import { RouterAnchor } from '@/routes/-components/router-anchor';

// Mutes: everyone-muted state, then the members muted one by one (the API returns them all at once).
export const Route = createFileRoute('/$app/groups/$groupId/mutes')({
  loader: ({ context, params }) => void context.queryClient.prefetchQuery(groupMutesQueryOptions(params.app, params.groupId)),
  component: MutesSection,
});

function MutesSection() {
  const { t } = useTranslation();
  const { app, groupId } = Route.useParams();
  const group = useGroup(app, groupId);
  return (
    <Stack>
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
        userLink={(username) => (
          <RouterAnchor to="/$app/users/$username" params={{ app, username }}>
            {username}
          </RouterAnchor>
        )}
      />
    </Stack>
  );
}
