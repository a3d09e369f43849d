import { Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { roleName } from '@/lib/api-client/describe-error';
import { useTranslation } from '@/lib/i18n/react';
import type { Operator } from '../api/get-operators';
import { useUpdateOperator } from '../api/update-operator';
import { DialogFormEnd } from './dialog-form-end';
import { RoleSelect } from './role-select';

type Props = {
  operator: Operator;
  /** The signed-in operator's own row: demoting themselves takes their admin pages away. */
  self: boolean;
  onClose: () => void;
};

/** A local operator's new role: applies at their next request. The server refuses to demote the last enabled admin. */
export function ChangeRoleDialog({ operator, self, onClose }: Props) {
  const { t } = useTranslation();
  const [role, setRole] = useState(operator.role);
  const update = useUpdateOperator({
    handlesError: true,
    successMessage: ({ username, change }) => t('operators.roleChanged', { username, role: roleName(t, change.role) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (role === operator.role) return onClose();
    update.mutate({ username: operator.username, change: { role } }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('operators.changeRoleTitle', { username: operator.username })} closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{self ? t('operators.changeOwnRoleHint') : t('operators.changeRoleHint', { username: operator.username })}</Text>
          <RoleSelect
            value={role}
            onChange={(next) => {
              setRole(next);
              update.reset();
            }}
            data-autofocus
          />
          <DialogFormEnd mutation={update} failedTitle={t('operators.notChanged')} submitLabel={t('operators.save')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
