import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { http, sendConsole } from '@/lib/api-client/http';
import { useTranslation } from '@/lib/i18n/react';
import { operatorKeys } from './keys';

/** `DELETE /im-console/operators/{name}/second-factor` → 204: their TOTP and recovery codes go (a lost phone); their sessions end. */
export const resetOperatorSecondFactor = (username: string) => sendConsole(http, { method: 'delete', path: apiPath`operators/${username}/second-factor` }, z.unknown());

export function useResetOperatorSecondFactor() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetOperatorSecondFactor,
    meta: { successMessage: (username: string) => t('operators.secondFactorReset', { username }) },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operatorKeys.all }),
  });
}
