import { ActionIcon, Menu } from '@mantine/core';
import { useRef, useState } from 'react';
import { confirmAction, type ConfirmOptions } from '@/components/confirm-action/confirm-action';
import { useTranslation } from '@/lib/i18n/react';
import { useEndOperatorSessions } from '../api/end-operator-sessions';
import type { Operator } from '../api/get-operators';
import { useResetOperatorPassword } from '../api/reset-operator-password';
import { useResetOperatorSecondFactor } from '../api/reset-operator-second-factor';
import { useUpdateOperator } from '../api/update-operator';
import { ChangeRoleDialog } from './change-role-dialog';
import { OneTimePasswordDialog } from './one-time-password';
import { isSso } from './operator-words';

type Props = {
  operator: Operator;
  /** The signed-in operator's own row. */
  self: boolean;
};

type Open = { dialog: 'role' } | { dialog: 'password'; password: string } | null;

/**
 * One operator's actions: change role, disable or enable, reset password or second factor, end
 * sessions. An SSO operator's role, password and second factor are the identity provider's, so
 * those are not offered. Whatever the server refuses (the last enabled admin) is said in its words.
 */
export function OperatorActions({ operator, self }: Props) {
  const { t } = useTranslation();
  const { username } = operator;
  const [open, setOpen] = useState<Open>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Every dialog is opened from the menu, whose items are gone once it closes: focus comes back here.
  const backToButton = () => setTimeout(() => button.current?.focus(), 0);
  const close = () => {
    setOpen(null);
    backToButton();
  };

  // Disabling says a refusal (the last enabled admin) in its confirmation; enabling, in a notification.
  const disable = useUpdateOperator({ handlesError: true, successMessage: () => t('operators.disabledDone', { username }) });
  const enable = useUpdateOperator({ successMessage: () => t('operators.enabledDone', { username }) });
  const resetPassword = useResetOperatorPassword();
  const resetSecondFactor = useResetOperatorSecondFactor();
  const endSessions = useEndOperatorSessions();
  /**
   * What ends the operator's sessions (disable, reset password or second factor, end sessions) is
   * confirmed first; on one's own row the confirmation says it signs you out too.
   */
  const ask = (o: Pick<ConfirmOptions, 'title' | 'confirmLabel' | 'onConfirm' | 'showsError' | 'onClosed'> & { message: string }) =>
    confirmAction({ destructive: true, onClosed: backToButton, ...o, message: self ? `${o.message} ${t('operators.selfSignedOut')}` : o.message });

  const confirmDisable = () =>
    ask({
      title: t('operators.disableTitle', { username }),
      message: t('operators.disableMessage', { username }),
      confirmLabel: t('operators.disableConfirm'),
      onConfirm: () => disable.mutateAsync({ username, change: { disabled: true } }),
      showsError: true,
    });

  const confirmResetPassword = () => {
    let password: string | undefined;
    ask({
      title: t('operators.resetPasswordTitle', { username }),
      message: t('operators.resetPasswordMessage', { username }),
      confirmLabel: t('operators.resetPasswordConfirm'),
      onConfirm: async () => {
        password = await resetPassword.mutateAsync(username);
      },
      // Shown once the confirmation has gone, in a dialog of its own.
      onClosed: () => (password === undefined ? backToButton() : setOpen({ dialog: 'password', password })),
    });
  };

  const confirmResetSecondFactor = () =>
    ask({
      title: t('operators.resetSecondFactorTitle', { username }),
      message: t('operators.resetSecondFactorMessage', { username }),
      confirmLabel: t('operators.resetSecondFactorConfirm'),
      onConfirm: () => resetSecondFactor.mutateAsync(username),
    });

  const confirmEndSessions = () =>
    ask({
      title: t('operators.endSessionsTitle', { username }),
      message: t('operators.endSessionsMessage', { username }),
      confirmLabel: t('operators.endSessionsConfirm'),
      onConfirm: () => endSessions.mutateAsync(username),
    });

  const sso = isSso(operator);
  return (
    <>
      {/* No focus placeholder: a menu may hold only items (axe), and focus goes to the first one, as in the ARIA menu pattern. */}
      <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <ActionIcon ref={button} variant="subtle" color="gray" aria-label={t('operators.actionsFor', { username })}>
            <span aria-hidden>⋯</span>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {!sso && <Menu.Item onClick={() => setOpen({ dialog: 'role' })}>{t('operators.changeRole')}</Menu.Item>}
          {operator.disabled ? (
            <Menu.Item disabled={enable.isPending} onClick={() => enable.mutate({ username, change: { disabled: false } })}>
              {t('operators.enable')}
            </Menu.Item>
          ) : (
            <Menu.Item onClick={confirmDisable}>{t('operators.disable')}</Menu.Item>
          )}
          {!sso && <Menu.Item onClick={confirmResetPassword}>{t('operators.resetPassword')}</Menu.Item>}
          {operator.signIn === 'password+totp' && <Menu.Item onClick={confirmResetSecondFactor}>{t('operators.resetSecondFactor')}</Menu.Item>}
          <Menu.Item onClick={confirmEndSessions}>{t('operators.endSessions')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {open?.dialog === 'role' && <ChangeRoleDialog operator={operator} self={self} onClose={close} />}
      {open?.dialog === 'password' && <OneTimePasswordDialog username={username} password={open.password} onDone={close} />}
    </>
  );
}
