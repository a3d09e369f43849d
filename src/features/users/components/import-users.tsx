import { Alert, Badge, Button, FileInput, Group, List, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { TFunction } from '@/lib/i18n/translate';
import { BulkActionModal } from '@/components/bulk-runner/bulk-action-modal';
import { DataTable } from '@/components/data-table/data-table';
import { UserLink } from '@/components/user-link/user-link';
import { useInvalidateUsers } from '@/features/users/api/invalidate';
import { REGISTER_BATCH_LIMIT, REGISTER_LIMITS, registerUsers } from '@/features/users/api/register-users';
import { describeError } from '@/lib/api-client/describe-error';
import type { ItemResult } from '@/lib/bulk/run-bulk';
import { downloadText, readTextFile, type DecodedText } from '@/lib/csv/download';
import { toCsv } from '@/lib/csv/write-csv';
import { readImport, registrations, type ImportCheck, type ImportRow, type RowProblem } from './import-users-rows';
import { APP_RATE_LIMIT } from '@/lib/bulk/run-bulk';

type Props = {
  app: string;
};

type Source = { kind: 'text' } | { kind: 'file'; name: string; decoded: DecodedText };
type Filter = 'all' | 'problems';

/**
 * Many new users from pasted lines or a CSV file. Every row is checked and shown before anything
 * is sent; only valid rows go, in batches, and each row then shows what the service said.
 * Passwords are kept in memory for the run only and never displayed.
 */
export function ImportUsers({ app }: Props) {
  const { t } = useTranslation();
  const invalidate = useInvalidateUsers(app);
  const [text, setText] = useState('');
  const [source, setSource] = useState<Source>({ kind: 'text' });
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<unknown>();
  const [check, setCheck] = useState<ImportCheck | undefined>();
  const [outcomes, setOutcomes] = useState<Map<string, ItemResult<string>>>(new Map());
  const [filter, setFilter] = useState<Filter>('all');
  const [sending, setSending] = useState(false);
  const [debouncedText] = useDebouncedValue(text, 250);
  const input = source.kind === 'file' ? source.decoded.text : debouncedText;

  useEffect(() => {
    let current = true;
    readImport(input).then(
      (c) => {
        if (!current) return;
        setCheck(c);
        // New input, new preview: earlier outcomes would describe other rows.
        setOutcomes(new Map());
      },
      (e: unknown) => current && setFileError(e),
    );
    return () => {
      current = false;
    };
  }, [input]);

  const chooseFile = async (f: File | null) => {
    setFile(f);
    setFileError(undefined);
    if (!f) {
      setSource({ kind: 'text' });
      return;
    }
    try {
      setSource({ kind: 'file', name: f.name, decoded: await readTextFile(f) });
    } catch (e) {
      setFileError(e);
    }
  };

  const toSend = useMemo(() => (check ? registrations(check) : new Map()), [check]);
  // Rows already registered by an earlier run are not sent again.
  const pending = useMemo(() => [...toSend.keys()].filter((u) => outcomes.get(u)?.status !== 'succeeded'), [toSend, outcomes]);
  const rows = check?.rows ?? [];
  const withProblems = rows.filter((r) => r.problems.length > 0).length;
  const shown = filter === 'problems' ? rows.filter((r) => r.problems.length > 0 || outcomes.get(r.username)?.status === 'failed') : rows;

  const onFinished = (results: ItemResult<string>[]) => {
    setOutcomes((old) => {
      const next = new Map(old);
      for (const r of results) next.set(r.item, r);
      return next;
    });
    invalidate(results.filter((r) => r.status === 'succeeded').map((r) => r.item));
  };

  const template = async () => {
    downloadText('users-template.csv', await toCsv(['username', 'password', 'nickname'], [['user001', 'change-me-1', '小明'], ['user002', 'change-me-2', 'Bob']]));
  };

  return (
    <Stack>
      <Text size="sm">{t('userRegister.manyIntro', { username: REGISTER_LIMITS.username, password: REGISTER_LIMITS.password, nickname: REGISTER_LIMITS.nickname })}</Text>
      {source.kind === 'text' ? (
        <Textarea
          label={t('userRegister.pasteLabel')}
          description={t('userRegister.pasteHint')}
          placeholder={'username,password,nickname\nalice01,secret-1,Alice\nbob02,secret-2,小明'}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={5}
          maxRows={14}
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
      ) : (
        <Alert color="blue" title={t('userRegister.fromFile', { name: source.name })}>
          <Text size="sm">
            {source.decoded.encoding === 'utf-8' ? t('userRegister.fileUtf8') : t('userRegister.fileGb18030')} {t('userRegister.fileClearHint')}
          </Text>
        </Alert>
      )}
      <Group align="flex-end">
        <FileInput
          label={t('userRegister.fileLabel')}
          description={t('userRegister.fileHint')}
          placeholder={t('userRegister.filePlaceholder')}
          accept=".csv,.txt,text/csv,text/plain"
          value={file}
          onChange={(f) => void chooseFile(f)}
          clearable
          clearButtonProps={{ 'aria-label': t('userRegister.clearFile') }}
          w={360}
        />
        <Button variant="subtle" onClick={() => void template()}>
          {t('userRegister.template')}
        </Button>
      </Group>
      {fileError !== undefined && (
        <Alert color="red" role="alert" title={t('userRegister.fileFailed')}>
          {describeError(t, fileError)}
        </Alert>
      )}
      {check && check.missingColumns.length > 0 && (
        <Alert color="red" role="alert" title={t('userRegister.headerMissing', { columns: check.missingColumns.join(', ') })}>
          {t('userRegister.headerHint')}
        </Alert>
      )}
      {check && check.ignoredColumns.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('userRegister.ignoredColumns', { columns: check.ignoredColumns.join(', ') })}
        </Text>
      )}

      {rows.length > 0 && (
        <>
          <Group justify="space-between">
            <Text size="sm" aria-live="polite">
              {t('userRegister.previewSummary', { count: rows.length, ready: toSend.size, problems: withProblems })}
            </Text>
            <SegmentedControl
              size="xs"
              aria-label={t('userRegister.filter')}
              value={filter}
              onChange={(v) => setFilter(v as Filter)}
              data={[
                { value: 'all', label: t('userRegister.filterAll', { count: rows.length }) },
                { value: 'problems', label: t('userRegister.filterProblems', { count: withProblems }) },
              ]}
            />
          </Group>
          <DataTable<ImportRow>
            aria-label={t('userRegister.previewLabel')}
            rows={shown}
            getRowId={(r) => String(r.line)}
            empty={{ title: t('userRegister.noProblems') }}
            maxHeight={480}
            columns={[
              { id: 'line', header: t('userRegister.line'), cell: (r) => r.line, width: 70 },
              {
                id: 'username',
                header: t('userRegister.username'),
                cell: (r) =>
                  outcomes.get(r.username)?.status === 'succeeded' && r.problems.length === 0 ? (
                    <UserLink app={app} username={r.username} />
                  ) : (
                    <>
                      {r.username || '—'}
                      {r.typed !== undefined && r.username !== '' && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({t('userRegister.typedAs', { typed: r.typed })})
                        </Text>
                      )}
                    </>
                  ),
              },
              {
                id: 'password',
                header: t('userRegister.password'),
                // Never the password itself: only whether there is one and how long.
                cell: (r) => (r.password ? t('userRegister.passwordMasked', { count: r.password.length }) : '—'),
              },
              { id: 'nickname', header: t('userRegister.nickname'), cell: (r) => r.nickname ?? '' },
              { id: 'status', header: t('userRegister.status'), cell: (r) => <RowStatus row={r} outcome={outcomes.get(r.username)} /> },
            ]}
          />
        </>
      )}

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

