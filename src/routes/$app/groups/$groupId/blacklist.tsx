import { createFileRoute } from '@tanstack/react-router';
import { groupBlacklistQueryOptions } from '@/features/groups/api/get-group-blacklist';
import { GroupBlacklistTable } from '@/features/groups/components/group-blacklist-table';
import { NameListSection } from './-components/name-list-section';
import { waitBriefly } from '@/lib/query/wait-briefly';

// Blacklist: blocked users cannot see or rejoin the group until unblocked.
export const Route = createFileRoute('/$app/groups/$groupId/blacklist')({
  loader: ({ cause, context, params }) => waitBriefly(cause, params.app, [context.queryClient.prefetchQuery(groupBlacklistQueryOptions(params.app, params.groupId))]),
  component: () => <NameListSection intro="groupModeration.blacklistIntro" Table={GroupBlacklistTable} />,
});
