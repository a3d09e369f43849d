import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { userEntity } from '@/lib/api-client/schemas';
import { useInvalidateBlocks } from './invalidate';

/** Documented: user blacklist calls are limited to 50 per second per app. */
export const UNBLOCK_RATE = 50;

const unblockAnswer = z.object({ entities: z.optional(z.array(userEntity)) });

/** `DELETE P/users/{owner}/blocks/users/{blocked}`: a friend stays a friend and can message again. */
export const unblockUser = (app: string, owner: string, blocked: string) =>
  callApi(http, app, { method: 'delete', path: apiPath`users/${owner}/blocks/users/${blocked}` }, unblockAnswer);

export function useUnblockUser(app: string, owner: string, successMessage: (blocked: string) => string) {
  const invalidate = useInvalidateBlocks(app);
  return useMutation({
    mutationFn: (blocked: string) => unblockUser(app, owner, blocked),
    meta: { successMessage },
    onSuccess: () => invalidate(owner),
  });
}
