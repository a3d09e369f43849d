import { Stack, Text } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from '@/lib/i18n/react';
import { useGroup } from '@/features/groups/api/get-group';
import { groupBlacklistQueryOptions } from '@/features/groups/api/get-group-blacklist';
import { GroupBlacklistTable } from '@/features/groups/components/group-blacklist-table';

// Blacklist: blocked users cannot see or rejoin the group until unblocked.
export const Route = createFileRoute('/$app/groups/$groupId/blacklist')({
  loader: ({ context, params }) => void context.queryClient.prefetchQuery(groupBlacklistQueryOptions(params.app, params.groupId)),
  component: BlacklistSection,
});

function BlacklistSection() {
  const { t } = useTranslation();
  const { app, groupId } = Route.useParams();
  const group = useGroup(app, groupId);
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('groupModeration.blacklistIntro')}
      </Text>
      <GroupBlacklistTable
        app={app}
        groupId={groupId}
        groupName={group.data?.name ?? groupId}
      />
    </Stack>
  );
}
