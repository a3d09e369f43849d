import { SSO_REFUSALS } from '@contract/sso';
import { Code, Stack, Text } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import type { TFunction } from '@/lib/i18n/translate';
import type { AuditEntry } from '../api/get-audit';

/** Sign-ins (with a password, or back from the identity provider) and sign-outs: not calls to an app. */
export const isSessionEntry = (e: AuditEntry) => e.path === 'im-console/session' || e.path === 'im-console/sso/callback';

// The refusals the server writes; a newer server's other codes still show, as their code.
const REFUSALS = [
  'forbidden_role',
  'csrf_failed',
  'too_many_attempts',
  'invalid_credentials',
  'invalid_name',
  'invalid_body',
  'invalid_path',
  'proxy_forbidden',
  'not_forwarded',
  'second_factor_required',
  'invalid_second_factor',
  'second_factor_enrolment_required',
  'local_sign_in_off',
  ...SSO_REFUSALS,
] as const;
type Refusal = (typeof REFUSALS)[number];
const isKnownRefusal = (code: string): code is Refusal => (REFUSALS as readonly string[]).includes(code);

/** The row in words when the method and path alone do not say it: a session change or a refused call. */
export function callHeadline(e: AuditEntry, t: TFunction): string | undefined {
  const code = e.refusal;
  const reason = code && isKnownRefusal(code) ? t(`audit.refusal.${code}`) : undefined;
  if (isSessionEntry(e) && e.method !== 'DELETE') {
    // No answer recorded: neither signed in nor refused; the status badge says so.
    if (e.status === null) return undefined;
    if (e.status === 200) return t('audit.signedIn');
    if (!code) return t('audit.signInRefused');
    return reason ? t('audit.signInRefusedBecause', { reason }) : t('audit.signInRefusedCode', { code });
  }
  if (code) return reason ? t('audit.refusedBecause', { reason }) : t('audit.refusedCode', { code });
  return isSessionEntry(e) ? t('audit.signedOut') : undefined;
}

/** What was called, on whom, and from where. */
export function AuditCall({ entry: e }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const headline = callHeadline(e, t);
  return (
    <Stack gap={2}>
      {headline && (
        <Text size="sm" fw={500}>
          {headline}
        </Text>
      )}
      <Code>
        {e.method} {e.path}
      </Code>
      {e.target && <Text size="xs">{t('audit.targetIs', { target: e.target })}</Text>}
      {e.address && (
        <Text size="xs" c="dimmed">
          {t('audit.fromAddress', { address: e.address })}
        </Text>
      )}
    </Stack>
  );
}
