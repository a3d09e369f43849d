import { describe, expect, it } from 'vitest';
import { bulkFlow, initialFlow, isRunning, type BulkEvent, type BulkFlow, type BulkStep } from './bulk-steps';

const run = (state: BulkFlow, ...events: BulkEvent[]) => events.reduce(bulkFlow, state);
const at = (step: BulkStep, text = ''): BulkFlow => ({ step, text });

describe('bulkFlow', () => {
  it('goes input → confirm → running → report, and back from the confirm to the input', () => {
    const typed = run(initialFlow('input'), { type: 'type', text: 'alice bob' });
    expect(typed).toEqual(at('input', 'alice bob'));
    expect(run(typed, { type: 'review' })).toEqual(at('confirm', 'alice bob'));
    // Back keeps what was pasted.
    expect(run(typed, { type: 'review' }, { type: 'back' })).toEqual(at('input', 'alice bob'));
    expect(run(typed, { type: 'review' }, { type: 'start' }, { type: 'finish' })).toEqual(at('report', 'alice bob'));
  });

  it('starts from the input when the input is the confirmation', () => {
    expect(run(initialFlow('input'), { type: 'start' }).step).toBe('running');
  });

  it('retries a report with its own run', () => {
    expect(run(at('report'), { type: 'retry' }).step).toBe('running');
    expect(run(at('report'), { type: 'retry' }, { type: 'finish' }).step).toBe('report');
    expect(run(at('undo-report'), { type: 'retry' }).step).toBe('undo-running');
    expect(run(at('undo-report'), { type: 'retry' }, { type: 'finish' }).step).toBe('undo-report');
  });

  it('undoes from the report, with or without its confirmation; leaving the undo’s confirm goes back to the first report', () => {
    expect(run(at('report'), { type: 'ask-undo' }).step).toBe('undo-confirm');
    expect(run(at('report'), { type: 'ask-undo' }, { type: 'back' }).step).toBe('report');
    expect(run(at('report'), { type: 'ask-undo' }, { type: 'undo' }, { type: 'finish' }).step).toBe('undo-report');
    expect(run(at('report'), { type: 'undo' }).step).toBe('undo-running');
  });

  it('ignores events the step does not offer', () => {
    const cases: [BulkStep, BulkEvent][] = [
      ['running', { type: 'back' }],
      ['running', { type: 'start' }],
      ['running', { type: 'retry' }],
      ['input', { type: 'finish' }],
      ['input', { type: 'undo' }],
      ['confirm', { type: 'review' }],
      ['report', { type: 'start' }],
      ['report', { type: 'back' }],
      ['undo-running', { type: 'undo' }],
      // An undo cannot be undone.
      ['undo-report', { type: 'ask-undo' }],
      ['undo-report', { type: 'undo' }],
    ];
    for (const [step, event] of cases) {
      const state = at(step, 'x');
      expect(bulkFlow(state, event), `${step} + ${event.type}`).toBe(state);
    }
  });

  it('takes typing on the input only', () => {
    const state = at('confirm', 'alice');
    expect(bulkFlow(state, { type: 'type', text: 'bob' })).toBe(state);
  });

  it('resets to the first step, empty, from anywhere', () => {
    expect(run(at('undo-report', 'alice'), { type: 'reset', first: 'confirm' })).toEqual(at('confirm'));
    expect(run(at('report', 'alice'), { type: 'reset', first: 'input' })).toEqual(at('input'));
  });
});

describe('isRunning', () => {
  it('is true while either run is in flight', () => {
    expect((['input', 'confirm', 'running', 'report', 'undo-confirm', 'undo-running', 'undo-report'] as const).filter(isRunning)).toEqual(['running', 'undo-running']);
  });
});
