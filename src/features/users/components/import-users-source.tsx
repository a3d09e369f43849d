import { Alert, Button, Group, Text, Textarea } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import { TextFileInput } from '@/components/text-file/text-file-input';
import type { TextFileSource } from '@/components/text-file/use-text-file';
import { describeError } from '@/lib/api-client/describe-error';
import { downloadText, type DecodedText } from '@/lib/csv/download';
import { toCsv } from '@/lib/csv/write-csv';

type ImportUsersSourceProps = {
  text: string;
  onText: (text: string) => void;
  file: TextFileSource<DecodedText>;
  /** Why the file, or the input, could not be read. */
  error: unknown;
};

/** Where the rows come from: pasted lines, or a CSV file (which then replaces them), and a template to start from. */
export function ImportUsersSource({ text, onText, file, error }: ImportUsersSourceProps) {
  const { t } = useTranslation();
  const read = file.read;

  const template = async () => {
    downloadText('users-template.csv', await toCsv(['username', 'password', 'nickname'], [['user001', 'change-me-1', '小明'], ['user002', 'change-me-2', 'Bob']]));
  };

  return (
    <>
      {read ? (
        <Alert color="blue" title={t('userRegister.fromFile', { name: read.name })}>
          <Text size="sm">
            {read.value.encoding === 'utf-8' ? t('userRegister.fileUtf8') : t('userRegister.fileGb18030')} {t('userRegister.fileClearHint')}
          </Text>
        </Alert>
      ) : (
        <Textarea
          label={t('userRegister.pasteLabel')}
          description={t('userRegister.pasteHint')}
          placeholder={'username,password,nickname\nalice01,secret-1,Alice\nbob02,secret-2,小明'}
          value={text}
          onChange={(e) => onText(e.currentTarget.value)}
          autosize
          minRows={5}
          maxRows={14}
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
      )}
      <Group align="flex-end">
        <TextFileInput
          source={file}
          label={t('userRegister.fileLabel')}
          description={t('userRegister.fileHint')}
          placeholder={t('userRegister.filePlaceholder')}
          clearLabel={t('userRegister.clearFile')}
          w={360}
        />
        <Button variant="subtle" onClick={() => void template()}>
          {t('userRegister.template')}
        </Button>
      </Group>
      {error !== undefined && (
        <Alert color="red" role="alert" title={t('userRegister.fileFailed')}>
          {describeError(t, error)}
        </Alert>
      )}
    </>
  );
}
