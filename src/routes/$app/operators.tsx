import { createFileRoute } from '@tanstack/react-router';
import { operatorsQueryOptions } from '@/features/operators/api/get-operators';
import { OperatorsTable } from '@/features/operators/components/operators-table';
import { useTranslation } from '@/lib/i18n/react';
import { getSessionState, isAdminSession } from '@/lib/session/session-store';
import { AdminOnly } from '@/routes/-components/admin-only';
import { PageTitle } from '@/routes/-components/page-title';
import { waitBriefly } from '@/lib/query/wait-briefly';

// The console's operators (its own accounts, not an app's): under `/$app/` only so the shell
// (navigation, app switcher) stays the same.
export const Route = createFileRoute('/$app/operators')({
  loader: ({ cause, context, params }) => {
    // Not for a signed-in operator who is no admin: the server would refuse it (and audit the refusal).
    const session = getSessionState();
    if (session.status !== 'signed-in' || isAdminSession(session)) return waitBriefly(cause, params.app, [context.queryClient.prefetchQuery(operatorsQueryOptions())]);
  },
  component: OperatorsPage,
});

function OperatorsPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('operators.title')} note={t('operators.adminOnly')}>
      <PageTitle title={t('operators.title')} description={t('operators.description')} />
      <OperatorsTable />
    </AdminOnly>
  );
}
