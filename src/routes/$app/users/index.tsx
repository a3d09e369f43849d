import { Group } from '@mantine/core';
import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import { useTranslation } from '@/lib/i18n/react';
import { cursorSearch } from '@/components/data-table/pagination-search';
import { USERS_PAGE, usersQueryOptions, useUsers } from '@/features/users/api/get-users';
import { DangerZone } from '@/features/users/components/danger-zone';
import { ExportUsersButton } from '@/features/users/components/export-users';
import { UsersTable } from '@/features/users/components/users-table';
import { PageTitle } from '@/routes/-components/page-title';
import { RouterAnchor } from '@/routes/-components/router-anchor';
import { useCan } from '@/lib/session/session-store';
import { RouterButton } from '@/routes/-components/router-button';

export const Route = createFileRoute('/$app/users/')({
  validateSearch: cursorSearch(USERS_PAGE),
  search: { middlewares: [stripSearchParams({ limit: USERS_PAGE.defaultLimit })] },
  loaderDeps: ({ search }) => ({ limit: search.limit, cursor: search.cursor }),
  loader: ({ context, params, deps }) => void context.queryClient.prefetchQuery(usersQueryOptions(params.app, deps)),
  component: UsersPage,
});

function UsersPage() {
  const { t } = useTranslation();
  const { app } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const can = useCan();
  // The same query as the table's (one request): the export works on the rows in view.
  const users = useUsers(app, { limit: search.limit, cursor: search.cursor });
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageTitle title={t('usersList.title')} description={t('usersList.description')} />
        <Group gap="xs">
          {can('post', 'users') && (
            <RouterButton to="/$app/register" params={{ app }} variant="default">
              {t('usersList.register')}
            </RouterButton>
          )}
          <ExportUsersButton app={app} rows={users.data?.entities} />
        </Group>
      </Group>
      <UsersTable
        app={app}
        search={search}
        onSearch={(s) => void navigate({ search: s })}
        userLink={(username) => (
          <RouterAnchor to="/$app/users/$username" params={{ app, username }}>
            {username}
          </RouterAnchor>
        )}
      />
      <DangerZone app={app} />
    </>
  );
}
