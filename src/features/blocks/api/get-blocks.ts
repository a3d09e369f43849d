import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { cursorField, nextCursor } from '@/lib/api-client/schemas';
import { blockKeys } from './keys';

const blocksAnswer = z.object({ data: z.array(z.string()), cursor: cursorField, count: z.optional(z.number()) });

export type BlocksPage = { names: string[]; cursor: string | undefined };

/** `GET P/users/{u}/blocks/users?pageSize&cursor`: a page of the blacklist, newest first. */
export async function getBlocks(app: string, username: string, params: { limit: number; cursor?: string }, signal?: AbortSignal): Promise<BlocksPage> {
  const body = await callApi(
    http,
    app,
    { method: 'get', path: apiPath`users/${username}/blocks/users`, searchParams: { pageSize: params.limit, cursor: params.cursor }, signal },
    blocksAnswer,
  );
  return { names: body.data, cursor: nextCursor(body.cursor) };
}

export const blocksQueryOptions = (app: string, username: string, params: { limit: number; cursor?: string }) =>
  queryOptions({
    queryKey: blockKeys.page(app, username, params),
    queryFn: ({ signal }) => getBlocks(app, username, params, signal),
    placeholderData: keepPreviousData,
  });

export const useBlocks = (app: string, username: string, params: { limit: number; cursor?: string }) => useQuery(blocksQueryOptions(app, username, params));
