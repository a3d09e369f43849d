import { Stack, Text } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from '@/lib/i18n/react';
import { useGroup } from '@/features/groups/api/get-group';
import { groupWhitelistQueryOptions } from '@/features/groups/api/get-group-whitelist';
import { GroupWhitelistTable } from '@/features/groups/components/group-whitelist-table';

// Whitelist: members who may still speak while everyone is muted.
export const Route = createFileRoute('/$app/groups/$groupId/whitelist')({
  loader: ({ context, params }) => void context.queryClient.prefetchQuery(groupWhitelistQueryOptions(params.app, params.groupId)),
  component: WhitelistSection,
});

function WhitelistSection() {
  const { t } = useTranslation();
  const { app, groupId } = Route.useParams();
  const group = useGroup(app, groupId);
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('groupModeration.whitelistIntro')}
      </Text>
      <GroupWhitelistTable
        app={app}
        groupId={groupId}
        groupName={group.data?.name ?? groupId}
      />
    </Stack>
  );
}
