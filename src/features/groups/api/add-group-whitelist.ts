import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import type { ItemOutcome } from '@/lib/bulk/run-bulk';

/** Documented limit of `POST P/chatgroups/{g}/white/users`. */
export const WHITELIST_ADD_LIMIT = 60;

const whitelistResult = z.object({ result: z.boolean(), user: z.string(), reason: z.optional(z.string()) });
const addAnswer = z.object({ data: z.union([whitelistResult, z.array(whitelistResult)]) });

/** Adds up to 60 members to the whitelist: they may speak while everyone is muted. */
export async function addGroupWhitelist(app: string, groupId: string, usernames: string[]): Promise<ItemOutcome<string>[]> {
  const body = await callApi(http, app, { method: 'post', path: apiPath`chatgroups/${groupId}/white/users`, json: { usernames } }, addAnswer);
  const results = Array.isArray(body.data) ? body.data : [body.data];
  return results.map((r, i) => ({ item: usernames.includes(r.user) ? r.user : (usernames[i] ?? r.user), ok: r.result, reason: r.reason }));
}
