import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useAddFriend } from '@/features/friends/api/add-friend';
import { parseUsernames } from '@/lib/bulk/parse-names';
import { describeFriendError, READABLE_ERROR_STYLES } from './friend-errors';

type Problem = 'required' | 'invalid' | 'self';

/** One friend by name. The name stays in the field when the service refuses, with its reason below. */
export function AddFriendForm({ app, owner }: { app: string; owner: string }) {
  const { t } = useTranslation();
  const add = useAddFriend(app, owner, (friend) => t('friends.added', { owner, friend }));
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseUsernames(name);
    const friend = parsed.valid[0];
    const next: Problem | undefined =
      name.trim() === '' ? 'required' : parsed.valid.length !== 1 || parsed.invalid.length > 0 ? 'invalid' : friend === owner.toLowerCase() ? 'self' : undefined;
    setProblem(next);
    if (next || !friend) return;
    try {
      await add.mutateAsync(friend);
      setName('');
      add.reset();
    } catch {
      // Shown below the field; the name stays so it can be corrected.
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('friends.addLabel', { owner })}>
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <TextInput
          label={t('friends.addField')}
          placeholder={t('friends.addPlaceholder')}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setProblem(undefined);
          }}
          error={problem ? t(`friends.addProblem.${problem}`) : undefined}
          autoComplete="off"
          spellCheck={false}
          size="sm"
          w={220}
          styles={READABLE_ERROR_STYLES}
        />
        <Button type="submit" mt={25} size="sm" loading={add.isPending}>
          {t('friends.add')}
        </Button>
      </Group>
      {add.isError && (
        <Alert color="red" mt="xs" p="xs" role="alert" title={t('friends.addFailed', { friend: add.variables ?? name })}>
          {describeFriendError(t, add.error, { owner, friend: add.variables })}
        </Alert>
      )}
    </form>
  );
}
