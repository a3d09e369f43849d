import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { PaletteLauncher } from '@/features/command-palette/components/palette-launcher';
import type { PaletteGroup, PaletteSources, PaletteTarget, UserSearchResult } from '@/features/command-palette/palette-model';
import { groupsQueryOptions } from '@/features/groups/api/get-groups';
import { searchUsersQueryOptions } from '@/features/user-search/api/search-users';
import { isApiError } from '@/lib/api-client/api-error';

/** Matches asked of the user index per lookup; the palette shows six. */
const INDEX_LIMIT = 8;
/** The API has no group search: the palette filters the listing, read up to this many pages of 100. */
const GROUP_PAGES = 10;
const GROUP_PAGE_SIZE = 100;
/** The index's longest query (search-users.ts SEARCH_QUERY_MAX). */
const QUERY_MAX = 100;

/** The answer, or undefined when the API says there is no such user or group. */
async function unlessNotFound<T>(answer: Promise<T>): Promise<T | undefined> {
  try {
    return await answer;
  } catch (e) {
    if (isApiError(e) && e.status === 404) return undefined;
    throw e;
  }
}

/**
 * The header's go-to box: the command palette (Ctrl+K), fed by the users, groups and user-search
 * features' own calls and caches, its results turned into this app's URLs. The features' API
 * modules load with the first lookup, not with the first screen.
 */
export function GoToBox({ app }: { app: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const sources = useMemo<PaletteSources>(
    () => ({
      searchUsers: async (text): Promise<UserSearchResult> => {
        // Fresher than the lists' 30 s: the palette asks again while the index is being built.
        const answer = await queryClient.fetchQuery({ ...searchUsersQueryOptions(app, { q: text.slice(0, QUERY_MAX), limit: INDEX_LIMIT }), staleTime: 1_000 });
        return {
          users: answer.users.map((u) => ({ username: u.username, nickname: u.nickname, activated: u.activated })),
          more: Boolean(answer.cursor),
          index: answer.indexedAt ? 'complete' : answer.building ? 'building' : 'none',
        };
      },
      findUser: async (username) => {
        const { userQueryOptions } = await import('@/features/users/api/get-user');
        const user = await unlessNotFound(queryClient.fetchQuery(userQueryOptions(app, username)));
        return user && { username: user.username, nickname: user.nickname ?? undefined, activated: user.activated };
      },
      findGroup: async (groupId) => {
        const { groupQueryOptions } = await import('@/features/groups/api/get-group');
        const group = await unlessNotFound(queryClient.fetchQuery(groupQueryOptions(app, groupId)));
        return group && { id: group.id, name: group.name };
      },
      listGroups: async () => {
        const groups: PaletteGroup[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < GROUP_PAGES; page++) {
          const answer = await queryClient.fetchQuery(groupsQueryOptions(app, { limit: GROUP_PAGE_SIZE, cursor }));
          groups.push(...answer.data.map((g) => ({ id: g.groupid, name: g.groupname })));
          cursor = answer.cursor || undefined;
          if (!cursor) return { groups };
        }
        return { groups, cappedAt: groups.length };
      },
    }),
    [app, queryClient],
  );

  // Actions land where they are done, with their one confirmation open (or the dialog filled in).
  const go = (target: PaletteTarget) => {
    switch (target.kind) {
      case 'page':
        if (target.page === 'users') void navigate({ to: '/$app/users', params: { app } });
        else if (target.page === 'groups') void navigate({ to: '/$app/groups', params: { app } });
        else if (target.page === 'register') void navigate({ to: '/$app/register', params: { app } });
        else if (target.page === 'relationship') void navigate({ to: '/$app/relationship', params: { app } });
        else if (target.page === 'audit') void navigate({ to: '/$app/audit', params: { app } });
        else void navigate({ to: '/$app/search-settings', params: { app } });
        return;
      case 'user':
        void navigate({ to: '/$app/users/$username', params: { app, username: target.username } });
        return;
      case 'group':
        void navigate({ to: '/$app/groups/$groupId', params: { app, groupId: target.groupId } });
        return;
      case 'user-action':
        void navigate({ to: '/$app/users/$username', params: { app, username: target.username }, search: { confirm: target.action } });
        return;
      case 'group-mute':
        void navigate({ to: '/$app/groups/$groupId/mutes', params: { app, groupId: target.groupId }, search: { mute: target.username } });
        return;
      case 'user-search':
        void navigate({ to: '/$app/users', params: { app }, search: { q: target.q } });
        return;
    }
  };

  return <PaletteLauncher app={app} sources={sources} onNavigate={go} />;
}
