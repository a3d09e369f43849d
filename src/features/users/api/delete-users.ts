import * as z from 'zod/mini';
import { callApi, http } from '@/lib/api-client/http';
import { userEntity } from '@/lib/api-client/schemas';

/** The danger zone offers at most this many per call (the documents advise 100–500). */
export const DELETE_USERS_MAX = 500;

const deleteUsersAnswer = z.object({ entities: z.array(userEntity) });

/**
 * `DELETE P/users?limit=N` deletes N users of the service's choosing (the oldest first). The answer
 * lists who was deleted. Only the danger zone calls it, after the count is typed.
 */
export async function deleteUsers(app: string, limit: number): Promise<string[]> {
  const body = await callApi(http, app, { method: 'delete', path: 'users', searchParams: { limit } }, deleteUsersAnswer);
  return body.entities.map((u) => u.username);
}
