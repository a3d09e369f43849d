import { Group, Skeleton, Stack } from '@mantine/core';
import { createFileRoute, Outlet, useNavigate } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/error-state/error-state';
import { userQueryOptions, useUser } from '@/features/users/api/get-user';
import { UserActions } from '@/features/users/components/user-actions';
import { UserStatusBadges } from '@/features/users/components/user-status-badges';
import { isApiError } from '@/lib/api-client/api-error';
import { PageTitle } from '@/routes/-components/page-title';
import { RouterButton } from '@/routes/-components/router-button';
import { UserTabs } from './-components/user-tabs';
import { waitBriefly } from '@/lib/query/wait-briefly';

// The user page: a header with the account's state and actions, and one child route per section.
export const Route = createFileRoute('/$app/users/$username')({
  // `?confirm=ban`: the command palette's "ban alice" lands on that confirmation, already open.
  validateSearch: z.object({ confirm: z.catch(z.optional(z.enum(['ban', 'unban', 'disconnect'])), undefined) }),
  // Warm the cache on hover/preload; the page itself shows loading, 404 and errors.
  loader: ({ cause, context, params }) => waitBriefly(cause, params.app, [context.queryClient.prefetchQuery(userQueryOptions(params.app, params.username))]),
  component: UserLayout,
});

function UserLayout() {
  const { t } = useTranslation();
  const { app, username } = Route.useParams();
  const { confirm } = Route.useSearch();
  const navigate = useNavigate();
  const navigateHere = Route.useNavigate();
  const user = useUser(app, username);
  if (user.isPending) return <Skeleton h={240} aria-label={t('common.loading')} />;
  if (user.isError) {
    if (isApiError(user.error) && user.error.status === 404) {
      return <PageTitle title={username} description={t('userPage.notFound', { username })} />;
    }
    return <ErrorState error={user.error} onRetry={() => void user.refetch()} />;
  }
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageTitle title={user.data.username} description={user.data.nickname || undefined} />
        <RouterButton to="/$app/relationship" params={{ app }} search={{ a: user.data.username }} variant="default">
          {t('relationship.checkWith')}
        </RouterButton>
      </Group>
      <Stack gap="md" mb="lg">
        <UserStatusBadges app={app} username={username} user={user.data} />
        <UserActions
          app={app}
          username={username}
          user={user.data}
          onDeleted={() => void navigate({ to: '/$app/users', params: { app } })}
          confirm={confirm}
          // Shown once: Back or a reload does not ask again.
          onConfirmShown={() => void navigateHere({ search: (s) => ({ ...s, confirm: undefined }), replace: true })}
        />
      </Stack>
      <UserTabs app={app} username={username} />
      <Outlet />
    </>
  );
}
