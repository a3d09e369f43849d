import { Alert } from '@mantine/core';
import { roleName } from '@/lib/api-client/describe-error';
import { useTranslation } from '@/lib/i18n/react';
import { useSessionState } from '@/lib/session/session-store';

/** In place of a page whose every action the operator's role lacks; nothing while the session is unknown. */
export function RoleNotAllowed() {
  const { t } = useTranslation();
  const session = useSessionState();
  if (session.status !== 'signed-in') return null;
  return (
    <Alert color="yellow" role="status">
      {t('session.pageNotAllowed', { role: roleName(t, session.role) })}
    </Alert>
  );
}
