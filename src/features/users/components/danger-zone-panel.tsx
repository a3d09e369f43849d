import { Alert, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { confirmAction } from '@/components/confirm-action/confirm-action';
import { DELETE_USERS_MAX, deleteUsers } from '@/features/users/api/delete-users';
import { useInvalidateUsers } from '@/features/users/api/invalidate';
import { imKeys } from '@/lib/query/im-keys';

/** A whole number in 1..DELETE_USERS_MAX, or undefined. */
export function parseDeleteCount(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return n >= 1 && n <= DELETE_USERS_MAX ? n : undefined;
}

/** The danger zone's form, loaded when the zone is opened: `DELETE P/users?limit=N`. */
export default function DangerZonePanel({ app, id }: { app: string; id: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [deleted, setDeleted] = useState<string[] | undefined>();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateUsers(app);
  const mutation = useMutation({
    mutationFn: (limit: number) => deleteUsers(app, limit),
    // No notification: the panel lists who was deleted (possibly fewer than asked).
    onSuccess: (names) => {
      setDeleted(names);
      invalidate(names);
      // Groups they owned are gone too.
      void queryClient.invalidateQueries({ queryKey: imKeys.groups(app) });
    },
  });
  const count = parseDeleteCount(text);
  const invalid = text.trim() !== '' && count === undefined;

  const ask = () => {
    if (count === undefined) return;
    setDeleted(undefined);
    confirmAction({
      title: t('usersList.dangerConfirmTitle', { count }),
      message: t('usersList.dangerConfirmMessage', { count }),
      confirmLabel: t('usersList.dangerConfirm'),
      destructive: true,
      typeToConfirm: String(count),
      onConfirm: () => mutation.mutateAsync(count),
    });
  };

  return (
    <Stack id={id} mt="md" gap="sm">
      <Text size="sm">{t('usersList.dangerExplain')}</Text>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('usersList.dangerCount')}
          description={t('usersList.dangerCountHint', { max: DELETE_USERS_MAX })}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={invalid ? t('usersList.dangerCountInvalid', { max: DELETE_USERS_MAX }) : undefined}
          inputMode="numeric"
          autoComplete="off"
          w={220}
        />
        <Button color="red" disabled={count === undefined} onClick={ask}>
          {count === undefined ? t('usersList.dangerDeleteIdle') : t('usersList.dangerDelete', { count })}
        </Button>
      </Group>
      {deleted && (
        <Alert color="red" variant="light" title={t('usersList.dangerDone', { count: deleted.length })} role="status">
          <Text size="sm" fw={600}>
            {t('usersList.dangerDeletedList')}
          </Text>
          <Code block>{deleted.join('\n')}</Code>
        </Alert>
      )}
    </Stack>
  );
}
