import { Button, Group, Modal } from '@mantine/core';
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { apiPath } from '@/lib/api-client/api-path';
import { useCan } from '@/lib/session/session-store';
import { confirmAction } from '@/components/confirm-action/confirm-action';
import { useBanUser } from '@/features/users/api/ban-user';
import { useDisconnectUser } from '@/features/users/api/disconnect-user';
import { useUnbanUser } from '@/features/users/api/unban-user';
import type { UserEntity } from '@/lib/api-client/schemas';
import { confirmBan } from './confirm-ban';
import { DeleteUserButton } from './delete-user-button';
import { PushSettingsForm } from './push-settings-form';
import { ResetPasswordForm } from './reset-password-form';

type Props = {
  app: string;
  /** As in the URL (the page's query keys); `user.username` is the stored spelling shown to people. */
  username: string;
  user: UserEntity;
  onDeleted: () => void;
  /** Open at once at this action's confirmation (the command palette's "ban alice"), if the role and the state allow it. */
  confirm?: 'ban' | 'unban' | 'disconnect';
  /** After `confirm` was acted on, shown or not: the caller takes it out of the URL. */
  onConfirmShown?: () => void;
};

/** What support staff can do to one account: each destructive step asks first and notifies when done. */
export function UserActions({ app, username, user, onDeleted, confirm, onConfirmShown }: Props) {
  const { t } = useTranslation();
  const ban = useBanUser(app);
  const unban = useUnbanUser(app);
  const disconnect = useDisconnectUser(app);
  const [dialog, setDialog] = useState<'password' | 'push' | undefined>();
  const name = user.username;
  const close = () => setDialog(undefined);
  // Each action only for a role that may make its call (the endpoint files' paths).
  const can = useCan();
  const may = {
    ban: can('post', apiPath`users/${username}/deactivate`),
    unban: can('post', apiPath`users/${username}/activate`),
    disconnect: can('get', apiPath`users/${username}/disconnect`),
    password: can('put', apiPath`users/${username}/password`),
    push: can('put', apiPath`users/${username}`),
    delete: can('delete', apiPath`users/${username}`),
  };
  const askBan = () => confirmBan(t, name, true, () => ban.mutateAsync(username));
  const askUnban = () => confirmBan(t, name, false, () => unban.mutateAsync(username));
  const askDisconnect = () =>
    confirmAction({
      title: t('userPage.disconnectTitle', { username: name }),
      message: t('userPage.disconnectMessage', { username: name }),
      confirmLabel: t('userPage.disconnect'),
      destructive: true,
      onConfirm: () => disconnect.mutateAsync(username),
    });

  // Once per request (the caller clears `confirm` right after), with the state and role of then.
  const askRequested = useEffectEvent((action: NonNullable<Props['confirm']>) => {
    const ask = { ban: may.ban && user.activated && askBan, unban: may.unban && !user.activated && askUnban, disconnect: may.disconnect && askDisconnect }[action];
    if (ask) ask();
    onConfirmShown?.();
  });
  useEffect(() => {
    if (confirm) askRequested(confirm);
  }, [confirm]);

  return (
    <Group gap="xs" role="group" aria-label={t('userPage.actions')}>
      {user.activated ? (
        may.ban && (
          <Button color="red" variant="light" onClick={askBan}>
            {t('userPage.ban')}
          </Button>
        )
      ) : (
        may.unban && (
          <Button variant="light" onClick={askUnban}>
            {t('userPage.unban')}
          </Button>
        )
      )}
      {may.disconnect && (
        <Button variant="default" onClick={askDisconnect}>
          {t('userPage.disconnect')}
        </Button>
      )}
      {may.password && (
        <Button variant="default" onClick={() => setDialog('password')}>
          {t('userPage.resetPassword')}
        </Button>
      )}
      {may.push && (
        <Button variant="default" onClick={() => setDialog('push')}>
          {t('userPage.editPush')}
        </Button>
      )}
      {may.delete && <DeleteUserButton app={app} username={username} storedName={name} onDeleted={onDeleted} />}

      {/* Unmounted when closed, so nothing typed (a password least of all) outlives the dialog. */}
      <Modal opened={dialog === 'password'} onClose={close} closeButtonProps={{ 'aria-label': t('common.closeDialog') }} title={t('userPage.resetTitle', { username: name })}>
        <ResetPasswordForm app={app} username={username} onDone={close} onCancel={close} />
      </Modal>
      <Modal opened={dialog === 'push'} onClose={close} closeButtonProps={{ 'aria-label': t('common.closeDialog') }} title={t('userPage.pushTitle', { username: name })} size="lg">
        <PushSettingsForm app={app} username={username} user={user} onDone={close} onCancel={close} />
      </Modal>
    </Group>
  );
}
