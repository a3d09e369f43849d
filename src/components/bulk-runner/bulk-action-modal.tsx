import { Alert, Badge, Button, Group, List, Modal, Progress, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { describeError } from '@/lib/api-client/describe-error';
import { useReturnFocus } from '@/lib/focus/return-focus';
import { parseUsernames, type ParsedNames } from '@/lib/bulk/parse-names';
import type { ItemOutcome, ItemResult, ItemStatus } from '@/lib/bulk/run-bulk';
import { ConfirmBody } from '@/components/confirm-action/confirm-action';
import { DataTable } from '@/components/data-table/data-table';
import { useBulkRun, type BulkAction } from './use-bulk-run';

/**
 * The inverse of the action (unban after a ban…), offered on the report for exactly the items
 * that succeeded in this run. It runs with the action's chunk size, concurrency and pacing.
 */
export type BulkUndo = {
  /** The report's button, e.g. "Undo". */
  label: string;
  /** The confirmation sentence for `count` items: "Unban the 3 users this run banned". */
  describe: (count: number) => string;
  /** The confirm button; `label` when omitted. */
  confirmLabel?: string;
  /** A red confirm button (the inverse may be the harsher action: ban again after an unban). */
  destructive?: boolean;
  run: (chunk: string[]) => Promise<ItemOutcome<string>[] | void>;
  /** After the undo run; the action's own `onFinished` when omitted. */
  onFinished?: (results: ItemResult<string>[]) => void;
  /**
   * `false`: the report's button starts the undo at once. For an undo that only puts back what
   * the run changed, where a second question would cost an action and protect nothing.
   */
  confirm?: boolean;
  /** The inverse's own limit per call and pace, when they differ from the action's. */
  chunkSize?: number;
  rate?: number;
};

export type BulkActionModalProps = BulkAction & {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** Items chosen in a table; without them the user pastes names. */
  initialItems?: string[];
  /** With `initialItems`: names may be pasted as well, and are added to them. */
  pasteMore?: boolean;
  /** Reads pasted text; usernames by default. */
  parse?: (text: string) => ParsedNames;
  /** The confirmation sentence for `count` items: "Mute 137 members of group X for 1 hour". */
  describe: (count: number) => string;
  confirmLabel: string;
  destructive?: boolean;
  /**
   * For irreversible or large actions: the name or ID to type before it starts (see
   * confirm-action's `typedConfirmation`); a function decides by the number of items.
   */
  typeToConfirm?: string | ((count: number) => string | undefined);
  /** Extra fields the action needs (a mute duration…), shown with the input. */
  extra?: ReactNode;
  /** Why the action cannot start with `count` items as they are (no duration chosen, too many admins…). */
  check?: (count: number) => string | undefined;
  /**
   * The input step is the confirmation: it says what will happen and its button starts the run.
   * For actions with an Undo that need nothing typed (one confirmation, not two).
   */
  inlineConfirm?: boolean;
  /** With `initialItems`: open on the confirmation (nothing to add first); its Cancel closes. */
  reviewFirst?: boolean;
  /** More for the confirmation, about these items: what a removal will take away, say. */
  review?: (items: string[]) => ReactNode;
  undo?: BulkUndo;
};

type Filter = 'all' | ItemStatus;

/** The one bulk-action flow: input with checks, confirmation, progress with cancel, per-item report (and undo). */
export function BulkActionModal(props: BulkActionModalProps) {
  const { t } = useTranslation();
  const bulk = useBulkRun(props);
  const undo = props.undo;
  const undoBulk = useBulkRun({
    chunkSize: undo?.chunkSize ?? props.chunkSize,
    rate: undo?.rate ?? props.rate,
    concurrency: props.concurrency,
    run: undo?.run ?? noRun,
    onFinished: undo?.onFinished ?? props.onFinished,
  });
  const selection = props.initialItems;
  const firstStep = props.reviewFirst && selection && selection.length > 0 ? 'confirm' : 'input';
  const [step, setStep] = useState<'input' | 'confirm' | 'undo-confirm'>(firstStep);
  const [text, setText] = useState('');
  const parse = props.parse ?? parseUsernames;
  const withPaste = !selection || props.pasteMore === true;
  const parsed = useMemo(() => {
    if (!selection) return parse(text);
    if (!props.pasteMore) return { valid: selection, duplicates: [], invalid: [] };
    return addPasted(selection, parse(text));
  }, [selection, props.pasteMore, parse, text]);
  const count = parsed.valid.length;
  const refusal = count > 0 ? props.check?.(count) : undefined;
  const typeToConfirm = typeof props.typeToConfirm === 'function' ? props.typeToConfirm(count) : props.typeToConfirm;
  // One step when nothing must be typed: the input says what will happen and its button starts it.
  const inline = props.inlineConfirm === true && typeToConfirm === undefined;
  const undoItems = bulk.results.filter((r) => r.status === 'succeeded').map((r) => r.item);
  const running = bulk.phase === 'running' || undoBulk.phase === 'running';

  // Mantine's own return is off: the dialog may have been mounted already open, lazily, after the click.
  const returnFocus = useReturnFocus(props.opened);

  const close = () => {
    if (running) return;
    bulk.reset();
    undoBulk.reset();
    setStep(firstStep);
    setText('');
    props.onClose();
    returnFocus();
  };

  let body: ReactNode;
  let stepKey: string;
  if (undoBulk.phase === 'running') {
    stepKey = 'undo-running';
    body = <Running bulk={undoBulk} />;
  } else if (undoBulk.phase === 'done') {
    stepKey = 'undo-report';
    body = <Report heading={t('bulk.undoReport')} results={undoBulk.results} onRetry={() => void undoBulk.retryFailed()} onClose={close} />;
  } else if (step === 'undo-confirm' && undo) {
    stepKey = 'undo-confirm';
    body = (
      <ConfirmBody
        message={<StepText>{undo.describe(undoItems.length)}</StepText>}
        confirmLabel={undo.confirmLabel ?? undo.label}
        destructive={undo.destructive}
        // The undo's progress replaces this view.
        onConfirm={() => void undoBulk.start(undoItems)}
        // Back to the first report.
        onCancel={() => setStep('input')}
      />
    );
  } else if (bulk.phase === 'running') {
    stepKey = 'running';
    body = <Running bulk={bulk} />;
  } else if (bulk.phase === 'done') {
    stepKey = 'report';
    body = (
      <Report
        results={bulk.results}
        onRetry={() => void bulk.retryFailed()}
        onClose={close}
        undo={
          undo && undoItems.length > 0
            ? { label: undo.label, onClick: () => (undo.confirm === false ? void undoBulk.start(undoItems) : setStep('undo-confirm')) }
            : undefined
        }
      />
    );
  } else if (step === 'confirm') {
    stepKey = 'confirm';
    body = (
      <ConfirmBody
        message={
          <Stack gap="sm">
            <StepText>{props.describe(count)}</StepText>
            {refusal && (
              <Alert color="yellow" p="xs">
                {refusal}
              </Alert>
            )}
            {props.review?.(parsed.valid)}
            {/* Opened on the confirmation: names can still be added on the input step. */}
            {firstStep === 'confirm' && props.pasteMore && (
              <Group>
                <Button variant="subtle" size="compact-sm" onClick={() => setStep('input')}>
                  {t('bulk.addNames')}
                </Button>
              </Group>
            )}
          </Stack>
        }
        confirmLabel={props.confirmLabel}
        destructive={props.destructive}
        typeToConfirm={typeToConfirm}
        disabled={refusal !== undefined}
        // The run itself is the next step: the confirmation only starts it (and its view replaces this one).
        onConfirm={() => void bulk.start(parsed.valid)}
        // Back to the input, or out when the dialog opened here.
        onCancel={firstStep === 'confirm' ? close : () => setStep('input')}
      />
    );
  } else {
    stepKey = 'input';
    body = (
      <Stack>
        {selection && selection.length > 0 && <StepText>{t('bulk.fromSelection', { count: selection.length })}</StepText>}
        {withPaste && (
          <Textarea
            label={selection && selection.length > 0 ? t('bulk.inputMore') : t('bulk.input')}
            description={t('bulk.inputHint')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={selection && selection.length > 0 ? 2 : 4}
            maxRows={12}
            data-autofocus
          />
        )}
        <InputChecks parsed={parsed} limit={props.chunkSize} />
        {props.extra}
        {refusal ? (
          <Alert color="yellow" p="xs">
            {refusal}
          </Alert>
        ) : (
          inline && count > 0 && <Text fw={500}>{props.describe(count)}</Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          {inline ? (
            <Button color={props.destructive ? 'red' : undefined} disabled={count === 0 || refusal !== undefined} onClick={() => void bulk.start(parsed.valid)}>
              {props.confirmLabel}
            </Button>
          ) : (
            <Button disabled={count === 0 || refusal !== undefined} onClick={() => setStep('confirm')}>
              {t('bulk.next')}
            </Button>
          )}
        </Group>
      </Stack>
    );
  }

  const stepRef = useStepFocus(stepKey, props.opened);

  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={props.title}
      size="lg"
      returnFocus={false}
      closeOnClickOutside={!running}
      closeOnEscape={!running}
      withCloseButton={!running}
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      <div ref={stepRef}>{body}</div>
    </Modal>
  );
}

const noRun = async () => {};

/** The selection with the pasted names added: a pasted name already chosen counts as given twice. */
function addPasted(selection: string[], pasted: ParsedNames): ParsedNames {
  const chosen = new Set(selection.map((n) => n.toLowerCase()));
  const again = pasted.valid.filter((n) => chosen.has(n));
  return {
    valid: [...selection, ...pasted.valid.filter((n) => !chosen.has(n))],
    duplicates: [...new Set([...pasted.duplicates, ...again])],
    invalid: pasted.invalid,
  };
}

/** The text that says what a step is about; focus lands on it when the step has no field. */
function StepText({ children }: { children: ReactNode }) {
  return (
    <Text data-step-focus tabIndex={-1} style={{ outlineOffset: 2 }}>
      {children}
    </Text>
  );
}

/**
 * Moves focus when the dialog goes to another step (input → confirm → progress → report), so
 * keyboard and screen-reader users land on the new step instead of on a button that went away:
 * its field if it has one, else the sentence that says what it is about.
 */
function useStepFocus(stepKey: string, opened: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!opened) {
      shown.current = undefined;
      return;
    }
    // The first step is focused by the dialog itself when it opens.
    if (shown.current !== undefined && shown.current !== stepKey) {
      const root = ref.current;
      const target = root?.querySelector<HTMLElement>('[data-autofocus]') ?? root?.querySelector<HTMLElement>('[data-step-focus]');
      target?.focus();
    }
    shown.current = stepKey;
  }, [stepKey, opened]);
  return ref;
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
      <Progress value={value} aria-label={t('bulk.progress')} striped />
      <Text size="sm" role="status" aria-live="polite" data-step-focus tabIndex={-1}>
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

type ReportProps = {
  results: ItemResult<string>[];
  onRetry: () => void;
  onClose: () => void;
  /** Says whose report this is (the undo's). */
  heading?: string;
  undo?: { label: string; onClick: () => void };
};

function Report({ results, onRetry, onClose, heading, undo }: ReportProps) {
  const { t } = useTranslation();
  const clipboard = useClipboard({ timeout: 1500 });
  const [filter, setFilter] = useState<Filter>('all');
  const count = (s: ItemStatus) => results.filter((r) => r.status === s).length;
  const failed = results.filter((r) => r.status === 'failed');
  const shown = filter === 'all' ? results : results.filter((r) => r.status === filter);
  const reason = (r: ItemResult<string>) =>
    r.reason ?? (r.error !== undefined ? describeError(t, r.error) : r.status === 'skipped' ? t('bulk.skippedReason') : '');

  // The outcome and what to do next come first, in view without scrolling however long the list
  // of items below: a 70-member run must not push Undo 3,000 px down.
  return (
    <Stack>
      {heading && (
        <Text size="sm" c="dimmed">
          {heading}
        </Text>
      )}
      <Group justify="space-between" align="center" gap="sm">
        <Text fw={600} role="status" data-step-focus tabIndex={-1}>
          {t('bulk.summary', { succeeded: count('succeeded'), failed: count('failed'), skipped: count('skipped') })}
        </Text>
        <Group gap="xs">
          {undo && <Button onClick={undo.onClick}>{undo.label}</Button>}
          {failed.length > 0 && (
            <>
              <Button variant="default" onClick={() => clipboard.copy(failed.map((r) => r.item).join('\n'))}>
                {clipboard.copied ? t('bulk.copied') : t('bulk.copyFailed')}
              </Button>
              <Button variant={undo ? 'default' : 'filled'} onClick={onRetry}>
                {t('bulk.retryFailed')}
              </Button>
            </>
          )}
          <Button variant="default" onClick={onClose}>
            {t('bulk.close')}
          </Button>
        </Group>
      </Group>
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
        maxHeight="50vh"
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
    </Stack>
  );
}
