import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TFunction } from '@/lib/i18n/translate';
import * as z from 'zod/mini';
import { callConsole, http } from '@/lib/api-client/http';
import { connectionKeys } from './keys';

const publicApp = z.object({
  id: z.string(),
  label: z.string(),
  host: z.string(),
  scheme: z.union([z.literal('easemob'), z.literal('agora')]),
  appKey: z.string(),
  emulator: z.boolean(),
});
export type ImApp = z.infer<typeof publicApp>;

const appsAnswer = z.object({ apps: z.array(publicApp) });

export const getApps = async (): Promise<ImApp[]> => (await callConsole(http, 'apps', appsAnswer)).apps;

export const appsQueryOptions = () =>
  queryOptions({ queryKey: connectionKeys.apps(), queryFn: getApps, staleTime: Number.POSITIVE_INFINITY });

export const useApps = () => useQuery(appsQueryOptions());

/** How an app is named on screen: the operator's label, or a translated one for the local emulator. */
export function appLabel(t: TFunction, app: ImApp): string {
  return app.emulator ? t('connection.emulatorApp', { scheme: app.scheme === 'agora' ? 'Agora Chat' : 'Easemob' }) : app.label;
}
