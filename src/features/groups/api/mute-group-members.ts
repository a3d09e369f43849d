import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import type { ItemOutcome } from '@/lib/bulk/run-bulk';
import { untilFromExpire } from './get-group-mutes';

/** Documented limit of `POST P/chatgroups/{g}/mute`. */
export const MUTE_LIMIT = 60;
/** `mute_duration: -1` mutes until unmuted. */
export const PERMANENT_MUTE = -1;

const muteResult = z.object({ result: z.boolean(), user: z.string(), expire: z.optional(z.number()), reason: z.optional(z.string()) });
const muteAnswer = z.object({ data: z.array(muteResult) });

export type MuteOutcome = ItemOutcome<string> & { until?: number | null };

/** Mutes up to 60 members for `durationMs` (or -1: permanently); the answer says per user whether it worked, and until when. */
export async function muteGroupMembers(app: string, groupId: string, usernames: string[], durationMs: number): Promise<MuteOutcome[]> {
  const body = await callApi(
    http,
    app,
    { method: 'post', path: apiPath`chatgroups/${groupId}/mute`, json: { usernames, mute_duration: durationMs } },
    muteAnswer,
  );
  return body.data.map((r, i) => ({
    item: usernames.includes(r.user) ? r.user : (usernames[i] ?? r.user),
    ok: r.result,
    reason: r.reason,
    until: r.expire === undefined ? undefined : untilFromExpire(r.expire),
  }));
}
