import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { BulkActionModal } from '@/components/bulk-runner/bulk-action-modal';
import { TextFileInput } from '@/components/text-file/text-file-input';
import { useTextFile } from '@/components/text-file/use-text-file';
import { FRIEND_CAP, isFriendCapError } from '@/features/friends/api/add-friend';
import { IMPORT_FRIENDS_RATE, IMPORT_FRIENDS_LIMIT, importFriends } from '@/features/friends/api/import-friends';
import { useInvalidateFriends } from '@/features/friends/api/invalidate';
import { mergeImportAnswers, type ImportCall, type ImportOutcome, type ImportReportRow } from '@/features/friends/api/merge-import-answers';
import { describeError } from '@/lib/api-client/describe-error';
import { parseUsernames } from '@/lib/bulk/parse-names';
import type { ItemOutcome } from '@/lib/bulk/run-bulk';
import { parseCsv } from '@/lib/csv/parse-csv';
import { readFriendNames } from './import-names';

type Props = {
  app: string;
  owner: string;
  onClose: () => void;
  /** After each run: the merged report of every call of this dialog. */
  onReport: (rows: ImportReportRow[]) => void;
};

/**
 * Imports any number of friends: pasted names or CSV, or a CSV file, 10 names per call. Each call's
 * four lists are merged into one report, one row per name.
 */
export default function ImportFriendsDialog({ app, owner, onClose, onReport }: Props) {
  const { t } = useTranslation();
  const invalidate = useInvalidateFriends(app);
  const [notify, setNotify] = useState(false);
  // A CSV file's username column.
  const source = useTextFile(async ({ text }) => {
    const table = await parseCsv(text, { columns: ['username'], required: ['username'] });
    if (table.missingColumns.length > 0) throw new Error(t('friends.import.noUsernameColumn'));
    return parseUsernames(table.rows.map((r) => r.values.username ?? '').join('\n'));
  });
  const fromFile = source.read && { name: source.read.name, parsed: source.read.value };
  // Every answer of this dialog (retries included), merged into one report at the end of each run.
  const calls = useRef<ImportCall[]>([]);

  const reason = (outcome: ImportOutcome) => (outcome === 'added' ? undefined : t(`friends.import.outcome.${outcome}`, { owner, free: FRIEND_CAP.free, paid: '3,000' }));

  const run = async (chunk: string[]): Promise<ItemOutcome<string>[]> => {
    try {
      const answer = await importFriends(app, owner, chunk, { isSendNotice: notify });
      calls.current.push({ sent: chunk, answer });
      return mergeImportAnswers([{ sent: chunk, answer }]).map((r) => ({ item: r.username, ok: r.outcome === 'added', reason: reason(r.outcome) }));
    } catch (e) {
      // The owner is at the cap: no name of this call was imported; say why in words.
      if (isFriendCapError(e)) return chunk.map((item) => ({ item, ok: false, reason: t('friends.import.ownerAtCap', { owner, free: FRIEND_CAP.free, paid: '3,000', api: describeError(t, e) }) }));
      throw e;
    }
  };

  return (
    <BulkActionModal
      opened
      onClose={onClose}
      title={t('friends.import.title', { owner })}
      initialItems={fromFile?.parsed.valid}
      parse={readFriendNames}
      chunkSize={IMPORT_FRIENDS_LIMIT}
      rate={IMPORT_FRIENDS_RATE}
      describe={(count) => t(notify ? 'friends.import.describeNotify' : 'friends.import.describe', { count, owner })}
      confirmLabel={t('friends.import.confirm')}
      run={run}
      onFinished={(results) => {
        invalidate([owner, ...results.filter((r) => r.status === 'succeeded').map((r) => r.item)]);
        onReport(mergeImportAnswers(calls.current));
      }}
      extra={
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('friends.import.hint')}
          </Text>
          <TextFileInput
            source={source}
            label={t('friends.import.file')}
            description={t('friends.import.fileHint')}
            placeholder={t('friends.import.filePlaceholder')}
            clearLabel={t('friends.import.clearFile')}
          />
          {source.error !== undefined && (
            <Alert color="red" p="xs" role="alert">
              {source.error instanceof Error ? source.error.message : String(source.error)}
            </Alert>
          )}
          {fromFile && (
            <Text size="sm" aria-live="polite">
              {t('friends.import.fromFile', { count: fromFile.parsed.valid.length, name: fromFile.name })}
              {fromFile.parsed.invalid.length > 0 && ` ${t('friends.import.fileInvalid', { names: fromFile.parsed.invalid.map((i) => i.value).join(', ') })}`}
            </Text>
          )}
          <Checkbox
            label={t('friends.import.notify')}
            description={t('friends.import.notifyHint')}
            checked={notify}
            onChange={(e) => setNotify(e.currentTarget.checked)}
          />
        </Stack>
      }
    />
  );
}
