import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import type { ItemOutcome } from '@/lib/bulk/run-bulk';

/** Documented limit of `POST P/chatgroups/{g}/blocks/users`. */
export const BLOCK_LIMIT = 60;

const blockResult = z.object({ result: z.boolean(), user: z.string(), reason: z.optional(z.string()) });
const blockAnswer = z.object({ data: z.union([blockResult, z.array(blockResult)]) });

/**
 * Blocks up to 60 members: they leave the group and cannot rejoin until unblocked. The owner
 * cannot be blocked; the answer says per user whether it worked and why not.
 */
export async function blockGroupMembers(app: string, groupId: string, usernames: string[]): Promise<ItemOutcome<string>[]> {
  const body = await callApi(http, app, { method: 'post', path: apiPath`chatgroups/${groupId}/blocks/users`, json: { usernames } }, blockAnswer);
  const results = Array.isArray(body.data) ? body.data : [body.data];
  return results.map((r, i) => ({ item: usernames.includes(r.user) ? r.user : (usernames[i] ?? r.user), ok: r.result, reason: r.reason }));
}