function RowStatus({ row, outcome }: { row: ImportRow; outcome: ItemResult<string> | undefined }) {
  const { t } = useTranslation();
  if (row.problems.length > 0) {
    return (
      <Stack gap={2}>
        <Badge color="red" variant="light">
          {t('userRegister.notSent')}
        </Badge>
        {row.problems.length === 1 ? (
          <Text size="sm">{problemText(t, row.problems[0]!)}</Text>
        ) : (
          <List size="sm">
            {row.problems.map((p, i) => (
              <List.Item key={i}>{problemText(t, p)}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    );
  }
  if (outcome?.status === 'succeeded')
    return (
      <Badge color="green" variant="light">
        {t('userRegister.registered')}
      </Badge>
    );
  if (outcome?.status === 'failed')
    return (
      <Stack gap={2}>
        <Badge color="red" variant="filled">
          {t('userRegister.refused')}
        </Badge>
        <Text size="sm">{outcome.reason ?? (outcome.error !== undefined ? describeError(t, outcome.error) : '')}</Text>
      </Stack>
    );
  if (outcome?.status === 'skipped')
    return (
      <Badge color="gray" variant="light">
        {t('userRegister.skipped')}
      </Badge>
    );
  return (
    <Badge color="blue" variant="light">
      {t('userRegister.ready')}
    </Badge>
  );
}

function problemText(t: TFunction, p: RowProblem): string {
  switch (p.kind) {
    case 'malformed':
      return t('userRegister.problem.malformed');
    case 'missing-column':
      return t('userRegister.problem.missingColumn', { column: p.column });
    case 'extra-fields':
      return t('userRegister.problem.extraFields', { count: p.count });
    case 'username-required':
      return t('userRegister.problem.usernameRequired');
    case 'username-too-long':
      return t('userRegister.problem.usernameTooLong', { max: REGISTER_LIMITS.username });
    case 'username-characters':
      return t('userRegister.problem.usernameCharacters');
    case 'password-required':
      return t('userRegister.problem.passwordRequired');
    case 'password-too-long':
      return t('userRegister.problem.passwordTooLong', { max: REGISTER_LIMITS.password });
    case 'nickname-too-long':
      return t('userRegister.problem.nicknameTooLong', { max: REGISTER_LIMITS.nickname });
    case 'duplicate':
      return t('userRegister.problem.duplicate', { line: p.line });
  }
}
