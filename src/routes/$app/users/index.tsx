import { Group } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import * as z from 'zod/mini';
import { useTranslation } from '@/lib/i18n/react';
import { cursorSearch } from '@/components/data-table/pagination-search';
import { USERS_PAGE, usersQueryOptions } from '@/features/users/api/get-users';
import { DangerZone } from '@/features/users/components/danger-zone';
import { ExportUsersButton } from '@/features/users/components/export-users';
import { UsersTable, UsersTableView } from '@/features/users/components/users-table';
import { PageTitle } from '@/routes/-components/page-title';
import { RouterAnchor } from '@/routes/-components/router-anchor';
import { useCan } from '@/lib/session/session-store';
import { SEARCH_QUERY_MAX, searchUsersQueryOptions } from '@/features/user-search/api/search-users';
import { UserSearchBox } from '@/features/user-search/components/user-search-box';
import { userSearchKeys } from '@/features/user-search/api/keys';
import { userQueryOptions } from '@/features/users/api/get-user';
import { lazyWithPages } from '@/lib/i18n/lazy-with-pages';
import { RouterButton } from '@/routes/-components/router-button';
import { waitBriefly } from '@/lib/query/wait-briefly';

// Search results (issue 15) load only when a search is made: the plain list is the first screen.
// They show in the list's own table (issue 21), so what one finds can be acted on at once.
// The index's build progress loads after the list, never before it, and with its strings in the
// core catalogue: the other pages' strings (14 KB) would put the first screen over its budget.
const IndexBuildNotice = lazy(() => import('@/features/user-search/components/index-build-notice'));
const UserSearchResults = lazyWithPages(() => import('@/features/user-search/components/user-search-results'));

// `q`: part of a username or nickname, searched in the console's index; its pages use the search's cursors.
const usersSearch = z.extend(cursorSearch(USERS_PAGE), {
  q: z.catch(z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(SEARCH_QUERY_MAX))), undefined),
});

export const Route = createFileRoute('/$app/users/')({
  validateSearch: usersSearch,
  search: { middlewares: [stripSearchParams({ limit: USERS_PAGE.defaultLimit })] },
  loaderDeps: ({ search }) => ({ limit: search.limit, cursor: search.cursor, q: search.q }),
  loader: ({ cause, context, params, deps: { q, ...page } }) =>
    waitBriefly(cause, params.app, [q ? context.queryClient.prefetchQuery(searchUsersQueryOptions(params.app, { q, ...page })) : context.queryClient.prefetchQuery(usersQueryOptions(params.app, page))]),
  component: UsersPage,
});

function UsersPage() {
  const { t } = useTranslation();
  const { app } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const can = useCan();
  // The same query as the table's (one request): the export works on the rows in view.
  const users = useQuery({ ...usersQueryOptions(app, { limit: search.limit, cursor: search.cursor }), enabled: !search.q });
  const queryClient = useQueryClient();
  const q = search.q;
  // Rows from the index: after an action on them, read the search again (the console's own
  // changes reach the index at once).
  const refreshSearch = () => void queryClient.invalidateQueries({ queryKey: userSearchKeys.searches(app) });
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
        <PageTitle title={t('usersList.title')} description={t('usersList.description')} />
        <Group gap="xs">
          {can('post', 'users') && (
            <RouterButton to="/$app/register" params={{ app }} variant="default">
              {t('usersList.register')}
            </RouterButton>
          )}
          <ExportUsersButton app={app} rows={q ? null : users.data?.entities} />
        </Group>
      </Group>
      <UserSearchBox
        value={q}
        // A new query starts from the first page; clearing it goes back to the plain list.
        onSearch={(next) => void navigate({ search: (s) => ({ ...s, q: next, cursor: undefined, prev: undefined }) })}
        findExact={(name) => queryClient.fetchQuery(userQueryOptions(app, name.toLowerCase())).then((u) => u.username)}
        onExact={(username) => void navigate({ to: '/$app/users/$username', params: { app, username } })}
      />
      {/* How far the app's search index is (the server builds it by itself), and when it is done:
          loaded once the list has answered, so it never competes with the first screen. */}
      {(q || users.isFetched) && (
        <Suspense fallback={null}>
          <IndexBuildNotice app={app} quiet={Boolean(q)} />
        </Suspense>
      )}
      {q ? (
        <Suspense fallback={null}>
          <UserSearchResults
            key={app}
            app={app}
            search={{ ...search, q }}
            onSearch={(s) => void navigate({ search: s })}
            // The same table as the list's, with its selection, online status and actions.
            table={(source) => <UsersTableView app={app} onChanged={refreshSearch} {...source} />}
            // One user found: their page, in place of the search (Back returns to the list).
            onFound={(username) => void navigate({ to: '/$app/users/$username', params: { app, username }, replace: true })}
            settingsLink={
              <RouterAnchor to="/$app/search-settings" params={{ app }}>
                {t('userSearch.noIndexLink')}
              </RouterAnchor>
            }
          />
        </Suspense>
      ) : (
        <UsersTable key={app} app={app} search={search} onSearch={(s) => void navigate({ search: s })} />
      )}
      <DangerZone app={app} />
    </>
  );
}
