import { Alert, Button, CopyButton, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';

type Props = {
  username: string;
  password: string;
  /** Done: the password is gone from the page. */
  onDone: () => void;
};

/** A password the server made, shown this once: the warning, the password, a copy button and Done. */
export function OneTimePassword({ username, password, onDone }: Props) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="yellow" role="status" title={t('operators.passwordOnceTitle')}>
        {t('operators.passwordOnce', { username })}
      </Alert>
      <Group gap="sm" wrap="nowrap" align="flex-end">
        {/* Read-only, so it can be selected and is read out with its label. */}
        <TextInput
          label={t('operators.passwordFor', { username })}
          value={password}
          readOnly
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: 1 }}
        />
        <CopyButton value={password}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('operators.copied') : t('operators.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Group justify="flex-end">
        <Button onClick={onDone} data-autofocus>
          {t('operators.done')}
        </Button>
      </Group>
    </Stack>
  );
}

/** After a password reset: the new password in a dialog of its own. */
export function OneTimePasswordDialog({ username, password, onDone }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onDone} title={t('operators.newPasswordTitle', { username })} closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
      <OneTimePassword username={username} password={password} onDone={onDone} />
    </Modal>
  );
}
