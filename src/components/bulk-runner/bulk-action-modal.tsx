import { Modal } from '@mantine/core';
import { useMemo, useReducer, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useReturnFocus } from '@/lib/focus/return-focus';
import { parseUsernames, type ParsedNames } from '@/lib/bulk/parse-names';
import type { ItemOutcome, ItemResult } from '@/lib/bulk/run-bulk';
import { BulkConfirmStep } from './bulk-confirm-step';
import { BulkInputStep } from './bulk-input-step';
import { bulkFlow, initialFlow, isRunning, type FirstStep } from './bulk-steps';
import { RunProgress } from './run-progress';
import { RunReport } from './run-report';
import { useStepFocus } from './step-focus';
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
  const firstStep: FirstStep = props.reviewFirst && selection && selection.length > 0 ? 'confirm' : 'input';
  const [{ step, text }, dispatch] = useReducer(bulkFlow, firstStep, initialFlow);
  const parse = props.parse ?? parseUsernames;
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
  const running = isRunning(step);

  // Mantine's own return is off: the dialog may have been mounted already open, lazily, after the click.
  const returnFocus = useReturnFocus(props.opened);
  const stepRef = useStepFocus(step, props.opened);

  // The step follows the run: its progress now, its report once it has ended, however it ended.
  const runThen = (event: 'start' | 'retry' | 'undo', work: () => Promise<void>) => {
    dispatch({ type: event });
    void work().finally(() => dispatch({ type: 'finish' }));
  };
  const start = () => runThen('start', () => bulk.start(parsed.valid));
  const startUndo = () => runThen('undo', () => undoBulk.start(undoItems));

  const close = () => {
    if (running) return;
    bulk.reset();
    undoBulk.reset();
    dispatch({ type: 'reset', first: firstStep });
    props.onClose();
    returnFocus();
  };

  let body: ReactNode;
  switch (step) {
    case 'input':
      body = (
        <BulkInputStep
          selected={selection?.length ?? 0}
          withPaste={!selection || props.pasteMore === true}
          text={text}
          onText={(value) => dispatch({ type: 'type', text: value })}
          parsed={parsed}
          limit={props.chunkSize}
          extra={props.extra}
          refusal={refusal}
          inline={inline}
          describe={props.describe}
          confirmLabel={props.confirmLabel}
          destructive={props.destructive}
          onCancel={close}
          onNext={inline ? start : () => dispatch({ type: 'review' })}
        />
      );
      break;
    case 'confirm':
      body = (
        <BulkConfirmStep
          sentence={props.describe(count)}
          refusal={refusal}
          review={props.review?.(parsed.valid)}
          // Opened on the confirmation: names can still be added on the input step.
          onAddNames={firstStep === 'confirm' && props.pasteMore ? () => dispatch({ type: 'back' }) : undefined}
          confirmLabel={props.confirmLabel}
          destructive={props.destructive}
          typeToConfirm={typeToConfirm}
          onStart={start}
          // Back to the input, or out when the dialog opened here.
          onCancel={firstStep === 'confirm' ? close : () => dispatch({ type: 'back' })}
        />
      );
      break;
    case 'running':
      body = <RunProgress progress={bulk.progress} cancelling={bulk.cancelling} onCancel={bulk.cancel} />;
      break;
    case 'report':
      body = (
        <RunReport
          results={bulk.results}
          onRetry={() => runThen('retry', bulk.retryFailed)}
          onClose={close}
          undo={
            undo && undoItems.length > 0
              ? { label: undo.label, onClick: () => (undo.confirm === false ? startUndo() : dispatch({ type: 'ask-undo' })) }
              : undefined
          }
        />
      );
      break;
    case 'undo-confirm':
      body = undo && (
        <BulkConfirmStep
          sentence={undo.describe(undoItems.length)}
          confirmLabel={undo.confirmLabel ?? undo.label}
          destructive={undo.destructive}
          onStart={startUndo}
          // Back to the first report.
          onCancel={() => dispatch({ type: 'back' })}
        />
      );
      break;
    case 'undo-running':
      body = <RunProgress progress={undoBulk.progress} cancelling={undoBulk.cancelling} onCancel={undoBulk.cancel} />;
      break;
    case 'undo-report':
      body = <RunReport heading={t('bulk.undoReport')} results={undoBulk.results} onRetry={() => runThen('retry', undoBulk.retryFailed)} onClose={close} />;
      break;
  }

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
