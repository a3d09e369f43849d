import { createFileRoute } from '@tanstack/react-router';
import { AccountDetails } from '@/features/session/components/account-details';
import { useTranslation } from '@/lib/i18n/react';
import { PageTitle } from '@/routes/-components/page-title';

// The operator's own account (not an app's): under `/$app/` only so the shell stays the same.
export const Route = createFileRoute('/$app/account')({
  component: AccountPage,
});

function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('account.title')} />
      <AccountDetails />
    </>
  );
}
