import { Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { BulkActionModal } from '@/components/bulk-runner/bulk-action-modal';
import { useTextFile } from '@/components/text-file/use-text-file';
import { useInvalidateUsers } from '@/features/users/api/invalidate';
import { REGISTER_BATCH_LIMIT, REGISTER_LIMITS, registerUsers } from '@/features/users/api/register-users';
import { APP_RATE_LIMIT } from '@/lib/bulk/chunk';
import type { ItemResult } from '@/lib/bulk/run-bulk';
import { ImportUsersPreview } from './import-users-preview';
import { ImportUsersSource } from './import-users-source';
import { useImportPreview } from './use-import-preview';

type Props = {
  app: string;
};

/**
 * Many new users from pasted lines or a CSV file. Every row is checked and shown before anything
 * is sent; only valid rows go, in batches, and each row then shows what the service said.
 * Passwords are kept in memory for the run only and never displayed.
 */
export function ImportUsers({ app }: Props) {
  const { t } = useTranslation();
  const invalidate = useInvalidateUsers(app);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  // The file's text as decoded: its rows are checked like pasted ones.
  const file = useTextFile();
  const [debouncedText] = useDebouncedValue(text, 250);
  const preview = useImportPreview(file.read ? file.read.value.text : debouncedText);
  const { toSend, pending } = preview;
  const rows = preview.check?.rows ?? [];

  const onFinished = (results: ItemResult<string>[]) => {
    preview.record(results);
    invalidate(results.filter((r) => r.status === 'succeeded').map((r) => r.item));
  };

  return (
    <Stack>
      <Text size="sm">{t('userRegister.manyIntro', { username: REGISTER_LIMITS.username, password: REGISTER_LIMITS.password, nickname: REGISTER_LIMITS.nickname })}</Text>
      <ImportUsersSource text={text} onText={setText} file={file} error={file.error ?? preview.error} />
      <ImportUsersPreview check={preview.check} ready={toSend.size} outcomes={preview.outcomes} app={app} />

      <Group>
        <Button disabled={pending.length === 0} onClick={() => setSending(true)}>
          {t('userRegister.submitMany', { count: pending.length })}
        </Button>
        {rows.length > 0 && pending.length === 0 && toSend.size > 0 && (
          <Text size="sm" c="dimmed">
            {t('userRegister.allSent')}
          </Text>
        )}
      </Group>

      <BulkActionModal
        opened={sending}
        onClose={() => setSending(false)}
        title={t('userRegister.manyTitle')}
        initialItems={sending ? pending : undefined}
        chunkSize={REGISTER_BATCH_LIMIT}
        rate={APP_RATE_LIMIT}
        describe={(count) => t('userRegister.manyDescribe', { count, app })}
        confirmLabel={t('userRegister.manyConfirm')}
        run={(chunk) => registerUsers(app, chunk.map((u) => toSend.get(u)!))}
        onFinished={onFinished}
      />
    </Stack>
  );
}
