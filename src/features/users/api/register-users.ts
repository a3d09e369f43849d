import * as z from 'zod/mini';
import { callApi, http } from '@/lib/api-client/http';
import { userEntity } from '@/lib/api-client/schemas';
import type { ItemOutcome } from '@/lib/bulk/run-bulk';

/** Documented limits: username and password ≤ 64 characters, nickname ≤ 100. */
export const REGISTER_LIMITS = { username: 64, password: 64, nickname: 100 };
/** Users per batch `POST P/users` (the emulator's and the service's documented per-call cap). */
export const REGISTER_BATCH_LIMIT = 60;

export type Registration = { username: string; password: string; nickname?: string };

const registerOneAnswer = z.object({ entities: z.array(userEntity) });
const registerManyAnswer = z.object({
  entities: z.optional(z.array(userEntity)),
  data: z.optional(z.array(z.object({ username: z.string(), registerUserFailReason: z.string() }))),
});

/** `POST P/users` with one object: 400 `duplicate_unique_property_exists` when the name is taken. */
export async function registerUser(app: string, user: Registration) {
  const body = await callApi(http, app, { method: 'post', path: 'users', json: user }, registerOneAnswer);
  return body.entities[0]!;
}

/**
 * `POST P/users` with an array (≤ 60): created users come back in `entities`, refused ones in
 * `data` with `registerUserFailReason`. Outcomes are keyed by the given username.
 */
export async function registerUsers(app: string, users: Registration[]): Promise<ItemOutcome<string>[]> {
  const body = await callApi(http, app, { method: 'post', path: 'users', json: users }, registerManyAnswer);
  const failed = new Map((body.data ?? []).map((f) => [f.username.toLowerCase(), f.registerUserFailReason]));
  return users.map((u) => {
    const reason = failed.get(u.username.toLowerCase());
    return reason === undefined ? { item: u.username, ok: true } : { item: u.username, ok: false, reason };
  });
}
