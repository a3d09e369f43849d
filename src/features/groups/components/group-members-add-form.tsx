import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { TFunction } from '@/lib/i18n/translate';
import { isApiError } from '@/lib/api-client/api-error';
import { describeError } from '@/lib/api-client/describe-error';
import { useAddGroupMember } from '../api/add-group-member';
import { checkUsername } from './group-members-username';

/** The documented refusals of `POST …/users/{u}` in words, or undefined for any other error. */
export function explainAddError(t: TFunction, error: unknown, username: string): string | undefined {
  if (!isApiError(error) || error.kind !== 'http') return undefined;
  const d = error.description;
  if (error.error === 'forbidden_op' && d.includes('already in group')) return t('groupMembers.errorAlreadyMember', { username });
  if (error.error === 'forbidden_op' && d.includes('blacklist')) return t('groupMembers.errorBlacklisted', { username });
  if (error.error === 'exceed_limit' && d.includes('too many groups')) return t('groupMembers.errorTooManyGroups', { username });
  if (error.error === 'exceed_limit') return t('groupMembers.errorGroupFull');
  if (error.status === 404 && d.startsWith('username')) return t('groupMembers.errorNoUser', { username });
  return undefined;
}

type Props = { app: string; groupId: string; groupName: string; onClose: () => void };

/** Adds one user; a refusal is explained next to the field and the typed name stays. */
export default function GroupMembersAddForm({ app, groupId, groupName, onClose }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [invalid, setInvalid] = useState(false);
  const add = useAddGroupMember(app, groupId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkUsername(name);
    if (!checked.ok) return setInvalid(true);
    add.mutate(checked.name, { onSuccess: onClose });
  };
  const explained = add.isError ? explainAddError(t, add.error, add.variables ?? '') : undefined;

  return (
    <Modal opened onClose={onClose} title={t('groupMembers.addTitle', { group: groupName })} closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('groupMembers.addLabel')}
            description={t('groupMembers.addHint')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setInvalid(false);
              add.reset();
            }}
            error={invalid ? t('groupMembers.invalidName') : undefined}
            autoComplete="off"
            data-autofocus
          />
          {add.isError && (
            <Alert color="red" p="xs" role="alert" title={explained}>
              <Text size="sm">{explained && isApiError(add.error) ? t('groupMembers.errorFromApi', { message: add.error.description }) : describeError(t, add.error)}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('groupMembers.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
