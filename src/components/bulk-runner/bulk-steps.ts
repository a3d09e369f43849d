/**
 * The bulk-action dialog's steps: input → confirm → running → report, and from the report an
 * optional undo with its own confirm → running → report.
 */
export type BulkStep = 'input' | 'confirm' | 'running' | 'report' | 'undo-confirm' | 'undo-running' | 'undo-report';

/** Where a dialog starts: on the input, or on the confirmation when a selection needs nothing added. */
export type FirstStep = 'input' | 'confirm';

export type BulkFlow = {
  step: BulkStep;
  /** The pasted names, kept while the user goes back and forth between input and confirm. */
  text: string;
};

export type BulkEvent =
  | { type: 'type'; text: string }
  /** Input → confirm. */
  | { type: 'review' }
  /** Confirm → input (to add names); the undo's confirm → the report. */
  | { type: 'back' }
  /** The run starts: from the confirm, or from the input when it is the confirmation. */
  | { type: 'start' }
  /** The run in view ended (done or cancelled): its report. */
  | { type: 'finish' }
  /** A report's "Retry failed": its run again. */
  | { type: 'retry' }
  /** The report's Undo, when the undo asks for a confirmation. */
  | { type: 'ask-undo' }
  /** The undo starts: confirmed, or straight from the report when it asks nothing. */
  | { type: 'undo' }
  /** The dialog closed: next time it opens on its first step, empty. */
  | { type: 'reset'; first: FirstStep };

type Move = Exclude<BulkEvent['type'], 'type' | 'reset'>;

// Every move the dialog allows; any other event leaves the step as it is (a double click on a
// button that has just gone, say).
const MOVES: Record<BulkStep, Partial<Record<Move, BulkStep>>> = {
  input: { review: 'confirm', start: 'running' },
  confirm: { back: 'input', start: 'running' },
  running: { finish: 'report' },
  report: { retry: 'running', 'ask-undo': 'undo-confirm', undo: 'undo-running' },
  'undo-confirm': { back: 'report', undo: 'undo-running' },
  'undo-running': { finish: 'undo-report' },
  'undo-report': { retry: 'undo-running' },
};

export const initialFlow = (first: FirstStep): BulkFlow => ({ step: first, text: '' });

export function bulkFlow(state: BulkFlow, event: BulkEvent): BulkFlow {
  switch (event.type) {
    case 'type':
      return state.step === 'input' ? { ...state, text: event.text } : state;
    case 'reset':
      return initialFlow(event.first);
    default: {
      const next = MOVES[state.step][event.type];
      return next ? { ...state, step: next } : state;
    }
  }
}

/** Steps where a run is in flight: the dialog cannot be closed then (cancel the run instead). */
export const isRunning = (step: BulkStep) => step === 'running' || step === 'undo-running';
