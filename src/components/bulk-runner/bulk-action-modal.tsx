import { Alert, Badge, Button, Group, List, Modal, Progress, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '@/lib/api-client/describe-error';
import { parseUsernames, type ParsedNames } from '@/lib/bulk/parse-names';
import type { ItemResult, ItemStatus } from '@/lib/bulk/run-bulk';
import { ConfirmBody } from '@/components/confirm-action/confirm-action';
import { DataTable } from '@/components/data-table/data-table';
import { useBulkRun, type BulkAction } from './use-bulk-run';

export type BulkActionModalProps = BulkAction & {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** Items chosen in a table; without them the user pastes names. */
  initialItems?: string[];
  /** Reads pasted text; usernames by default. */
  parse?: (text: string) => ParsedNames;
  /** The confirmation sentence for `count` items: "Mute 137 members of group X for 1 hour". */
  describe: (count: number) => string;
  confirmLabel: string;
  destructive?: boolean;
  /** For irreversible actions: the name or ID to type before it starts (see confirm-action). */
  typeToConfirm?: string;
  /** Extra fields the action needs (a mute duration…), shown with the input. */
  extra?: ReactNode;
};

type Filter = 'all' | ItemStatus;

/** The one bulk-action flow: input with checks, confirmation, progress with cancel, per-item report. */
export function BulkActionModal(props: BulkActionModalProps) {
  const { t } = useTranslation();
  const bulk = useBulkRun(props);
  const [step, setStep] = useState<'input' | 'confirm'>('input');
  const [text, setText] = useState('');
  const parse = props.parse ?? parseUsernames;
  const parsed = useMemo(
    () => (props.initialItems ? { valid: props.initialItems, duplicates: [], invalid: [] } : parse(text)),
    [props.initialItems, parse, text],
  );

  const close = () => {
    if (bulk.phase === 'running') return;
    bulk.reset();
    setStep('input');
    setText('');
    props.onClose();
  };

  let body: ReactNode;
  if (bulk.phase === 'running') body = <Running bulk={bulk} />;
  else if (bulk.phase === 'done') body = <Report results={bulk.results} onRetry={() => void bulk.retryFailed()} onClose={close} />;
  else if (step === 'confirm')
    body = (
      <ConfirmBody
        message={props.describe(parsed.valid.length)}
        confirmLabel={props.confirmLabel}
        destructive={props.destructive}
        typeToConfirm={props.typeToConfirm}
        // The run itself is the next step: the confirmation only starts it.
        onConfirm={() => void bulk.start(parsed.valid)}
        close={() => setStep('input')}
      />
    );
  else
    body = (
      <Stack>
        {props.initialItems ? (
          <Text>{t('bulk.fromSelection', { count: props.initialItems.length })}</Text>
        ) : (
          <Textarea
            label={t('bulk.input')}
            description={t('bulk.inputHint')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={4}
            maxRows={12}
            data-autofocus
          />
        )}
        <InputChecks parsed={parsed} limit={props.chunkSize} />
        {props.extra}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button disabled={parsed.valid.length === 0} onClick={() => setStep('confirm')}>
            {t('bulk.next')}
          </Button>
        </Group>
      </Stack>
    );

  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={props.title}
      size="lg"
      closeOnClickOutside={bulk.phase !== 'running'}
      closeOnEscape={bulk.phase !== 'running'}
      withCloseButton={bulk.phase !== 'running'}
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      {body}
    </Modal>
  );
}

/** What will be sent, and what will not (and why), before anything is sent. */
function InputChecks({ parsed, limit }: { parsed: ParsedNames; limit: number }) {
  const { t } = useTranslation();
  const calls = Math.ceil(parsed.valid.length / limit);
  return (
    <Stack gap={4} aria-live="polite">
      {parsed.valid.length > 0 ? (
        <Text size="sm">
          {t('bulk.valid', { count: parsed.valid.length })} {t('bulk.calls', { count: calls, limit })}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('bulk.nothingValid')}
        </Text>
      )}
      {parsed.duplicates.length > 0 && (
        <Text size="sm" c="orange.9">
          {t('bulk.duplicates', { names: parsed.duplicates.join(', ') })}
        </Text>
      )}
      {parsed.invalid.length > 0 && (
        <Alert color="red" p="xs" title={t('bulk.invalid')}>
          <List size="sm">
            {parsed.invalid.map((i) => (
              <List.Item key={i.value}>{t(i.reason === 'too-long' ? 'bulk.tooLong' : 'bulk.characters', { value: i.value })}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

function Running({ bulk }: { bulk: ReturnType<typeof useBulkRun> }) {
  const { t } = useTranslation();
  const p = bulk.progress;
  const value = p && p.total > 0 ? (p.done / p.total) * 100 : 0;
  return (
    <Stack>
      <Progress value={value} aria-label={t('bulk.progress')} animated striped />
      <Text size="sm" role="status" aria-live="polite">
        {p ? t('bulk.progressText', { ...p }) : ''}
      </Text>
      {p?.throttled && (
        <Alert color="yellow" p="xs">
          {t('bulk.throttled')}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" color="red" onClick={bulk.cancel} disabled={bulk.cancelling}>
          {bulk.cancelling ? t('bulk.cancelling') : t('bulk.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

const STATUS_COLOR: Record<ItemStatus, string> = { succeeded: 'green', failed: 'red', skipped: 'gray' };

function Report({ results, onRetry, onClose }: { results: ItemResult<string>[]; onRetry: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const clipboard = useClipboard({ timeout: 1500 });
  const [filter, setFilter] = useState<Filter>('all');
  const count = (s: ItemStatus) => results.filter((r) => r.status === s).length;
  const failed = results.filter((r) => r.status === 'failed');
  const shown = filter === 'all' ? results : results.filter((r) => r.status === filter);
  const reason = (r: ItemResult<string>) =>
    r.reason ?? (r.error !== undefined ? describeError(t, r.error) : r.status === 'skipped' ? t('bulk.skippedReason') : '');

  return (
    <Stack>
      <Text fw={600} role="status">
        {t('bulk.summary', { succeeded: count('succeeded'), failed: count('failed'), skipped: count('skipped') })}
      </Text>
      <SegmentedControl
        aria-label={t('bulk.filter')}
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={[
          { value: 'all', label: `${t('bulk.all')} ${results.length}` },
          { value: 'succeeded', label: `${t('bulk.succeeded')} ${count('succeeded')}` },
          { value: 'failed', label: `${t('bulk.failed')} ${count('failed')}` },
          { value: 'skipped', label: `${t('bulk.skipped')} ${count('skipped')}` },
        ]}
      />
      <DataTable
        aria-label={t('bulk.summary', { succeeded: count('succeeded'), failed: count('failed'), skipped: count('skipped') })}
        rows={shown}
        getRowId={(r) => r.item}
        empty={{ title: '—' }}
        columns={[
          { id: 'name', header: t('bulk.name'), cell: (r) => r.item },
          {
            id: 'status',
            header: t('bulk.status'),
            cell: (r) => (
              <Badge variant="dot" color={STATUS_COLOR[r.status]}>
                {t(`bulk.${r.status}`)}
              </Badge>
            ),
          },
          { id: 'reason', header: t('bulk.reason'), cell: reason },
        ]}
      />
      <Group justify="flex-end">
        {failed.length > 0 && (
          <>
            <Button variant="default" onClick={() => clipboard.copy(failed.map((r) => r.item).join('\n'))}>
              {clipboard.copied ? t('bulk.copied') : t('bulk.copyFailed')}
            </Button>
            <Button onClick={onRetry}>{t('bulk.retryFailed')}</Button>
          </>
        )}
        <Button variant="default" onClick={onClose}>
          {t('bulk.close')}
        </Button>
      </Group>
    </Stack>
  );
}
