import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client/api-error';
import type { ItemOutcome } from '@/lib/bulk/run-bulk';
import { renderWithProviders } from '@/testing/render';
import { BulkActionModal, type BulkActionModalProps } from './bulk-action-modal';

const base = {
  opened: true,
  onClose: () => {},
  title: 'Mute members',
  chunkSize: 2,
  rate: 100,
  concurrency: 1,
  describe: (n: number) => `Mute ${n} members of group 42 for 1 hour`,
  confirmLabel: 'Mute',
};

describe('BulkActionModal', () => {
  it('flags duplicates and invalid names before sending, and counts the calls', async () => {
    const run = vi.fn();
    const { user } = renderWithProviders(<BulkActionModal {...base} run={run} />);
    await user.click(screen.getByRole('textbox', { name: /Names/ }));
    await user.paste(`alice, bob\nALICE\nx/y\n${'z'.repeat(65)}\ncarol`);
    expect(screen.getByText('3 names will be sent in 2 calls of at most 2')).toBeInTheDocument();
    expect(screen.getByText('Given more than once (sent once): alice')).toBeInTheDocument();
    expect(screen.getByText('x/y: only a–z, 0–9, “_”, “-” and “.” are allowed')).toBeInTheDocument();
    expect(screen.getByText(`${'z'.repeat(65)}: longer than 64 characters`)).toBeInTheDocument();
    expect(run).not.toHaveBeenCalled();
  });

  it('will not go on with nothing valid', async () => {
    const { user } = renderWithProviders(<BulkActionModal {...base} run={vi.fn()} />, { language: 'zh-CN' });
    await user.type(screen.getByRole('textbox', { name: /名称/ }), '张三');
    expect(screen.getByText('没有可发送的有效名称。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '确认内容' })).toBeDisabled();
  });

  it('confirms in words, runs in chunks, and reports each failure with its reason; retry sends only the failed', async () => {
    const refused = new ApiError({ kind: 'http', status: 403, error: 'forbidden_op', description: 'users [erin] are not members of this group!', call: 'POST /x' });
    const failing = new Set(['bob']);
    let refuseErin = true;
    const run = vi.fn(async (chunk: string[]): Promise<ItemOutcome<string>[] | void> => {
      if (refuseErin && chunk.includes('erin')) throw refused;
      return chunk.filter((n) => failing.has(n)).map((item) => ({ item, ok: false, reason: 'forbidden operation on group owner!' }));
    });
    const onFinished = vi.fn();
    const { user } = renderWithProviders(<BulkActionModal {...base} run={run} onFinished={onFinished} />);
    await user.click(screen.getByRole('textbox', { name: /Names/ }));
    await user.paste('alice bob carol dave erin');
    await user.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.getByText('Mute 5 members of group 42 for 1 hour')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Mute' }));

    expect(await screen.findByText('3 succeeded, 2 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();
    expect(run.mock.calls.map((c) => c[0])).toEqual([['alice', 'bob'], ['carol', 'dave'], ['erin']]);
    expect(onFinished).toHaveBeenCalledOnce();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('row', { name: /bob Failed forbidden operation on group owner!/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /erin Failed users \[erin\] are not members of this group! \(403 forbidden_op\)/ })).toBeInTheDocument();

    failing.clear();
    refuseErin = false;
    await user.click(screen.getByRole('button', { name: 'Retry failed' }));
    expect(await screen.findByText('5 succeeded, 0 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();
    expect(run.mock.calls.slice(3).map((c) => c[0])).toEqual([['bob', 'erin']]);
    expect(onFinished).toHaveBeenCalledTimes(2);
  });

  it('cancels: the call in flight finishes, the rest is reported as skipped', async () => {
    let release!: () => void;
    const run = vi.fn((chunk: string[]) => (chunk[0] === 'a' ? new Promise<void>((r) => (release = r)) : Promise.resolve()));
    const { user } = renderWithProviders(<BulkActionModal {...base} initialItems={['a', 'b', 'c', 'd', 'e']} run={run} />);
    expect(screen.getByText('5 selected rows')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Review' }));
    await user.click(screen.getByRole('button', { name: 'Mute' }));
    expect(screen.getByRole('progressbar', { name: 'Progress' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel the rest' }));
    release();
    expect(await screen.findByText('2 succeeded, 0 failed, 3 skipped', { selector: 'p' })).toBeInTheDocument();
    await waitFor(() => expect(run).toHaveBeenCalledOnce());
    await user.click(screen.getByRole('radio', { name: /Skipped 3/ }));
    expect(within(screen.getByRole('table')).getAllByText('Not sent: cancelled')).toHaveLength(3);
  });

  it('offers undo on the report for exactly the items that succeeded, confirms it, and reports it on its own', async () => {
    const run = vi.fn(async (chunk: string[]) => (chunk[0] === 'bob' ? [{ item: 'bob', ok: false, reason: 'no such user' }] : undefined));
    let daveBusy = true;
    const inverse = vi.fn(async (chunk: string[]) => (daveBusy && chunk[0] === 'dave' ? [{ item: 'dave', ok: false, reason: 'busy' }] : undefined));
    const onFinished = vi.fn();
    const { user } = renderWithProviders(
      <BulkActionModal
        {...base}
        chunkSize={1}
        title="Ban users"
        describe={(n) => `Ban ${n} users`}
        confirmLabel="Ban"
        initialItems={['alice', 'bob', 'carol', 'dave']}
        run={run}
        onFinished={onFinished}
        undo={{ label: 'Undo', describe: (n) => `Unban the ${n} users this run banned`, confirmLabel: 'Unban', run: inverse }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Review' }));
    await user.click(screen.getByRole('button', { name: 'Ban' }));
    expect(await screen.findByText('3 succeeded, 1 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByText('Unban the 3 users this run banned')).toBeInTheDocument();
    expect(inverse).not.toHaveBeenCalled();
    // Going back keeps the first report.
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByText('3 succeeded, 1 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await user.click(screen.getByRole('button', { name: 'Unban' }));

    expect(await screen.findByText('Result of the undo')).toBeInTheDocument();
    expect(screen.getByText('2 succeeded, 1 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();
    expect(inverse.mock.calls.map((c) => c[0])).toEqual([['alice'], ['carol'], ['dave']]);
    expect(within(screen.getByRole('table')).getByRole('row', { name: /dave Failed busy/ })).toBeInTheDocument();
    // The undo's own results go to onFinished (to invalidate once more); an undo cannot be undone.
    expect(onFinished).toHaveBeenCalledTimes(2);
    expect(onFinished.mock.calls[1]![0].map((r: { item: string }) => r.item)).toEqual(['alice', 'carol', 'dave']);
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();

    daveBusy = false;
    await user.click(screen.getByRole('button', { name: 'Retry failed' }));
    expect(await screen.findByText('3 succeeded, 0 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();
    expect(inverse.mock.calls.at(-1)![0]).toEqual(['dave']);
  });

  it('offers no undo when nothing succeeded', async () => {
    const { user } = renderWithProviders(
      <BulkActionModal
        {...base}
        initialItems={['bob']}
        run={async () => [{ item: 'bob', ok: false, reason: 'no such user' }]}
        undo={{ label: 'Undo', describe: (n) => `Unmute ${n}`, run: vi.fn() }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Review' }));
    await user.click(screen.getByRole('button', { name: 'Mute' }));
    expect(await screen.findByText('0 succeeded, 1 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });

  it('moves focus from step to step and gives it back to the button that opened the dialog', async () => {
    let release!: () => void;
    const run = vi.fn(() => new Promise<void>((r) => (release = r)));
    function Opener(props: Partial<BulkActionModalProps>) {
      const [opened, setOpened] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpened(true)}>
            Mute many
          </button>
          <BulkActionModal {...base} run={run} {...props} opened={opened} onClose={() => setOpened(false)} />
        </>
      );
    }
    const { user } = renderWithProviders(<Opener />);
    await user.click(screen.getByRole('button', { name: 'Mute many' }));
    const names = screen.getByRole('textbox', { name: /Names/ });
    await waitFor(() => expect(names).toHaveFocus());
    await user.paste('alice bob');
    await user.keyboard('{Tab}{Tab}{Enter}');
    // The confirmation: focus on the sentence that says what will happen, not on the button.
    await waitFor(() => expect(screen.getByText('Mute 2 members of group 42 for 1 hour')).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Mute' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveFocus());
    release();
    await waitFor(() => expect(screen.getByText('2 succeeded, 0 failed, 0 skipped', { selector: 'p' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Mute many' })).toHaveFocus());
  });
});

describe('BulkActionModal: fewer steps where the risk allows', () => {
  it('puts the summary and Undo above the per-item rows', async () => {
    const { user } = renderWithProviders(
      <BulkActionModal
        {...base}
        chunkSize={60}
        initialItems={Array.from({ length: 70 }, (_, i) => `m${i}`)}
        run={async () => undefined}
        undo={{ label: 'Undo', describe: (n) => `Unmute ${n}`, run: vi.fn() }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Review' }));
    await user.click(screen.getByRole('button', { name: 'Mute' }));
    const summary = await screen.findByText('70 succeeded, 0 failed, 0 skipped', { selector: 'p' });
    const undo = screen.getByRole('button', { name: 'Undo' });
    const table = screen.getByRole('table');
    // Both come before the table in reading order (and so on screen, at the top of the dialog).
    expect(summary.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(undo.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('adds pasted names to the selection, and starts from the input step when it is the confirmation', async () => {
    const run = vi.fn(async () => undefined);
    const { user } = renderWithProviders(
      <BulkActionModal {...base} chunkSize={60} initialItems={['alice', 'bob']} pasteMore inlineConfirm run={run} />,
    );
    expect(screen.getByText('2 selected rows')).toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: /More names/ }));
    await user.paste('bob carol\ndave');
    expect(screen.getByText('4 names will be sent in 1 call of at most 60')).toBeInTheDocument();
    expect(screen.getByText('Given more than once (sent once): bob')).toBeInTheDocument();
    expect(screen.getByText('Mute 4 members of group 42 for 1 hour')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Review' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Mute' }));
    expect(await screen.findByText('4 succeeded, 0 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();
    expect(run.mock.calls[0]).toEqual([['alice', 'bob', 'carol', 'dave']]);
  });

  it('will not start while the check refuses, and says why', async () => {
    const run = vi.fn();
    const { user } = renderWithProviders(
      <BulkActionModal {...base} initialItems={[]} pasteMore inlineConfirm check={(n) => (n > 2 ? `At most 2, not ${n}` : undefined)} run={run} />,
    );
    await user.click(screen.getByRole('textbox', { name: /^Names/ }));
    await user.paste('a b c');
    expect(screen.getByText('At most 2, not 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mute' })).toBeDisabled();
  });

  it('opens a selection on its confirmation, with the review, and asks for typing only past the threshold', async () => {
    const run = vi.fn(async () => undefined);
    const onClose = vi.fn();
    const props = {
      ...base,
      describe: (n: number) => `Remove ${n} members`,
      confirmLabel: 'Remove',
      destructive: true,
      reviewFirst: true,
      typeToConfirm: (n: number) => (n > 3 ? '42' : undefined),
      review: (items: string[]) => <p>They lose: {items.join(', ')}</p>,
      run,
      onClose,
    };
    const { user, unmount } = renderWithProviders(<BulkActionModal {...props} initialItems={['a', 'b', 'c']} />);
    expect(screen.getByText('Remove 3 members')).toBeInTheDocument();
    expect(screen.getByText('They lose: a, b, c')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('3 succeeded, 0 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();
    unmount();

    const again = renderWithProviders(<BulkActionModal {...props} initialItems={['a', 'b', 'c', 'd']} />);
    expect(screen.getByRole('button', { name: 'Remove' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Type 42 to confirm' })).toBeInTheDocument();
    // Cancel on a dialog that opened on its confirmation leaves it.
    await again.user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('undoes at once when the undo asks no confirmation, and shows what each undo did', async () => {
    const inverse = vi.fn(async (chunk: string[]) => chunk.map((item) => ({ item, ok: true, reason: `${item}: admin role put back` })));
    const { user } = renderWithProviders(
      <BulkActionModal
        {...base}
        initialItems={['alice', 'bob']}
        run={async () => undefined}
        undo={{ label: 'Undo', describe: (n) => `Put back ${n}`, confirm: false, chunkSize: 1, run: inverse }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Review' }));
    await user.click(screen.getByRole('button', { name: 'Mute' }));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Result of the undo')).toBeInTheDocument();
    expect(inverse.mock.calls.map((c) => c[0])).toEqual([['alice'], ['bob']]);
    expect(within(screen.getByRole('table')).getByRole('row', { name: /alice Succeeded alice: admin role put back/ })).toBeInTheDocument();
  });
});
