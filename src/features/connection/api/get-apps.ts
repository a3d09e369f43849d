import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TFunction } from '@/lib/i18n/translate';
import * as z from 'zod/mini';
import { answerTimes } from '@/lib/api-client/answer-times';
import { callConsole, http } from '@/lib/api-client/http';
import { connectionKeys } from './keys';

const publicApp = z.object({
  id: z.string(),
  label: z.string(),
  host: z.string(),
  scheme: z.union([z.literal('easemob'), z.literal('agora')]),
  appKey: z.string(),
  emulator: z.boolean(),
  /** How far the host is from the server (ms), once the server has heard from it. */
  quickestAnswerMs: z.optional(z.number()),
});
export type ImApp = z.infer<typeof publicApp>;

const appsAnswer = z.object({ apps: z.array(publicApp) });

export async function getApps(): Promise<ImApp[]> {
  const started = performance.now();
  const { apps } = await callConsole(http, 'apps', appsAnswer);
  // Until the console's own calls say otherwise, a host is as far as the server found it, plus the
  // way to the server and back: as the network saw it (on a cold load the page is too busy to take
  // an answer up the moment it comes), else as this code did.
  const timing = performance.getEntriesByType?.('resource').findLast((e) => e.name.endsWith('/im-console/apps')) as PerformanceResourceTiming | undefined;
  const toServer = timing && timing.responseStart > 0 ? timing.responseStart - timing.requestStart : performance.now() - started;
  for (const app of apps) if (app.quickestAnswerMs !== undefined) answerTimes.note(app.id, app.quickestAnswerMs + toServer);
  return apps;
}

export const appsQueryOptions = () =>
  queryOptions({ queryKey: connectionKeys.apps(), queryFn: getApps, staleTime: Number.POSITIVE_INFINITY });

export const useApps = () => useQuery(appsQueryOptions());

/** How an app is named on screen: the operator's label, or a translated one for the local emulator. */
export function appLabel(t: TFunction, app: ImApp): string {
  return app.emulator ? t('connection.emulatorApp', { scheme: app.scheme === 'agora' ? 'Agora Chat' : 'Easemob' }) : app.label;
}
