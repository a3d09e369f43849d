import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { isApiError } from '@/lib/api-client/api-error';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { chunk } from '@/lib/bulk/chunk';
import { getJoinedGroups } from './get-joined-groups';
import { userKeys } from './keys';

/** The largest page of `joined_chatgroups`. */
const JOINED_PAGE_MAX = 1000;
/** Group IDs per details call: the documents set no limit for the comma list, so stay modest (URL length, server caps). */
export const GROUP_DETAILS_BATCH = 20;

export type OwnedGroup = { id: string; name: string };

// Only the fields needed here; the groups feature owns the full shape (not imported: features stay apart).
const groupSummary = z.object({ id: z.string(), name: z.string(), owner: z.string() });
type GroupSummary = z.infer<typeof groupSummary>;
const detailsAnswer = z.object({ data: z.array(groupSummary) });

/** The group list prints owners as `org#app_user`, the details as a bare name: compare both, ignoring case. */
export function isOwner(owner: string, username: string): boolean {
  const bare = owner.replace(/^[^#]*#[^_]*_/, '');
  return bare.toLowerCase() === username.toLowerCase();
}

async function groupDetails(app: string, ids: string[], signal?: AbortSignal): Promise<GroupSummary[]> {
  try {
    const body = await callApi(http, app, { method: 'get', path: apiPath`chatgroups/${ids}`, signal }, detailsAnswer);
    return body.data;
  } catch (e) {
    if (!(isApiError(e) && e.status === 404)) throw e;
    // A group deleted since the list was read fails the whole batch: ask one by one, skipping the gone.
    if (ids.length === 1) return [];
    const each = await Promise.all(ids.map((id) => groupDetails(app, [id], signal)));
    return each.flat();
  }
}

/**
 * The groups a user owns, which `DELETE P/users/{u}` deletes with the user: every page of
 * `GET P/users/{u}/joined_chatgroups`, then `GET P/chatgroups/{id1,id2,…}` in batches for the owners.
 */
export async function getOwnedGroups(app: string, username: string, signal?: AbortSignal): Promise<OwnedGroup[]> {
  const joined: string[] = [];
  for (let pagenum = 1; ; pagenum++) {
    const page = await getJoinedGroups(app, username, { pagenum, pagesize: JOINED_PAGE_MAX });
    joined.push(...page.map((g) => g.groupid));
    if (page.length < JOINED_PAGE_MAX) break;
    signal?.throwIfAborted();
  }
  const owned: OwnedGroup[] = [];
  for (const ids of chunk([...new Set(joined)], GROUP_DETAILS_BATCH)) {
    for (const g of await groupDetails(app, ids, signal)) if (isOwner(g.owner, username)) owned.push({ id: g.id, name: g.name });
  }
  return owned;
}

export const ownedGroupsQueryOptions = (app: string, username: string) =>
  queryOptions({
    // Under the user's key (keys.ts has no entry for it), so changes to the user refresh it too.
    queryKey: userKeys.ownedGroups(app, username),
    queryFn: ({ signal }) => getOwnedGroups(app, username, signal),
    // Asked right before a deletion: it must be the current answer.
    staleTime: 0,
  });

export const useOwnedGroups = (app: string, username: string, enabled = true) => useQuery({ ...ownedGroupsQueryOptions(app, username), enabled });
