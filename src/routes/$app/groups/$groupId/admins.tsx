import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { groupQueryOptions } from '@/features/groups/api/get-group';
import { groupAdminsQueryOptions } from '@/features/groups/api/get-group-admins';
import { GroupAdminsPanel } from '@/features/groups/components/group-admins-panel';
import { waitBriefly } from '@/lib/query/wait-briefly';

// Admins: the owner and the admins, promote and demote, and the ownership transfer.
export const Route = createFileRoute('/$app/groups/$groupId/admins')({
  loader: ({ cause, context, params }) => waitBriefly(cause, params.app, [context.queryClient.prefetchQuery(groupAdminsQueryOptions(params.app, params.groupId))]),
  component: AdminsSection,
});

function AdminsSection() {
  const { app, groupId } = Route.useParams();
  const group = useQuery(groupQueryOptions(app, groupId));
  return (
    <GroupAdminsPanel
      app={app}
      groupId={groupId}
      groupName={group.data?.name ?? groupId}
      owner={group.data?.owner}
    />
  );
}
