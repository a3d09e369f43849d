import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { callApi, http } from '@/lib/api-client/http';
import { userEntity } from '@/lib/api-client/schemas';
import { userKeys } from './keys';

const getUserAnswer = z.object({ entities: z.tuple([userEntity]) });

/** `GET P/users/{username}`: 404 `service_resource_not_found` when there is no such user. */
export async function getUser(app: string, username: string) {
  const body = await callApi(http, app, { method: 'get', path: apiPath`users/${username}` }, getUserAnswer);
  return body.entities[0];
}

export const userQueryOptions = (app: string, username: string) =>
  queryOptions({ queryKey: userKeys.detail(app, username), queryFn: () => getUser(app, username) });

export const useUser = (app: string, username: string) => useQuery(userQueryOptions(app, username));
