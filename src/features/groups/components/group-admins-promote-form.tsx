import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { describeError } from '@/lib/api-client/describe-error';
import { GROUP_ADMINS_MAX } from '../api/get-group-admins';
import { useAddGroupAdmin } from '../api/add-group-admin';
import { checkUsername } from './group-members-username';

type Props = {
  app: string;
  groupId: string;
  owner: string | undefined;
  /** The current admins (undefined while loading: the count cannot be checked yet). */
  admins: string[] | undefined;
};

/** Why `username` cannot be promoted, checked before sending; undefined when it may be tried. */
export function promoteRefusal(t: ReturnType<typeof useTranslation>['t'], username: string, owner: string | undefined, admins: readonly string[]) {
  if (username === owner) return t('groupMembers.promoteIsOwner', { username });
  if (admins.includes(username)) return t('groupMembers.promoteIsAdmin', { username });
  if (admins.length >= GROUP_ADMINS_MAX) return t('groupMembers.promoteFull', { max: GROUP_ADMINS_MAX });
  return undefined;
}

/** A member's username → admin, with the documented limits checked first and the API's refusal shown here. */
export function GroupAdminsPromoteForm({ app, groupId, owner, admins }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const promote = useAddGroupAdmin(app, groupId, { handlesError: true });
  const full = admins !== undefined && admins.length >= GROUP_ADMINS_MAX;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!admins) return;
    const checked = checkUsername(name);
    if (!checked.ok) return setError(t('groupMembers.invalidName'));
    const refusal = promoteRefusal(t, checked.name, owner, admins);
    if (refusal) return setError(refusal);
    setError(undefined);
    promote.mutate(checked.name, { onSuccess: () => setName('') });
  };

  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs">
      <Title order={2} size="h4" id={headingId}>
        {t('groupMembers.promoteTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('groupMembers.promoteHint')}
      </Text>
      {full && (
        <Alert color="yellow" p="xs">
          {t('groupMembers.promoteFull', { max: GROUP_ADMINS_MAX })}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="xs">
          <TextInput
            label={t('groupMembers.promoteLabel')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setError(undefined);
              promote.reset();
            }}
            error={error}
            autoComplete="off"
            w={280}
          />
          <Button type="submit" mt={25} loading={promote.isPending} disabled={!admins || full}>
            {t('groupMembers.promote')}
          </Button>
        </Group>
      </form>
      {promote.isError && (
        <Alert color="red" p="xs" role="alert">
          {describeError(t, promote.error)}
        </Alert>
      )}
    </Stack>
  );
}
