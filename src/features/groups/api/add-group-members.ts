import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import type { ItemOutcome } from '@/lib/bulk/run-bulk';

/** Documented limit of `POST P/chatgroups/{g}/users {usernames}`. */
export const ADD_MEMBERS_LIMIT = 60;

const addManyAnswer = z.object({ data: z.object({ newmembers: z.array(z.string()) }) });

/**
 * Adds up to 60 users in one call. The answer lists only the users who joined; the others were
 * already members or could not join, and the API does not say which (`notAddedReason` is theirs).
 * When nobody could join the whole call fails, with the error the single call would give.
 */
export async function addGroupMembers(app: string, groupId: string, usernames: string[], notAddedReason?: string): Promise<ItemOutcome<string>[]> {
  const body = await callApi(http, app, { method: 'post', path: apiPath`chatgroups/${groupId}/users`, json: { usernames } }, addManyAnswer);
  const joined = new Set(body.data.newmembers.map((u) => u.toLowerCase()));
  return usernames.map((u) => (joined.has(u.toLowerCase()) ? { item: u, ok: true } : { item: u, ok: false, reason: notAddedReason }));
}
