import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { callConsole, http } from '@/lib/api-client/http';
import { encodeSegment } from '@/lib/api-client/api-path';
import { connectionKeys } from './keys';

const healthAnswer = z.object({
  ok: z.boolean(),
  host: z.string(),
  status: z.optional(z.number()),
  error: z.optional(z.string()),
  error_description: z.optional(z.string()),
});
export type AppHealth = z.infer<typeof healthAnswer>;

/** Can the proxy reach the app's host and authenticate? */
export const getAppHealth = (app: string) => callConsole(http, `apps/${encodeSegment(app)}/health`, healthAnswer);

export const appHealthQueryOptions = (app: string) =>
  queryOptions({ queryKey: connectionKeys.health(app), queryFn: () => getAppHealth(app), staleTime: 60_000 });

export const useAppHealth = (app: string) => useQuery(appHealthQueryOptions(app));
