import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { groupKeys } from './keys';

const muteEntry = z.object({ user: z.string(), expire: z.number() });
const mutesAnswer = z.object({ data: z.array(muteEntry) });

/** One muted member; `until` is epoch ms when the mute ends, `null` for a permanent mute. */
export type GroupMute = { username: string; until: number | null };

/** `expire` is epoch ms; a permanent mute (`mute_duration: -1`) comes back as `expire: -1`. */
export const untilFromExpire = (expire: number): number | null => (expire < 0 ? null : expire);

/** `GET P/chatgroups/{g}/mute`: the members muted now (expired mutes are not listed). */
export async function getGroupMutes(app: string, groupId: string): Promise<GroupMute[]> {
  const body = await callApi(http, app, { method: 'get', path: apiPath`chatgroups/${groupId}/mute` }, mutesAnswer);
  return body.data.map((m) => ({ username: m.user, until: untilFromExpire(m.expire) }));
}

export const groupMutesQueryOptions = (app: string, groupId: string) =>
  queryOptions({ queryKey: groupKeys.mutes(app, groupId), queryFn: () => getGroupMutes(app, groupId) });

export const useGroupMutes = (app: string, groupId: string) => useQuery(groupMutesQueryOptions(app, groupId));
