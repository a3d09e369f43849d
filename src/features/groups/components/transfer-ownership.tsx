import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { confirmAction } from '@/components/confirm-action/confirm-action';
import { useTransferGroupOwner } from '../api/transfer-group-owner';
import { checkUsername } from './group-members-username';

type Target = { app: string; groupId: string; groupName: string; owner: string };

/**
 * Opens the transfer's confirmation: the group ID must be typed (only another transfer undoes it),
 * and it says that the old owner stays a member.
 */
export function useConfirmTransferOwnership({ app, groupId, groupName, owner }: Target) {
  const { t } = useTranslation();
  const transfer = useTransferGroupOwner(app, groupId);
  return (username: string) =>
    confirmAction({
      title: t('groupMembers.transferConfirmTitle', { username, group: groupName }),
      message: t('groupMembers.transferConfirmMessage', { username, owner }),
      confirmLabel: t('groupMembers.transferConfirm'),
      destructive: true,
      typeToConfirm: groupId,
      onConfirm: () => transfer.mutateAsync(username),
    });
}

/** A form to hand the group to another member. */
export function TransferOwnership(props: Target) {
  const { t } = useTranslation();
  const headingId = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const confirmTransfer = useConfirmTransferOwnership(props);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkUsername(name);
    if (!checked.ok) return setError(t('groupMembers.invalidName'));
    if (checked.name === props.owner) return setError(t('groupMembers.transferSameOwner', { username: checked.name }));
    setError(undefined);
    // The typed name stays in the field whatever the outcome; the API's refusal is notified.
    confirmTransfer(checked.name);
  };

  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs">
      <Title order={2} size="h4" id={headingId}>
        {t('groupMembers.transferTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('groupMembers.transferHint', { owner: props.owner })}
      </Text>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="xs">
          <TextInput
            label={t('groupMembers.transferLabel')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            autoComplete="off"
            w={280}
          />
          <Button type="submit" mt={25} variant="default" color="red">
            {t('groupMembers.transferSubmit')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
