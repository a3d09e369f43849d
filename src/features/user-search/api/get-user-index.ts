import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { callConsole, http } from '@/lib/api-client/http';
import { encodeSegment } from '@/lib/api-client/api-path';
import { userSearchKeys } from './keys';

const buildProgress = z.object({
  mode: z.enum(['build', 'rewalk']),
  usersIndexed: z.number(),
  calls: z.number(),
  /** Calls per second now (lowered after a 429). */
  rate: z.number(),
  startedAt: z.number(),
  etaSeconds: z.nullable(z.number()),
  /** The server's periodic pick-up of new users: its end is not news. */
  routine: z.optional(z.boolean()),
});

export const indexStatus = z.object({
  app: z.string(),
  count: z.number(),
  lastBuiltAt: z.nullable(z.string()),
  building: z.nullable(buildProgress),
  resumable: z.boolean(),
  lastError: z.nullable(z.string()),
});
export type IndexStatus = z.infer<typeof indexStatus>;
export type BuildProgress = z.infer<typeof buildProgress>;

export const indexPath = (app: string) => `apps/${encodeSegment(app)}/users/index`;

/** While a walk runs, its progress is read again every 2 s. */
export const INDEX_POLL_MS = 2000;

/** `GET /im-console/apps/{app}/users/index`: the index's size, age and any walk in progress. */
export const getUserIndex = (app: string) => callConsole(http, indexPath(app), indexStatus);

export const userIndexQueryOptions = (app: string) =>
  queryOptions({
    queryKey: userSearchKeys.status(app),
    queryFn: () => getUserIndex(app),
    refetchInterval: (query) => (query.state.data?.building ? INDEX_POLL_MS : false),
  });

export const useUserIndex = (app: string) => useQuery(userIndexQueryOptions(app));
