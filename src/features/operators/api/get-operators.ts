import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { callConsole, http } from '@/lib/api-client/http';
import { operatorKeys } from './keys';

export const operatorSchema = z.object({
  username: z.string(),
  /** A role of `@contract/roles`; kept as a string so a newer server's role still shows. */
  role: z.string(),
  /** How they sign in: `password`, `password+totp`, or `sso` (OpenID Connect: the provider gives the role). */
  signIn: z.string(),
  disabled: z.boolean(),
  lastSignInAt: z.nullable(z.string()),
  createdAt: z.string(),
});
export type Operator = z.infer<typeof operatorSchema>;

const operatorsAnswer = z.object({ operators: z.array(operatorSchema) });

/** `GET /im-console/operators` (admins): every operator, by name. */
export const getOperators = async () => (await callConsole(http, 'operators', operatorsAnswer)).operators;

export const operatorsQueryOptions = () =>
  queryOptions({
    queryKey: operatorKeys.list(),
    queryFn: getOperators,
    // Last sign-ins and states change from elsewhere (the CLI, other admins): read again when shown.
    staleTime: 0,
  });

export const useOperators = () => useQuery(operatorsQueryOptions());
