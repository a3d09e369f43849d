import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import type { ImportAnswer } from './merge-import-answers';

/** Documented: at most 10 names per call (400 above), 100 calls per second per app. */
export const IMPORT_FRIENDS_LIMIT = 10;
export const IMPORT_FRIENDS_RATE = 100;

const names = z._default(z.array(z.string()), []);
const importAnswer = z.object({
  data: z.object({ success: names, NotExistFailed: names, maxLimitFailed: names, UnKnowFailed: names }),
});

/**
 * `POST P/users/{u}/contacts/import?isSendNotice=bool {usernames ≤ 10}`: the answer sorts the names
 * into four lists (see merge-import-answers.ts). 403 `exceed_limit` when the owner is at the cap.
 */
export async function importFriends(app: string, owner: string, usernames: string[], options: { isSendNotice: boolean }): Promise<ImportAnswer> {
  const body = await callApi(
    http,
    app,
    { method: 'post', path: apiPath`users/${owner}/contacts/import`, searchParams: { isSendNotice: options.isSendNotice }, json: { usernames } },
    importAnswer,
  );
  return body.data;
}
