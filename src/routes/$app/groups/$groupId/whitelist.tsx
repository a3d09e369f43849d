import { createFileRoute } from '@tanstack/react-router';
import { groupWhitelistQueryOptions } from '@/features/groups/api/get-group-whitelist';
import { GroupWhitelistTable } from '@/features/groups/components/group-whitelist-table';
import { NameListSection } from './-components/name-list-section';
import { waitBriefly } from '@/lib/query/wait-briefly';

// Whitelist: members who may still speak while everyone is muted.
export const Route = createFileRoute('/$app/groups/$groupId/whitelist')({
  loader: ({ cause, context, params }) => waitBriefly(cause, params.app, [context.queryClient.prefetchQuery(groupWhitelistQueryOptions(params.app, params.groupId))]),
  component: () => <NameListSection intro="groupModeration.whitelistIntro" Table={GroupWhitelistTable} />,
});
