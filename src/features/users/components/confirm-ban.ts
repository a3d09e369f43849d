import { confirmAction } from '@/components/confirm-action/confirm-action';
import type { TFunction } from '@/lib/i18n/translate';

/**
 * Asks before a ban or an unban, in the same words wherever it starts (the user page, a row of the
 * users table; the strings are the first screen's, so both have them); `run` makes the call.
 */
export function confirmBan(t: TFunction, username: string, banning: boolean, run: () => unknown): void {
  confirmAction(
    banning
      ? {
          title: t('usersList.rowBanTitle', { username }),
          message: t('usersList.rowBanMessage', { username }),
          confirmLabel: t('usersList.banConfirm'),
          destructive: true,
          onConfirm: run,
        }
      : {
          title: t('usersList.rowUnbanTitle', { username }),
          message: t('usersList.rowUnbanMessage', { username }),
          confirmLabel: t('usersList.unbanConfirm'),
          onConfirm: run,
        },
  );
}
