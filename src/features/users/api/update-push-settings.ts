import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { userEntity } from '@/lib/api-client/schemas';
import { useInvalidateUsers } from './invalidate';

/** Documented: a push nickname is at most 100 characters. */
export const PUSH_NICKNAME_MAX = 100;

/** One of the three documented bodies of `PUT P/users/{u}`. */
export type PushSettings =
  | { nickname: string }
  | { notification_display_style: 0 | 1 }
  | { notification_no_disturbing: boolean; notification_no_disturbing_start: number; notification_no_disturbing_end: number };

const updateAnswer = z.object({ entities: z.array(userEntity) });

/** `PUT P/users/{u}`: push nickname, push display style, or the do-not-disturb hours (0–23). */
export const updatePushSettings = (app: string, username: string, settings: PushSettings) =>
  callApi(http, app, { method: 'put', path: apiPath`users/${username}`, json: settings }, updateAnswer);

/** The form saves up to three setting groups in a row, so it says "saved" (or why not) itself. */
export function useUpdatePushSettings(app: string, username: string) {
  const invalidate = useInvalidateUsers(app);
  return useMutation({
    mutationFn: (settings: PushSettings) => updatePushSettings(app, username, settings),
    meta: { handlesError: true },
    onSuccess: () => invalidate([username]),
  });
}
