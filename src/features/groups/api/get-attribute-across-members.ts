import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { groupKeys } from './keys';

const acrossAnswer = z.object({ data: z.record(z.string(), z.record(z.string(), z.string())) });

/**
 * `POST P/metadata/chatgroup/{g}/get` `{targets ≤ 10, properties}` (no properties: every key): the
 * attributes of each member the answer names, by lower-case username (usernames are
 * case-insensitive, and the answer may name a member in lower case). More than 10 targets → 400
 * "query param reaches limit.": the caller checks first (ATTRIBUTE_LIMITS).
 */
export async function readMembersAttributes(
  app: string,
  groupId: string,
  targets: readonly string[],
  properties: readonly string[],
): Promise<Map<string, Record<string, string>>> {
  const body = await callApi(http, app, { method: 'post', path: apiPath`metadata/chatgroup/${groupId}/get`, json: { targets, properties } }, acrossAnswer);
  return new Map(Object.entries(body.data).map(([name, attrs]) => [name.toLowerCase(), attrs]));
}

/** Per member asked: the key's value, `null` when the member has no such key, `undefined` when the answer leaves the member out. */
export type AttributeAcross = { username: string; value: string | null | undefined };

/** One key of several members (see readMembersAttributes). */
export async function getAttributeAcrossMembers(app: string, groupId: string, key: string, usernames: readonly string[]): Promise<AttributeAcross[]> {
  const byName = await readMembersAttributes(app, groupId, usernames, [key]);
  return usernames.map((username) => {
    const attrs = byName.get(username.toLowerCase());
    return { username, value: attrs === undefined ? undefined : (attrs[key] ?? null) };
  });
}

export const attributeAcrossMembersQueryOptions = (app: string, groupId: string, key: string, usernames: readonly string[]) =>
  queryOptions({
    queryKey: groupKeys.attributeAcross(app, groupId, key, usernames),
    queryFn: () => getAttributeAcrossMembers(app, groupId, key, usernames),
    placeholderData: keepPreviousData,
  });

/** Runs only once a key and members were submitted. */
export const useAttributeAcrossMembers = (app: string, groupId: string, query: { key: string; usernames: readonly string[] } | undefined) =>
  useQuery({ ...attributeAcrossMembersQueryOptions(app, groupId, query?.key ?? '', query?.usernames ?? []), enabled: query !== undefined });
