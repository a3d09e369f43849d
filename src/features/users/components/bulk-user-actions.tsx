import { Button } from '@mantine/core';
import { Suspense, useState } from 'react';
import { lazyWithPages } from '@/lib/i18n/lazy-with-pages';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import type { BulkActionModalProps } from '@/components/bulk-runner/bulk-action-modal';
import { banUser } from '@/features/users/api/ban-user';
import { disconnectUser } from '@/features/users/api/disconnect-user';
import { useInvalidateUsers } from '@/features/users/api/invalidate';
import { unbanUser } from '@/features/users/api/unban-user';
import { APP_RATE_LIMIT } from '@/lib/bulk/chunk';

// The dialog is only needed once a button is pressed: it stays out of the list's first load.
const BulkActionModal = lazyWithPages(() => import('@/components/bulk-runner/bulk-action-modal').then((m) => ({ default: m.BulkActionModal })));

type Kind = 'ban' | 'unban' | 'disconnect';

/** Documented: 100 calls/s per app; ban, unban and force offline take one user per call. */
const PACE = { chunkSize: 1, rate: APP_RATE_LIMIT };

type Props = {
  app: string;
  /** Usernames chosen in the table; with none, each action asks for a pasted list. */
  selected: string[];
  /** After each run (the selection is spent). */
  onFinished: () => void;
};

/** Ban, unban and force offline for many users, per user, with a report; ban and unban can be undone. */
export function BulkUserActions({ app, selected, onFinished }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind | undefined>();
  const invalidate = useInvalidateUsers(app);
  const ban = (chunk: string[]) => banUser(app, chunk[0]!).then(() => undefined);
  const unban = (chunk: string[]) => unbanUser(app, chunk[0]!).then(() => undefined);
  const disconnect = (chunk: string[]) => disconnectUser(app, chunk[0]!);
  const count = selected.length;
  const can = useCan();

  // Invalidate once per run (and once per undo), for every user the run touched.
  const finished: BulkActionModalProps['onFinished'] = (results) => {
    invalidate(results.map((r) => r.item));
    onFinished();
  };

  let action: Pick<BulkActionModalProps, 'title' | 'describe' | 'confirmLabel' | 'destructive' | 'run' | 'undo'> | undefined;
  if (kind === 'ban')
    action = {
      title: t('usersList.banTitle'),
      describe: (n) => t('usersList.banDescribe', { count: n }),
      confirmLabel: t('usersList.banConfirm'),
      destructive: true,
      run: ban,
      undo: { label: t('usersList.undo'), describe: (n) => t('usersList.undoBanDescribe', { count: n }), confirmLabel: t('usersList.unbanConfirm'), run: unban },
    };
  else if (kind === 'unban')
    action = {
      title: t('usersList.unbanTitle'),
      describe: (n) => t('usersList.unbanDescribe', { count: n }),
      confirmLabel: t('usersList.unbanConfirm'),
      run: unban,
      undo: { label: t('usersList.undo'), describe: (n) => t('usersList.undoUnbanDescribe', { count: n }), confirmLabel: t('usersList.banConfirm'), destructive: true, run: ban },
    };
  else if (kind === 'disconnect')
    action = {
      title: t('usersList.disconnectTitle'),
      describe: (n) => t('usersList.disconnectDescribe', { count: n }),
      confirmLabel: t('usersList.disconnectConfirm'),
      run: disconnect,
    };

  return (
    <>
      {/* Always enabled (a pasted list when nothing is selected), so focus can come back here after a run. */}
      {/* Only what the operator's role may call (the same paths as ban-user, unban-user, disconnect-user). */}
      {can('post', 'users/{username}/deactivate') && (
        <Button size="xs" color="red" variant="light" onClick={() => setKind('ban')}>
          {count > 0 ? t('usersList.banSelected', { count }) : t('usersList.banList')}
        </Button>
      )}
      {can('post', 'users/{username}/activate') && (
        <Button size="xs" variant="default" onClick={() => setKind('unban')}>
          {count > 0 ? t('usersList.unbanSelected', { count }) : t('usersList.unbanList')}
        </Button>
      )}
      {can('get', 'users/{username}/disconnect') && (
        <Button size="xs" variant="default" onClick={() => setKind('disconnect')}>
          {count > 0 ? t('usersList.disconnectSelected', { count }) : t('usersList.disconnectList')}
        </Button>
      )}
      {action && (
        <Suspense fallback={null}>
          <BulkActionModal
            {...action}
            {...PACE}
            // One dialog per action, mounted while open: a new run never shows an earlier one's state.
            key={kind}
            opened
            onClose={() => setKind(undefined)}
            initialItems={count > 0 ? selected : undefined}
            onFinished={finished}
          />
        </Suspense>
      )}
    </>
  );
}
