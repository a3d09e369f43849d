import { SSO_REFUSALS } from '@contract/sso';
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { callConsole, CONSOLE_BASE, http } from '@/lib/api-client/http';

// What the sign-in page offers: single sign-on (its button's label), the password form, and why
// the last sign-in through the provider was refused (told once, then forgotten by the server).

const optionsAnswer = z.object({
  sso: z.nullable(z.object({ label: z.string() })),
  localSignIn: z.boolean(),
  refusal: z.nullable(z.enum(SSO_REFUSALS)),
});
export type SignInOptions = z.infer<typeof optionsAnswer>;

/** A console server without single sign-on (or from before it): the password form only. */
const PASSWORD_ONLY: SignInOptions = { sso: null, localSignIn: true, refusal: null };

/** `GET /im-console/sso`. Asked once per page load: the refusal it carries is not there twice. */
export const useSignInOptions = () =>
  useQuery({
    queryKey: ['im-console', 'sign-in-options'],
    queryFn: () => callConsole(http, 'sso', optionsAnswer).catch(() => PASSWORD_ONLY),
    staleTime: Infinity,
    gcTime: Infinity,
  });

/** Where the button goes: the provider, then back to the page the operator asked for. */
export const ssoStartHref = (returnTo: string) => `/${CONSOLE_BASE}/sso/start?return=${encodeURIComponent(returnTo)}`;
