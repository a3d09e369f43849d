import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { http, sendConsoleExpecting } from '@/lib/api-client/http';
import { operatorSchema } from './get-operators';
import { operatorKeys } from './keys';

/** What the server accepts as an operator's name (server/operators.ts `NAME_RE`), checked before sending. */
export const OPERATOR_NAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

const addAnswer = z.object({ operator: operatorSchema, password: z.string() });
export type NewOperator = { username: string; role: string };

/** `POST /im-console/operators {username, role}` → 201 with the operator and their password, shown once. */
export const addOperator = (operator: NewOperator) => sendConsoleExpecting(http, { method: 'post', path: 'operators', json: operator }, addAnswer);

export function useAddOperator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addOperator,
    // The dialog shows a refusal (a name that exists) beside the form.
    meta: { handlesError: true },
    // The password stays only in the dialog that shows it, not in the mutation cache.
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operatorKeys.all }),
  });
}
