import { Button } from '@mantine/core';
import { Suspense, useState } from 'react';
import { lazyWithPages } from '@/lib/i18n/lazy-with-pages';
import { useTranslation } from '@/lib/i18n/react';
import { describeError } from '@/lib/api-client/describe-error';
import { notify } from '@/lib/notify/notify';
import type { UserEntity } from '@/lib/api-client/schemas';

// The users list is the first screen: the modal, the CSV writer and papaparse load on first use.
const ExportUsersModal = lazyWithPages(() => import('./export-users-modal').then((m) => ({ default: m.ExportUsersModal })));

export type ExportUsersButtonProps = {
  app: string;
  /** The rows the list shows now; undefined while they load; null when it shows no page of users (search results). */
  rows: UserEntity[] | undefined | null;
};

/** Export to CSV: the page in view, or every user of the app (walked page by page, cancellable). */
export function ExportUsersButton({ app, rows }: ExportUsersButtonProps) {
  const { t } = useTranslation();
  const [allOpen, setAllOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const exportPage = async () => {
    if (!rows) return;
    setBusy(true);
    try {
      const { downloadUsersCsv } = await import('./export-users-csv');
      await downloadUsersCsv(app, rows, 'page');
    } catch (e) {
      notify({ color: 'red', title: t('usersList.exportFailed'), message: describeError(t, e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {/* Two plain buttons rather than a menu: a Menu brings Popover and floating-ui (~10 KB gz) to the first screen. */}
      {rows !== null && (
        <Button variant="default" loading={busy} disabled={!rows || rows.length === 0} onClick={() => void exportPage()}>
          {t('usersList.exportPage', { count: rows?.length ?? 0 })}
        </Button>
      )}
      <Button variant="default" onClick={() => setAllOpen(true)}>
        {t('usersList.exportAll')}
      </Button>
      {allOpen && (
        <Suspense fallback={null}>
          <ExportUsersModal app={app} onClose={() => setAllOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
