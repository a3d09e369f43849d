import { Button, Modal, Stack, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { OPERATOR_NAME, useAddOperator } from '../api/add-operator';
import { DialogFormEnd } from './dialog-form-end';
import { OneTimePassword } from './one-time-password';
import { RoleSelect } from './role-select';

/** "Add operator": a button, and the dialog that adds a local operator and shows their password once. */
export function AddOperator() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpened(false);
    setTimeout(() => button.current?.focus(), 0);
  };
  return (
    <>
      <Button ref={button} size="sm" onClick={() => setOpened(true)}>
        {t('operators.add')}
      </Button>
      {opened && <AddOperatorDialog onClose={close} />}
    </>
  );
}

function AddOperatorDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<string>('viewer');
  const [nameError, setNameError] = useState<string>();
  const add = useAddOperator();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // As the server reads it: trimmed and in lower case.
    const name = username.trim().toLowerCase();
    if (!name) return setNameError(t('operators.usernameRequired'));
    if (!OPERATOR_NAME.test(name)) return setNameError(t('operators.usernameInvalid'));
    setNameError(undefined);
    add.mutate({ username: name, role });
  };

  const added = add.data;
  return (
    <Modal
      opened
      onClose={onClose}
      title={added ? t('operators.addedTitle', { username: added.operator.username }) : t('operators.addTitle')}
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      {added ? (
        <OneTimePassword username={added.operator.username} password={added.password} onDone={onClose} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('operators.username')}
              description={t('operators.usernameHint')}
              value={username}
              onChange={(e) => {
                setUsername(e.currentTarget.value);
                setNameError(undefined);
                add.reset();
              }}
              error={nameError}
              required
              autoComplete="off"
              spellCheck={false}
              data-autofocus
            />
            <RoleSelect value={role} onChange={setRole} />
            <DialogFormEnd mutation={add} failedTitle={t('operators.notAdded')} submitLabel={t('operators.addSubmit')} onCancel={onClose} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
