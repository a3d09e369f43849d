import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { http, sendConsoleExpecting } from '@/lib/api-client/http';
import { operatorKeys } from './keys';

const passwordAnswer = z.object({ password: z.string() });

/** `POST /im-console/operators/{name}/password`: a new password, shown once; their sessions end. */
export const resetOperatorPassword = async (username: string) =>
  (await sendConsoleExpecting(http, { method: 'post', path: apiPath`operators/${username}/password` }, passwordAnswer)).password;

export function useResetOperatorPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetOperatorPassword,
    // The password stays only in the dialog that shows it, not in the mutation cache.
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operatorKeys.all }),
  });
}
