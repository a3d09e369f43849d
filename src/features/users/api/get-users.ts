import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { callApi, http } from '@/lib/api-client/http';
import { cursorField, userEntity } from '@/lib/api-client/schemas';
import { userKeys } from './keys';

/** Documented: `limit` up to 100 (more is clamped). */
export const USERS_PAGE = { defaultLimit: 20, min: 1, max: 100 };

const getUsersAnswer = z.object({ entities: z.array(userEntity), cursor: cursorField, count: z.optional(z.number()) });

/** `GET P/users?limit&cursor`: users by creation time; `cursor` is there while more pages remain. */
export const getUsers = (app: string, params: { limit: number; cursor?: string }, signal?: AbortSignal) =>
  callApi(http, app, { method: 'get', path: 'users', searchParams: params, signal }, getUsersAnswer);

export const usersQueryOptions = (app: string, params: { limit: number; cursor?: string }) =>
  queryOptions({
    queryKey: userKeys.list(app, params),
    queryFn: ({ signal }) => getUsers(app, params, signal),
    placeholderData: keepPreviousData,
  });

export const useUsers = (app: string, params: { limit: number; cursor?: string }) => useQuery(usersQueryOptions(app, params));
