import { useMutation, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { callConsole, http, sendConsoleExpecting } from '@/lib/api-client/http';

// The signed-in operator's own account: how they signed in and their second factor (TOTP).

const accountAnswer = z.object({
  username: z.string(),
  role: z.string(),
  /** `password`, `password+totp`, `password+recovery`, `sso`. */
  signIn: z.nullable(z.string()),
  secondFactor: z.object({ enrolled: z.boolean(), required: z.boolean(), recoveryCodesLeft: z.number() }),
});
export type Account = z.infer<typeof accountAnswer>;

const enrolmentAnswer = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });
export type Enrolment = z.infer<typeof enrolmentAnswer>;

const confirmAnswer = z.object({ recoveryCodes: z.array(z.string()) });

export const accountKey = ['im-console', 'account'] as const;

/** `GET /im-console/account`. */
export const useAccount = () => useQuery({ queryKey: accountKey, queryFn: () => callConsole(http, 'account', accountAnswer) });

/** `POST /im-console/account/second-factor`: a new secret, its otpauth URI and QR code (SVG). */
export function useBeginSecondFactor() {
  return useMutation({
    mutationFn: () => sendConsoleExpecting(http, { method: 'post', path: 'account/second-factor' }, enrolmentAnswer),
    meta: { handlesError: true },
  });
}

/**
 * `POST /im-console/account/second-factor/confirm {code}`: the ten recovery codes, shown once. The
 * account is refreshed by the caller once they are saved (refreshing here would hide them).
 */
export function useConfirmSecondFactor() {
  return useMutation({
    mutationFn: async (code: string) => (await sendConsoleExpecting(http, { method: 'post', path: 'account/second-factor/confirm', json: { code } }, confirmAnswer)).recoveryCodes,
    meta: { handlesError: true },
  });
}
