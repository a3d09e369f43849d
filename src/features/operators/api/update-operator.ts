import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '@/lib/api-client/api-path';
import { http, sendConsoleExpecting } from '@/lib/api-client/http';
import { operatorSchema } from './get-operators';
import { operatorKeys } from './keys';

export type OperatorChange = { role?: string; disabled?: boolean };

const updateAnswer = z.object({ operator: operatorSchema });

/**
 * `PATCH /im-console/operators/{name} {role?, disabled?}`: a role applies at their next request;
 * disabling ends their sessions. 409 `last_admin` for the last enabled admin, 409
 * `role_from_provider` for a role an identity provider gives (single sign-on).
 */
export const updateOperator = (username: string, change: OperatorChange) =>
  sendConsoleExpecting(http, { method: 'patch', path: apiPath`operators/${username}`, json: change }, updateAnswer);

type Options = {
  /** The form shows a refusal itself (no notification). */
  handlesError?: boolean;
  /** Shown when it is done, from what was asked. */
  successMessage?: (variables: { username: string; change: OperatorChange }) => string;
};

export function useUpdateOperator({ handlesError, successMessage }: Options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, change }: { username: string; change: OperatorChange }) => updateOperator(username, change),
    meta: { handlesError, successMessage },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operatorKeys.all }),
  });
}
