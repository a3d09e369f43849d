import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { BLOCK_CAP } from './get-all-blocks';
import { useInvalidateBlocks } from './invalidate';

const blockAnswer = z.object({ data: z.array(z.string()) });

/**
 * `POST P/users/{owner}/blocks/users {usernames}`: blocks friends and strangers alike, all or none
 * (one unknown name fails the call). The answer lists the blocked names.
 */
export async function blockUsers(app: string, owner: string, usernames: string[]): Promise<string[]> {
  const body = await callApi(http, app, { method: 'post', path: apiPath`users/${owner}/blocks/users`, json: { usernames } }, blockAnswer);
  return body.data;
}

export type BlockCapCheck = {
  /** Names not on the list yet (the others change nothing). */
  fresh: string[];
  /** The size of the list after the call. */
  total: number;
  /** How many names too many; 0 when the call fits. */
  over: number;
};

/** Checks a block call against the cap of 500 before sending it, from the current list. */
export function checkBlockCap(current: readonly string[], adding: readonly string[], cap = BLOCK_CAP): BlockCapCheck {
  const have = new Set(current.map((n) => n.toLowerCase()));
  const fresh = [...new Set(adding.map((n) => n.toLowerCase()))].filter((n) => !have.has(n));
  const total = have.size + fresh.length;
  return { fresh, total, over: Math.max(0, total - cap) };
}

/** The dialog shows the error next to the names (nothing typed is lost), so no notification. */
export function useBlockUsers(app: string, owner: string, successMessage: (usernames: string[]) => string) {
  const invalidate = useInvalidateBlocks(app);
  return useMutation({
    mutationFn: (usernames: string[]) => blockUsers(app, owner, usernames),
    meta: { successMessage, handlesError: true },
    onSuccess: () => invalidate(owner),
  });
}
